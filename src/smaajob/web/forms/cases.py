# SPDX-License-Identifier: MPL-2.0
"""Forms for the caseworker's journey: visitation, resource mapping, referral, exemption, exit."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms

from smaajob.citizens.models import (
    EXEMPTION_GROUND_CHOICES,
    BenefitRate,
    BenefitType,
    DisclosableFact,
    ReadinessCategory,
)
from smaajob.courses.states import ExitOutcome, StopReason
from smaajob.network.models import DanishLevel
from smaajob.organisation.models import Project, Role, User
from smaajob.web.forms.fields import SlotsField, TagsField, date_field, hours_field, model_choice_field


class VisitationForm(forms.Form):
    cpr = forms.CharField(
        label="CPR-nummer", max_length=11, help_text="10 cifre, fx 010190-1234. Vises aldrig i adresser eller lister."
    )
    first_name = forms.CharField(label="Fornavn", max_length=100)
    last_name = forms.CharField(label="Efternavn", max_length=100)
    project = forms.ModelChoiceField(label="Projekt", queryset=Project.objects.none(), empty_label=None)
    readiness = forms.ChoiceField(
        label="Visitationskategori", choices=[("", "– ikke angivet –"), *ReadinessCategory.choices], required=False
    )
    benefit_type = forms.ChoiceField(
        label="Ydelse", choices=[("", "– ikke angivet –"), *BenefitType.choices], required=False
    )
    benefit_rate = forms.ChoiceField(label="Sats", choices=BenefitRate.choices, initial=BenefitRate.FULL)
    started_on = date_field("Visiteret den", initial=date.today)
    address = forms.CharField(label="Adresse", required=False, max_length=200)
    postcode = forms.CharField(label="Postnummer", required=False, max_length=4)
    city = forms.CharField(label="By", required=False, max_length=100)
    reason = forms.CharField(
        label="Begrundelse for visitationen", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user.municipality_id is not None:  # else none, as declared
            model_choice_field(self, "project").queryset = Project.objects.filter(
                municipality_id=user.municipality_id
            ).order_by("name")


class ResourceMappingForm(forms.Form):
    weekly_hours_capacity = hours_field(
        "Kan arbejde timer pr. uge", required=False, help_text="Fx 5 eller 7,5. VTA: 87 % kan højst 20 timer."
    )
    availability = SlotsField(label="Kan arbejde (ugedage og tider)")
    restriction_tags = TagsField(label="Skånehensyn (kategorier)")
    restriction_text = forms.CharField(
        label="Skånehensyn (beskrivelse)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    danish_level = forms.TypedChoiceField(label="Danskniveau", choices=DanishLevel.choices, coerce=int)
    competences = TagsField(label="Kompetencer")
    certificates = TagsField(label="Certifikater", help_text="Fx »truck, hygiejnebevis«.")
    wished_sectors = TagsField(label="Ønskede brancher", help_text="Fx »detail, lager«.")
    wishes = forms.CharField(label="Ønsker", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    job_goal = forms.CharField(label="Jobmål", required=False, max_length=200)
    travel_limit_km = forms.IntegerField(label="Kan rejse højst (km)", min_value=0, max_value=200)
    consent = forms.MultipleChoiceField(
        label="Borgeren giver samtykke til, at virksomheden må få at vide",
        choices=DisclosableFact.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sub_goals = forms.CharField(label="Delmål (ét pr. linje)", required=False, widget=forms.Textarea(attrs={"rows": 4}))


class ReferralForm(forms.Form):
    consultant = forms.ModelChoiceField(label="Virksomhedskonsulent", queryset=User.objects.none())
    valid_from = date_field("Fra", initial=date.today)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        consultant = model_choice_field(self, "consultant")
        if user.municipality_id is not None:  # else none, as declared
            consultant.queryset = User.objects.filter(
                role=Role.CONSULTANT, municipality_id=user.municipality_id, is_active=True
            ).order_by("first_name", "last_name")
        # Django's way to label a model choice; django-stubs sees a method replaced.
        consultant.label_from_instance = lambda u: u.get_full_name() or u.username  # type: ignore[method-assign,assignment]


class ExemptionForm(forms.Form):
    decided_on = date_field("Afgjort den")
    valid_from = date_field("Gælder fra")
    valid_to = date_field("Gælder til og med", required=False, help_text="Tomt = indtil videre.")
    reason = forms.CharField(
        label="Begrundelse",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Hvorfor arbejdsevnen er så begrænset, at borgeren ikke kan få ordinært arbejde.",
    )
    ground = forms.ChoiceField(
        label="Grundlag",
        choices=EXEMPTION_GROUND_CHOICES,
        initial="work_capacity",
        required=False,
        help_text="Hvilket af de tilfælde i LAS § 13 f, stk. 9 og vejledningen afgørelsen bygger på. "
        "Tomt: arbejdsevnen.",
    )
    legal_basis = forms.CharField(label="Hjemmel", initial="LAS § 13 f, stk. 9", max_length=200)
    review_on = date_field("Revurderes senest")

    def clean_ground(self) -> str:
        # A form posted without the field (as before grounds were named) decides on work capacity.
        return self.cleaned_data["ground"] or "work_capacity"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = date.today()
        self.fields["decided_on"].initial = today
        self.fields["valid_from"].initial = today
        self.fields["review_on"].initial = today + timedelta(days=182)


class EndCourseForm(forms.Form):
    on = date_field("Afsluttet den", initial=date.today)
    outcome = forms.ChoiceField(label="Resultat", choices=ExitOutcome.choices)
    stop_reason = forms.ChoiceField(
        label="Årsag til stop", choices=[("", "– kun ved stop –"), *StopReason.choices], required=False
    )
    reason = forms.CharField(label="Bemærkning", required=False, widget=forms.Textarea(attrs={"rows": 2}))
