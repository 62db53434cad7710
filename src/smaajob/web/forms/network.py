# SPDX-License-Identifier: MPL-2.0
"""Forms for the company network: companies, contacts, buddies, outreach and openings."""

from __future__ import annotations

from typing import Any

from django import forms

from smaajob.network.models import Buddy, CompanySize, DanishLevel, OpeningKind, OpeningStatus, OutreachKind
from smaajob.web.forms.fields import SlotsField, TagsField, choice_field, date_field, hours_field, model_choice_field


class CompanySearchForm(forms.Form):
    q = forms.CharField(label="Søg (navn, CVR, branche)", required=False)
    sector = forms.ChoiceField(label="Sektor", required=False)
    area = forms.CharField(label="Område (postnr. eller by)", required=False)
    buddy = forms.BooleanField(label="Har buddy", required=False)
    converted = forms.BooleanField(label="Har omdannet praktik til løntimer", required=False)

    def __init__(self, *args: Any, sectors: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "sector").choices = [("", "Alle"), *[(s, s) for s in sectors]]


class CompanyForm(forms.Form):
    cvr = forms.CharField(label="CVR-nummer", max_length=10, help_text="8 cifre, fx 13585628.")
    name = forms.CharField(label="Navn", max_length=200)
    sector = forms.CharField(label="Sektor", required=False, max_length=60, help_text="Fx detail, lager, køkken.")
    size = forms.ChoiceField(label="Størrelse", choices=[("", "– ukendt –"), *CompanySize.choices], required=False)
    address = forms.CharField(label="Adresse", required=False, max_length=200)
    postcode = forms.CharField(label="Postnummer", required=False, max_length=4)
    city = forms.CharField(label="By", required=False, max_length=100)


class ContactForm(forms.Form):
    name = forms.CharField(label="Navn", max_length=200)
    title = forms.CharField(label="Stilling", required=False, max_length=100)
    phone = forms.CharField(label="Telefon", required=False, max_length=20)
    email = forms.EmailField(label="E-mail", required=False)


class BuddyForm(forms.Form):
    name = forms.CharField(label="Buddyens navn", max_length=200)
    trained_on = date_field("Buddy-uddannet den", required=False)


class OutreachForm(forms.Form):
    kind = forms.ChoiceField(label="Type", choices=OutreachKind.choices)
    happened_on = date_field("Dato")
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class OpeningForm(forms.Form):
    title = forms.CharField(label="Opgave", max_length=200, help_text="Kort, fx »Opfyldning af frugt og grønt«.")
    kind = forms.ChoiceField(label="Type", choices=OpeningKind.choices)
    hours_min = hours_field("Timer pr. uge (mindst)")
    hours_max = hours_field("Timer pr. uge (højst)")
    slots = SlotsField(label="Ugedage og tider")
    capacity = forms.IntegerField(label="Antal pladser", min_value=1, max_value=50, initial=1)
    language_requirement = forms.TypedChoiceField(
        label="Sprogkrav", choices=DanishLevel.choices, coerce=int, initial=DanishLevel.NONE
    )
    buddy = forms.ModelChoiceField(
        label="Buddy", queryset=Buddy.objects.none(), required=False, empty_label="– ingen –"
    )
    required_certificates = TagsField(label="Krævede certifikater")
    accommodation_tags = TagsField(label="Hensyn virksomheden kan tage", help_text="Fx »ryg, pauser, stille«.")
    description = forms.CharField(label="Beskrivelse", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    opens_on = date_field("Fra", required=False)
    closes_on = date_field("Til", required=False)

    def __init__(self, *args: Any, company: Any = None, with_status: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if company is not None:
            model_choice_field(self, "buddy").queryset = company.buddies.order_by("name")
        if with_status:
            self.fields["status"] = forms.ChoiceField(label="Status", choices=OpeningStatus.choices)


class OpeningFilterForm(forms.Form):
    q = forms.CharField(label="Søg (opgave eller virksomhed)", required=False)
    hours_max = forms.DecimalField(label="Højst timer pr. uge", required=False, min_value=0, max_value=168)
    weekday = forms.TypedChoiceField(
        label="Ugedag",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", "Alle"),
            *[(i, d) for i, d in enumerate(["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"])],
        ],
    )
    buddy = forms.BooleanField(label="Med buddy", required=False)
    language_max = forms.TypedChoiceField(
        label="Borgerens danskniveau",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Alle"), *DanishLevel.choices],
        help_text="Viser opgaver, hvis sprogkrav borgeren opfylder.",
    )
    kind = forms.ChoiceField(label="Type", required=False, choices=[("", "Alle"), *OpeningKind.choices])
