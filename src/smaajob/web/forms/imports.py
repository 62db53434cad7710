# SPDX-License-Identifier: MPL-2.0
"""The import page's upload form: which kind, the file, its source system, and whether the good
rows may be written when others are bad."""

from __future__ import annotations

from django import forms

from smaajob.imports.kinds import KINDS

KIND_CHOICES = [(kind.name, f"{kind.title} (arket {kind.sheet})") for kind in KINDS.values()]


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label="Hvad indeholder filen?", choices=KIND_CHOICES)
    file = forms.FileField(
        label="Fil",
        help_text="CSV (komma eller semikolon, UTF-8 eller Windows-1252) eller Excel (.xlsx) med skabelonens kolonner.",
    )
    source_system = forms.CharField(
        label="Kildesystem",
        initial="standard",
        max_length=40,
        help_text="Det system, rækkernes »kilde_id« kommer fra, fx momentum eller fasit. Samme navn hver gang.",
    )
    good_rows_only = forms.BooleanField(
        label="Gem de gode rækker, selv om andre har fejl (de andre listes i rapporten)", required=False
    )
