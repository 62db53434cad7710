# SPDX-License-Identifier: MPL-2.0
"""The shipped postcode table: complete, inside Denmark, and covering every postcode in use."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from smaajob import places
from smaajob.demo.geography import DISTRICTS
from smaajob.errors import InvalidInput, UnknownPostcode

ROOT = Path(__file__).resolve().parents[2]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.radians
    a = math.sin(p(lat2 - lat1) / 2) ** 2 + math.cos(p(lat1)) * math.cos(p(lat2)) * math.sin(p(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def test_the_table_holds_every_danish_postcode_once_with_a_point_inside_denmark():
    table = places.all_postcodes()
    codes = [p.code for p in table]
    # The address register's postcodes for addresses (not PO boxes or company codes): 1,089.
    assert len(codes) == len(set(codes)) == 1089
    assert all(re.fullmatch(r"\d{4}", c) for c in codes)
    assert all(54.0 <= p.latitude <= 58.0 and 7.5 <= p.longitude <= 15.5 for p in table)
    assert {p.method for p in table} == {"dawa", "geonames-name", "geonames-nearest"}
    # Copenhagen's 4-digit ranges are there street by street, and the ends of the country.
    assert {"1050", "1473", "2100", "3700", "3790", "4874", "6720", "8592", "9940", "9990"} <= set(codes)


def test_the_table_states_its_source_and_licence_in_its_header():
    header = (ROOT / "src/smaajob/places/data/postcodes.csv").read_text(encoding="utf-8").split("\n1050")[0]
    assert "DAWA/DAR" in header and "Klimadatastyrelsen" in header
    assert "Open Database License 1.0" in header and "CC BY 4.0" in header
    assert "scripts/generate-postcode-table" in header


@pytest.mark.parametrize(
    ("code", "name", "lat", "lon"),
    [
        # Known town centres; the postcode's point lies within a few km of them.
        ("5000", "Odense C", 55.396, 10.388),
        ("8000", "Aarhus C", 56.157, 10.211),
        ("9000", "Aalborg", 57.048, 9.919),
        ("1050", "København K", 55.681, 12.586),
        ("3700", "Rønne", 55.100, 14.706),
        # The register's point for 6950 lies 250 km out in the North Sea; the table has the town.
        ("6950", "Ringkøbing", 56.090, 8.244),
    ],
)
def test_a_postcode_gives_its_name_and_a_point_near_its_town(code, name, lat, lon):
    point = places.lookup(code)
    assert point is not None and point.name == name
    assert km(point.latitude, point.longitude, lat, lon) < 8


def test_every_postcode_the_demo_uses_is_in_the_table_with_its_name_near_the_demos_district():
    for code, city, _district, lat, lon in DISTRICTS:
        point = places.lookup(code)
        assert point is not None and point.name == city
        assert km(point.latitude, point.longitude, lat, lon) < 5


def test_every_postcode_the_tests_use_is_in_the_table():
    used = set()
    for path in (ROOT / "tests").rglob("*.py"):
        used |= set(re.findall(r"""["']?postcode["']?\s*[:=]\s*["'](\d{4})["']""", path.read_text(encoding="utf-8")))
    assert {"5000", "5200", "5270", "8000"} <= used
    # 0999 is the tests' unknown postcode: it must stay unknown.
    assert {code for code in used if places.lookup(code) is None} == {"0999"}


def test_a_postcode_gives_a_location_marked_as_from_the_postcode():
    location = places.resolve_location(postcode=" 5000 ", latitude=None, longitude=None)
    assert location.source == "postcode" and location.known
    centre = places.lookup("5000")
    assert centre is not None
    assert (location.latitude, location.longitude) == (centre.latitude, centre.longitude)


def test_coordinates_typed_by_hand_win_over_the_postcode():
    location = places.resolve_location(postcode="5000", latitude=55.71, longitude=9.53)
    assert (location.latitude, location.longitude, location.source) == (55.71, 9.53, "manual")


def test_no_postcode_and_no_coordinates_is_no_location():
    location = places.resolve_location(postcode="", latitude=None, longitude=None)
    assert not location.known and location.source == ""


def test_an_unknown_postcode_is_refused_in_danish_with_a_stable_code_and_the_way_out():
    with pytest.raises(UnknownPostcode) as caught:
        places.resolve_location(postcode="0999", latitude=None, longitude=None)
    assert caught.value.code == "unknown_postcode" and caught.value.field == "postcode"
    assert "findes ikke i postnummertabellen" in caught.value.message and "i hånden" in caught.value.message


@pytest.mark.parametrize(
    ("postcode", "latitude", "longitude", "field", "words"),
    [
        ("50000", None, None, "postcode", "fire cifre"),
        ("5ooo", None, None, "postcode", "fire cifre"),
        ("", 55.4, None, "longitude", "både breddegrad og længdegrad"),
        ("", None, 10.4, "latitude", "både breddegrad og længdegrad"),
        ("", 48.85, 2.35, "latitude", "ikke i Danmark"),
        ("", float("nan"), 10.4, "latitude", "ikke i Danmark"),
    ],
)
def test_bad_location_input_is_refused_next_to_its_field(postcode, latitude, longitude, field, words):
    with pytest.raises(InvalidInput) as caught:
        places.resolve_location(postcode=postcode, latitude=latitude, longitude=longitude)
    assert caught.value.field == field and words in caught.value.message
