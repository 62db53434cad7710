# SPDX-License-Identifier: MPL-2.0
"""Forms for the calculator and the payslip flow: plain-Danish questions, errors next to the field.

Numbers accept Danish notation (``130,50``). Service errors carry a ``field``; ``attach_error``
puts them next to that field, or at the top of the form when the form has no such field.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, cast

from django import forms

from smaajob.danish_numbers import NotANumber, read_decimal
from smaajob.errors import SmaajobError
from smaajob.money import attachments
from smaajob.money.calculator import AGE_GROUPS, MAX_HOURS_PER_WEEK, CalculatorInput, first_of
from smaajob.rules import BenefitKind, Rate

YES_NO = [("ja", "Ja"), ("nej", "Nej")]


class MonthInput(forms.DateInput):
    input_type = "month"

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, date):
            return f"{value:%Y-%m}"
        return super().format_value(value)


class DanishNumberField(forms.DecimalField):
    """A number as Danes write it: ``12.000`` is twelve thousand, ``130,50`` has a decimal comma."""

    # django-stubs gives DecimalField the to_python of its base IntegerField (int | None).
    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, str) and value.strip():
            try:
                value = read_decimal(value)
            except NotANumber as error:
                raise forms.ValidationError(str(error), code="invalid") from None
        return super().to_python(value)


def _yes(value: str) -> bool:
    return value == "ja"


class CalculatorForm(forms.Form):
    # Set by the consultant's calculator from the citizen's target group; the public form has none.
    activity_ready = False

    age_group = forms.ChoiceField(
        label="Hvor gammel er du?",
        required=False,
        choices=[(key, label) for key, (_age, label) in AGE_GROUPS.items()],
        widget=forms.RadioSelect,
        initial="30+",
        help_text="Fra 1. juli 2025 afhænger satsen af, om du er under 25, 25–29 eller 30 år eller ældre.",
    )
    birth_date = forms.DateField(
        label="Hvornår er du født? (frivilligt)",
        required=False,
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Giver den præcise alder i den måned, der regnes for.",
    )
    children = forms.IntegerField(
        label="Hvor mange børn under 18 år forsørger du?", min_value=0, max_value=30, initial=0
    )
    single = forms.ChoiceField(
        label="Er du enlig – altså hverken gift eller samlevende?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        initial="ja",
    )
    lives_with_parent = forms.ChoiceField(
        label="Bor du hos dine forældre?", choices=YES_NO, widget=forms.RadioSelect, initial="nej"
    )
    full_time_work_years_last_10 = DanishNumberField(
        label="Hvor mange år har du haft fuldtidsarbejde de seneste 10 år?",
        required=False,
        min_value=0,
        max_value=10,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text="Fx 2,5. Har betydning, hvis du er 25–29 år.",
    )
    residence_requirement_met = forms.ChoiceField(
        label="Har du boet i Danmark i mindst 9 af de seneste 10 år og haft fuldtidsarbejde i mindst 2½ år?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        initial="ja",
        help_text="Opholds- og beskæftigelseskravet. Er det ikke opfyldt, får du mindstesats. Er du i tvivl, "
        "så spørg kommunen.",
    )
    benefit = forms.ChoiceField(
        label="Hvilken hjælp får du?",
        choices=[
            (BenefitKind.KONTANTHJAELP.value, "Kontanthjælp"),
            (BenefitKind.UDDANNELSESHJAELP.value, "Uddannelseshjælp"),
            (BenefitKind.INTEGRATIONSYDELSE.value, "Selvforsørgelses- og hjemrejseydelse / integrationsydelse"),
        ],
    )
    rate = forms.ChoiceField(
        label="Hvilken sats får du?",
        choices=[
            (Rate.FULL.value, "Voksensats (den fulde sats)"),
            (Rate.LOWER.value, "En lavere sats (fx som ung eller på integrationsydelse)"),
        ],
        help_text="Kun for måneder før juli 2025: står i dit brev om hjælpen. Er du i tvivl, så vælg voksensats.",
    )
    married = forms.ChoiceField(
        label="Er du gift eller i registreret partnerskab?", choices=YES_NO, widget=forms.RadioSelect, initial="nej"
    )
    spouse_on_help = forms.ChoiceField(
        label="Får din ægtefælle også kontanthjælp eller lignende?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        initial="nej",
    )
    hourly_wage = DanishNumberField(
        label="Hvad får du i timeløn før skat (kr.)?",
        min_value=0,
        max_value=10_000,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    hours_per_week = DanishNumberField(
        label="Hvor mange timer om ugen?",
        min_value=0,
        max_value=MAX_HOURS_PER_WEEK,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    month = forms.DateField(
        label="Hvilken måned?",
        input_formats=["%Y-%m", "%Y-%m-%d"],
        widget=MonthInput,
        help_text="Reglerne og beløbene skifter fra år til år.",
    )
    benefit_amount = DanishNumberField(
        label="Hvor meget får du i hjælp om måneden før skat (kr.)?",
        required=False,
        min_value=0,
        max_value=100_000,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text="Kan springes over: så finder vi satsen ud fra dine svar, hvis vores kilder har beløbet.",
    )
    premium_eligible = forms.BooleanField(
        label="Jeg har fået brev om, at jeg kan få jobpræmie",
        required=False,
        help_text="Jobpræmien fandtes 1. april 2017 – 31. marts 2019.",
    )
    covered_one_year = forms.ChoiceField(
        label="Har du fået hjælp i mere end et år inden for de seneste tre år?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        initial="ja",
        help_text="Bruges til 225-timersreglen.",
    )
    hours_last_12_months = DanishNumberField(
        label="Hvor mange timer med løn har du haft de seneste 12 måneder?",
        required=False,
        min_value=0,
        max_value=8928,
        decimal_places=2,
        initial=0,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text="Bruges til 225-timersreglen. Skriv 0, hvis du ikke har arbejdet.",
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("spouse_on_help") == "ja" and data.get("married") != "ja":
            self.add_error("spouse_on_help", "Svar kun ja her, hvis du er gift.")
        if not data.get("age_group") and not data.get("birth_date") and "birth_date" not in self.errors:
            self.add_error("age_group", "Vælg din aldersgruppe, eller skriv hvornår du er født.")
        if data.get("married") == "ja" and data.get("single") == "ja":
            self.add_error("single", "Du har svaret, at du er gift; så er du ikke enlig. Ret et af svarene.")
        return data

    def to_input(self) -> CalculatorInput:
        d = self.cleaned_data
        amount: Decimal | None = d.get("benefit_amount")
        years: Decimal | None = d.get("full_time_work_years_last_10")
        month = first_of(d["month"])
        born: date | None = d.get("birth_date")
        return CalculatorInput(
            month=month,
            hours_per_week=float(d["hours_per_week"]),
            hourly_wage=float(d["hourly_wage"]),
            benefit=BenefitKind(d["benefit"]),
            rate=Rate(d["rate"]),
            provider=(d.get("children") or 0) > 0,
            age_30_or_over=(d.get("age_group") or "30+") == "30+"
            if born is None
            else (month.year - born.year - ((month.month, 1) < (born.month, born.day))) >= 30,
            birth_date=born,
            age_years=AGE_GROUPS[d.get("age_group") or "30+"][0],
            children=d.get("children") or 0,
            single=_yes(d["single"]),
            lives_with_parent=_yes(d["lives_with_parent"]),
            full_time_work_years_last_10=float(years) if years is not None else None,
            residence_requirement_met=_yes(d["residence_requirement_met"]),
            activity_ready=self.activity_ready,
            married=_yes(d["married"]),
            spouse_on_help=_yes(d["spouse_on_help"]),
            benefit_amount=float(amount) if amount is not None else None,
            premium_eligible=bool(d.get("premium_eligible")),
            covered_one_year=_yes(d["covered_one_year"]),
            hours_last_12_months=float(d.get("hours_last_12_months") or 0),
        )


class ScenarioForm(forms.Form):
    """Two or three numbers of hours a week to compare."""

    hours_1 = DanishNumberField(label="Scenarie 1: timer om ugen", min_value=0, max_value=MAX_HOURS_PER_WEEK, initial=4)
    hours_2 = DanishNumberField(
        label="Scenarie 2: timer om ugen",
        min_value=0,
        max_value=MAX_HOURS_PER_WEEK,
        initial=8,
        required=False,
    )
    hours_3 = DanishNumberField(
        label="Scenarie 3: timer om ugen",
        min_value=0,
        max_value=MAX_HOURS_PER_WEEK,
        initial=12,
        required=False,
    )

    def hours(self) -> list[float]:
        return [
            float(self.cleaned_data[n])
            for n in ("hours_1", "hours_2", "hours_3")
            if self.cleaned_data.get(n) is not None
        ]


class PayslipForm(forms.Form):
    placement = forms.ChoiceField(label="Hvilket job er lønsedlen fra?", required=False)
    employer_name = forms.CharField(
        label="Arbejdsgiver (hvis jobbet ikke står på listen)", required=False, max_length=200
    )
    period_start = forms.DateField(
        label="Lønperiode fra", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    period_end = forms.DateField(
        label="Lønperiode til og med", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    hours = forms.CharField(label="Antal timer på lønsedlen", widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    gross_wage = forms.CharField(
        label="Bruttoløn (før skat) i kr.", widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    attachment = forms.FileField(
        label="Lønsedlen (PDF eller billede)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}),
        help_text="Du kan tage et billede af lønsedlen med telefonen. "
        f"Højst {attachments.MAX_BYTES // 1024 // 1024} MB.",
    )
    urgent_requested = forms.BooleanField(label="Jeg mangler pengene – det haster", required=False)
    urgent_note = forms.CharField(label="Hvorfor haster det? (frivilligt)", required=False, max_length=300)

    def __init__(self, *args: Any, placements: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(p.pk), f"{p.company.name} ({p.get_kind_display()})") for p in placements]
        # cast: the field declared above; django-stubs types form.fields as plain Fields.
        cast(forms.ChoiceField, self.fields["placement"]).choices = [
            ("", "Andet job (skriv arbejdsgiveren nedenfor)"),
            *choices,
        ]
        self.placements = {str(p.pk): p for p in placements}
        # Preselect only the one job there is: with several, a preselected first job would be
        # saved for a person who never chose it.
        if len(choices) == 1:
            self.fields["placement"].initial = choices[0][0]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("placement") and (data.get("employer_name") or "").strip():
            # Both given: saving either one would drop what the person typed in the other.
            self.add_error(
                "employer_name",
                "Du har både valgt et job på listen og skrevet en arbejdsgiver. Vælg »Andet job« for at "
                "bruge den arbejdsgiver, du har skrevet, eller slet navnet.",
            )
        return data


class CalculateForm(forms.Form):
    benefit_amount = forms.CharField(
        label="Hjælp uden arbejde for måneden (kr.)",
        required=False,
        help_text="Tom: det beløb, der er registreret på borgerens ydelse.",
    )
    manual_amount = forms.CharField(
        label="Supplerende hjælp beregnet manuelt (kr.)",
        required=False,
        help_text="Kun hvis Småjob ikke kan beregne beløbet.",
    )
    manual_reason = forms.CharField(
        label="Begrundelse for manuel beregning", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Begrundelse", widget=forms.Textarea(attrs={"rows": 2}))


class PaidForm(forms.Form):
    paid_on = forms.DateField(label="Udbetalt den", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


def attach_error(form: forms.Form, error: SmaajobError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
