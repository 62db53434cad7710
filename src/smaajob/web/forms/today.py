# SPDX-License-Identifier: MPL-2.0
"""Forms for "right for today": the facts the kontanthjælp rate follows from, the target group,
sick leave, other weekly commitments and the work duty. Plain Danish, errors next to the field."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from smaajob.citizens.models import REFORM_2026_TARGET_GROUPS, SPOUSE_SUPPORT_CHOICES, ReadinessCategory
from smaajob.web.forms.fields import SlotsField, date_field, hours_field

YES_NO_UNKNOWN = [("", "Ikke oplyst"), ("ja", "Ja"), ("nej", "Nej")]


def _yes_no(value: str) -> bool | None:
    return {"ja": True, "nej": False}.get(value)


def yes_no_initial(value: bool | None) -> str:
    return "" if value is None else ("ja" if value else "nej")


class RateFactsForm(forms.Form):
    valid_from = date_field("Oplysningerne gælder fra", initial=date.today)
    children = forms.IntegerField(
        label="Antal børn under 18, som borgeren forsørger",
        required=False,
        min_value=0,
        max_value=20,
        help_text="Skriv 0, hvis borgeren ikke har børn. Tomt felt: ikke oplyst.",
    )
    single = forms.ChoiceField(
        label="Er borgeren enlig (hverken gift eller samlevende)?",
        choices=YES_NO_UNKNOWN,
        required=False,
        widget=forms.RadioSelect,
    )
    lives_with_parent = forms.ChoiceField(
        label="Bor borgeren hos en forælder?",
        choices=YES_NO_UNKNOWN,
        required=False,
        widget=forms.RadioSelect,
        help_text="Har betydning for borgere under 30 uden børn (hjemmeboende sats).",
    )
    full_time_work_years_last_10 = forms.DecimalField(
        label="År med ordinært fuldtidsarbejde de seneste 10 år",
        required=False,
        min_value=0,
        max_value=10,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 5}),
        help_text="Fx 2,5. Har betydning for borgere på 25–29 år (forhøjet sats ved ca. 2½ år).",
    )
    residence_requirement_met = forms.ChoiceField(
        label="Opfylder borgeren opholds- og beskæftigelseskravet?",
        choices=YES_NO_UNKNOWN,
        required=False,
        widget=forms.RadioSelect,
        help_text="Ophold i Danmark i mindst 9 af de seneste 10 år og fuldtidsarbejde i mindst 2½ år. "
        "Er kravet ikke opfyldt, gives mindstesats.",
    )
    target_group = forms.ChoiceField(
        label="Målgruppe (beskæftigelsesreformen 2026)",
        required=False,
        choices=[("", "– uændret –"), *[(c.value, c.label) for c in REFORM_2026_TARGET_GROUPS]],
        help_text="De tidligere visitationskategorier bevares i historikken.",
    )

    def facts(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "valid_from": data["valid_from"],
            "children": data["children"],
            "single": _yes_no(data["single"]),
            "lives_with_parent": _yes_no(data["lives_with_parent"]),
            "full_time_work_years_last_10": data["full_time_work_years_last_10"],
            "residence_requirement_met": _yes_no(data["residence_requirement_met"]),
        }


class CoverageFactsForm(forms.Form):
    """Who is covered by the 225-hour rule beyond the benefit (LAS § 13 f; issue 20 item 7)."""

    valid_from = date_field("Oplysningerne gælder fra", initial=date.today)
    spouse_support = forms.ChoiceField(
        label="Hvad lever ægtefællen af?",
        choices=[("", "Ikke oplyst / ikke gift"), *SPOUSE_SUPPORT_CHOICES],
        required=False,
        help_text="Kun for gifte. Er ægtefællen registreret som borger, bruges ægtefællens ydelse, "
        "når feltet står tomt.",
    )
    provider = forms.ChoiceField(
        label="Forsørger ægteparret børn?",
        choices=YES_NO_UNKNOWN,
        required=False,
        widget=forms.RadioSelect,
        help_text="Ikke oplyst: antallet af børn i oplysningerne til satsen bruges.",
    )
    full_child_benefit_from = date_field(
        "Ret til fuld børne- og ungeydelse fra",
        required=False,
        help_text="Fx 01.07.2023. Ægtepar med børn på integrationsydelse er først omfattet fra denne dato.",
    )

    def facts(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "valid_from": data["valid_from"],
            "spouse_support": data["spouse_support"],
            "provider": _yes_no(data["provider"]),
            "full_child_benefit_from": data["full_child_benefit_from"],
        }


class SickLeaveForm(forms.Form):
    starts_on = date_field("Syg fra")
    ends_on = date_field("Syg til og med")


class CommitmentForm(forms.Form):
    description = forms.CharField(label="Aktivitet", max_length=200, help_text="Fx »Sprogskole« eller »Behandling«.")
    slots = SlotsField(label="Ugedage og tider", help_text="Fx »man 09:00-12:00, ons 09:00-12:00«.")
    starts_on = date_field("Fra")
    ends_on = date_field("Til og med", required=False)

    def clean_slots(self) -> Any:
        slots = self.cleaned_data["slots"]
        if not slots:
            raise forms.ValidationError("Angiv mindst én ugedag med tider, fx »man 09:00-12:00«.")
        return slots


class WorkDutyForm(forms.Form):
    valid_from = date_field("Omfattet af arbejdspligt fra")
    legal_basis = forms.CharField(label="Hjemmel", max_length=200, help_text="Lov og paragraf i afgørelsen.")
    planned_hours_per_week = hours_field(
        "Planlagte timer i arbejdspligten pr. uge",
        required=False,
        help_text="Højst 37. Løntimer i et småjob tæller med. Tomt felt: ikke planlagt endnu.",
    )
    note = forms.CharField(label="Bemærkning", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class WorkDutyWeekForm(forms.Form):
    week = date_field("Uge (en dag i ugen)")
    attended_hours = hours_field("Fremmødte timer i arbejdspligtens aktiviteter")


def target_group_label(value: str) -> str:
    return str(ReadinessCategory(value).label) if value in ReadinessCategory.values else value
