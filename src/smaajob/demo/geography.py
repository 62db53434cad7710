# SPDX-License-Identifier: MPL-2.0
"""Where demo people and companies are: Odense Kommune (code 461), around 55.40 N 10.39 E.

Postcodes and district centres are approximate public geography, enough for distance-based
matching to behave believably; addresses are Faker's and do not exist.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

MUNICIPALITY_CODE = "461"
MUNICIPALITY_NAME = "Odense Kommune"

# postcode, city, district name used in company names, centre latitude, centre longitude
DISTRICTS: tuple[tuple[str, str, str, float, float], ...] = (
    ("5000", "Odense C", "Centrum", 55.396, 10.388),
    ("5200", "Odense V", "Bolbro", 55.392, 10.330),
    ("5210", "Odense NV", "Tarup", 55.413, 10.337),
    ("5220", "Odense SØ", "Hjallese", 55.359, 10.435),
    ("5230", "Odense M", "Fraugde", 55.375, 10.422),
    ("5240", "Odense NØ", "Seden", 55.421, 10.444),
    ("5250", "Odense SV", "Dalum", 55.366, 10.349),
    ("5260", "Odense S", "Bellinge", 55.347, 10.380),
    ("5270", "Odense N", "Vollsmose", 55.430, 10.400),
)


@dataclass(frozen=True)
class Place:
    postcode: str
    city: str
    district: str
    latitude: float
    longitude: float


def random_place(rng: random.Random) -> Place:
    postcode, city, district, lat, lon = rng.choice(DISTRICTS)
    # ± about 1.5 km around the district centre; rounded so the data reads cleanly.
    return Place(postcode, city, district, round(lat + rng.uniform(-0.013, 0.013), 5),
                 round(lon + rng.uniform(-0.022, 0.022), 5))
