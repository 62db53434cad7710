# SPDX-License-Identifier: MPL-2.0
"""The legal bases an offer can be given under, each with its dated reference.

Not amounts (those live in ``smaajob.rules.parameters``): the paragraph an order is made under,
so that a catalogue entry says which rule it rests on and from when. A basis whose law was
replaced has an end date; a catalogue entry keeps the basis it was created under.

Sources:
* Lov om en aktiv beskæftigelsesindsats (LAB), lov nr. 548 af 7. maj 2019, i kraft 1. januar
  2020: § 91 "øvrig vejledning og opkvalificering" (named so in lov nr. 295 af 20/03/2023 § 1
  nr. 9, lovguiden.dk) and § 167 mentorstøtte, kapitel 26 (elov.dk, lovbekendtgørelse nr. 701
  af 22/05/2022).
* The former LAB (lovbekendtgørelse nr. 685 af 29/06/2005 and later consolidations, until
  31 December 2019): kapitel 10 "Vejledning og opkvalificering" and kapitel 14 "Tilskud til
  udgifter til hjælpemidler og mentor m.v." (retsinformation.dk, R0710 id=146382, table of contents).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class LegalBasis:
    code: str
    label: str
    valid_from: date
    valid_to: date | None
    reference: str

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


LEGAL_BASES: tuple[LegalBasis, ...] = (
    LegalBasis(
        "lab2019_91",
        "LAB § 91: vejledning og opkvalificering",
        date(2020, 1, 1),
        None,
        "Lov nr. 548 af 7. maj 2019 § 91; jf. lov nr. 295 af 20. marts 2023 § 1, nr. 9",
    ),
    LegalBasis(
        "lab2019_167",
        "LAB § 167: mentorstøtte",
        date(2020, 1, 1),
        None,
        "Lov nr. 548 af 7. maj 2019 kapitel 26 (§§ 167–169); lovbekendtgørelse nr. 701 af 22. maj 2022",
    ),
    LegalBasis(
        "lab2005_kap10",
        "LAB (2005) kapitel 10: vejledning og opkvalificering",
        date(2005, 7, 1),
        date(2019, 12, 31),
        "Lovbekendtgørelse nr. 685 af 29. juni 2005, kapitel 10",
    ),
    LegalBasis(
        "lab2005_kap14",
        "LAB (2005) kapitel 14: mentor",
        date(2005, 7, 1),
        date(2019, 12, 31),
        "Lovbekendtgørelse nr. 685 af 29. juni 2005, kapitel 14",
    ),
)

BY_CODE = {basis.code: basis for basis in LEGAL_BASES}
CHOICES = [(b.code, b.label) for b in LEGAL_BASES]
