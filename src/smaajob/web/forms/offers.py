# SPDX-License-Identifier: MPL-2.0
"""Forms for the offer catalogue, an order, a state change and a progress report.

Numbers are read as text so that the service gives its own Danish message for a negative
price or hours over a week (the field's error says what a valid value looks like)."""

from __future__ import annotations

from datetime import date

from django import forms

from smaajob.offers.legal_basis import CHOICES as LEGAL_BASIS_CHOICES
from smaajob.offers.models import Attendance, OfferKind, PriceUnit


class OfferForm(forms.Form):
    provider = forms.ChoiceField(label="Leverandør")
    title = forms.CharField(label="Titel", max_length=200, help_text="Fx »Hygiejnekursus (fødevarer)«.")
    kind = forms.ChoiceField(label="Type", choices=OfferKind.choices)
    content = forms.CharField(label="Indhold", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    duration_weeks = forms.IntegerField(label="Varighed (uger)", min_value=1, max_value=260)
    hours_per_week = forms.CharField(label="Timer pr. uge", help_text="Fx 25 eller 7,5 (højst 168).")
    price_kr = forms.CharField(label="Pris (kr.)", help_text="Fx 600 (0 eller mere).")
    price_unit = forms.ChoiceField(label="Pris pr.", choices=PriceUnit.choices)
    capacity = forms.IntegerField(label="Pladser", required=False, min_value=1, help_text="Tomt: ubegrænset.")
    certificate = forms.CharField(
        label="Giver certifikat", required=False, max_length=100, help_text="Fx »truck« eller »hygiejnebevis«."
    )
    legal_basis = forms.ChoiceField(label="Hjemmel", choices=LEGAL_BASIS_CHOICES)
    start_dates = forms.CharField(
        label="Startdatoer", required=False, help_text="Adskilt med komma, fx 5.1.2026, 2.2.2026."
    )

    def __init__(self, *args: object, providers: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["provider"].choices = [("", "– vælg –"), *providers]  # type: ignore[attr-defined]

    def clean_start_dates(self) -> list[date]:
        raw = self.cleaned_data.get("start_dates") or ""
        dates = []
        for part in [p.strip() for p in raw.split(",") if p.strip()]:
            try:
                # Django's date field reads the Danish 5.1.2026 (the da locale) and ISO 2026-01-05.
                day = forms.DateField().to_python(part)
            except forms.ValidationError:
                raise forms.ValidationError(f"»{part}« er ikke en dato; skriv fx 5.1.2026.") from None
            if day is not None:
                dates.append(day)
        return dates


class OrderForm(forms.Form):
    offer = forms.ChoiceField(label="Tilbud")
    purpose = forms.CharField(
        label="Formål", widget=forms.Textarea(attrs={"rows": 2}), help_text="Fx »Truckcertifikat til lagerjob«."
    )
    starts_on = forms.DateField(label="Start", required=False, help_text="Tomt: tilbuddets næste startdato.")
    ends_on = forms.DateField(label="Slut", required=False, help_text="Tomt: start + tilbuddets varighed.")
    hours_per_week = forms.CharField(label="Timer pr. uge", required=False, help_text="Tomt: tilbuddets timetal.")
    price_kr = forms.CharField(label="Aftalt pris i alt (kr.)", required=False, help_text="Tomt: beregnes af prisen.")

    def __init__(self, *args: object, offers: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["offer"].choices = [("", "– vælg –"), *offers]  # type: ignore[attr-defined]


class TransitionForm(forms.Form):
    reason = forms.CharField(label="Begrundelse", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    on = forms.DateField(label="Dato", required=False, help_text="Tomt: i dag.")


class ReportForm(forms.Form):
    attendance = forms.ChoiceField(label="Fremmøde", choices=Attendance.choices)
    hours_attended = forms.CharField(label="Timer deltaget i perioden", required=False, help_text="Fx 24.")
    progress = forms.CharField(label="Progression i forhold til formålet", widget=forms.Textarea(attrs={"rows": 3}))
    next_step = forms.CharField(
        label="Anbefalet næste skridt", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    is_final = forms.BooleanField(label="Slutrapport", required=False)


class PeriodForm(forms.Form):
    start = forms.DateField(label="Fra", help_text="Fx 1.1.2026.")
    end = forms.DateField(label="Til", help_text="Fx 31.12.2026.")
