# SPDX-License-Identifier: MPL-2.0
"""One rule for where a citizen or a company is.

* Coordinates typed by hand win: the location is theirs, marked "manual".
* Otherwise a postcode in the table gives the postcode's point, marked "postcode".
* A postcode that is not in the table is refused (``UnknownPostcode``): the user either
  corrects it or types the coordinates by hand. A record is never saved with a postcode the
  table does not know and no location, because matching would then silently leave it out.
* No postcode and no coordinates: no location (matching says so and links to the fix).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from smaajob.errors import InvalidInput, UnknownPostcode
from smaajob.places.postcodes import lookup

# Denmark's extent with a margin (Gedser to Skagen, Blåvandshuk to Christiansø).
LATITUDES = (54.0, 58.0)
LONGITUDES = (7.5, 15.5)


class LocationSource(StrEnum):
    NONE = ""
    POSTCODE = "postcode"
    MANUAL = "manual"


# For the models' ``choices`` (value, Danish label).
LOCATION_SOURCES = [
    (LocationSource.NONE.value, "ingen placering"),
    (LocationSource.POSTCODE.value, "fra postnummeret"),
    (LocationSource.MANUAL.value, "angivet i hånden"),
]


@dataclass(frozen=True)
class Location:
    latitude: float | None
    longitude: float | None
    source: LocationSource

    @property
    def known(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def check_postcode_format(postcode: str) -> str:
    code = postcode.strip()
    if code and not (len(code) == 4 and code.isascii() and code.isdigit()):
        raise InvalidInput(f"Postnummeret skal være fire cifre, fx 5000 (ikke »{code}«).", field="postcode")
    return code


def resolve_location(*, postcode: str, latitude: float | None, longitude: float | None) -> Location:
    """The location of an address: by hand if both coordinates are given, else the postcode's."""
    code = check_postcode_format(postcode)
    if (latitude is None) != (longitude is None):
        raise InvalidInput(
            "Angiv både breddegrad og længdegrad for at sætte placeringen i hånden, eller ingen af dem.",
            field="latitude" if latitude is None else "longitude",
        )
    if latitude is not None and longitude is not None:
        lat, lon = float(latitude), float(longitude)
        if not (math.isfinite(lat) and math.isfinite(lon)) or not (
            LATITUDES[0] <= lat <= LATITUDES[1] and LONGITUDES[0] <= lon <= LONGITUDES[1]
        ):
            raise InvalidInput(
                "Koordinaterne ligger ikke i Danmark (bredde 54–58, længde 7,5–15,5).",
                field="latitude",
            )
        return Location(lat, lon, LocationSource.MANUAL)
    if not code:
        return Location(None, None, LocationSource.NONE)
    found = lookup(code)
    if found is None:
        raise UnknownPostcode(
            f"Postnummeret {code} findes ikke i postnummertabellen. Ret postnummeret, "
            "eller angiv placeringen i hånden (breddegrad og længdegrad).",
            field="postcode",
        )
    return Location(found.latitude, found.longitude, LocationSource.POSTCODE)


@dataclass
class Relocated:
    """What a back-fill did: rows located from their postcode, rows whose postcode the table
    does not know (left without a location), rows without a postcode (left as they are)."""

    located: int = 0
    unknown_postcode: int = 0
    no_postcode: int = 0


def relocate_from_postcodes(rows: Iterable[Any]) -> Relocated:
    """Give each row (a citizen or a company not located by hand) its postcode's point.

    Rows are anything with ``postcode``, ``latitude``, ``longitude``, ``location_source`` and
    ``save(update_fields=…)``; rows whose location was set by hand must not be passed.
    """
    done = Relocated()
    for row in rows:
        code = row.postcode.strip()
        found = lookup(code) if code else None
        if not code:
            done.no_postcode += 1
            continue
        if found is None:
            done.unknown_postcode += 1
            location = Location(None, None, LocationSource.NONE)
        else:
            done.located += 1
            location = Location(found.latitude, found.longitude, LocationSource.POSTCODE)
        row.latitude, row.longitude, row.location_source = location.latitude, location.longitude, location.source.value
        row.save(update_fields=["latitude", "longitude", "location_source"])
    return done
