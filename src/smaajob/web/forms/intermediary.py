# SPDX-License-Identifier: MPL-2.0
"""Forms for the intermediary employer: a contract with a company, a placement employed through it."""

from __future__ import annotations

from django import forms


class ContractForm(forms.Form):
    intermediary = forms.ChoiceField(label="Mellemled")
    company = forms.ChoiceField(label="Virksomhed (arbejdssted)")
    hourly_price = forms.CharField(label="Timepris, der faktureres (kr. uden moms)", help_text="Fx 187,50.")
    hourly_wage = forms.CharField(label="Timeløn til borgeren (kr.)", help_text="Fx 132,35.")
    basis_reference = forms.CharField(
        label="Grundlag for ansættelsen",
        help_text="Aftalen og overenskomsten; timerne er ordinære, ustøttede løntimer hos mellemleddet.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    valid_from = forms.DateField(label="Gælder fra", help_text="Fx 1.1.2026.")
    valid_to = forms.DateField(label="Gælder til og med", required=False, help_text="Tomt: indtil videre.")

    def __init__(
        self,
        *args: object,
        intermediaries: list[tuple[str, str]],
        companies: list[tuple[str, str]],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["intermediary"].choices = [("", "– vælg –"), *intermediaries]  # type: ignore[attr-defined]
        self.fields["company"].choices = [("", "– vælg –"), *companies]  # type: ignore[attr-defined]


class EmploymentForm(forms.Form):
    placement = forms.ChoiceField(label="Placering med løntimer", help_text="Borgerens småjob hos virksomheden.")
    contract = forms.ChoiceField(label="Kontrakt", help_text="Mellemleddets kontrakt med samme virksomhed.")

    def __init__(
        self,
        *args: object,
        placements: list[tuple[str, str]],
        contracts: list[tuple[str, str]],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["placement"].choices = [("", "– vælg –"), *placements]  # type: ignore[attr-defined]
        self.fields["contract"].choices = [("", "– vælg –"), *contracts]  # type: ignore[attr-defined]
