# SPDX-License-Identifier: MPL-2.0
"""Where a citizen or a company is, for distance-based matching.

* ``postcodes`` — every Danish postcode with one representative point and its name, read from
  the table shipped in ``data/postcodes.csv`` (offline; source and licence in its header and
  in docs/matching.md).
* ``location`` — the one rule that turns an address's postcode, or coordinates typed by hand,
  into a location with its source ("postcode" or "manual").

Plain Python: no Django, so the domain apps, the demo and the CLI can all use it.
"""

from smaajob.places.location import (
    LOCATION_SOURCES,
    Location,
    LocationSource,
    Relocated,
    relocate_from_postcodes,
    resolve_location,
)
from smaajob.places.postcodes import Postcode, all_postcodes, lookup

__all__ = [
    "LOCATION_SOURCES",
    "Location",
    "LocationSource",
    "Postcode",
    "Relocated",
    "all_postcodes",
    "lookup",
    "relocate_from_postcodes",
    "resolve_location",
]
