# SPDX-License-Identifier: MPL-2.0
"""Where demo people and companies are: Odense Kommune (code 461), around 55.40 N 10.39 E.

District centres are the postcodes' points in the shipped postcode table (smaajob.places);
people and companies are scattered about 1.5 km around them, so distance-based matching
behaves believably. Their coordinates count as set by hand. Addresses are Faker's and do not
exist.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from smaajob import places

MUNICIPALITY_CODE = "461"
MUNICIPALITY_NAME = "Odense Kommune"

# postcode and the district name used in company names
DISTRICT_NAMES: tuple[tuple[str, str], ...] = (
    ("5000", "Centrum"),
    ("5200", "Bolbro"),
    ("5210", "Tarup"),
    ("5220", "Hjallese"),
    ("5230", "Fraugde"),
    ("5240", "Seden"),
    ("5250", "Dalum"),
    ("5260", "Bellinge"),
    ("5270", "Vollsmose"),
)


def _district(postcode: str, district: str) -> tuple[str, str, str, float, float]:
    point = places.lookup(postcode)
    assert point is not None, f"postcode {postcode} is not in the postcode table"
    return postcode, point.name, district, point.latitude, point.longitude


# postcode, city, district name, centre latitude, centre longitude
DISTRICTS: tuple[tuple[str, str, str, float, float], ...] = tuple(_district(p, d) for p, d in DISTRICT_NAMES)


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
