# SPDX-License-Identifier: MPL-2.0
"""Explanations cite published works by name, never the project's own files (issue 15 item 3):
a parameter file may point a developer to "seed 000 L162"; the reader sees the study's name."""

from __future__ import annotations

import re

from smaajob.rules import CitizenCase, MonthRecord, Rate, hours_requirement_status
from smaajob.rules.months import parse_month
from smaajob.rules.parameters import default_parameters
from smaajob.rules.sources import PUBLISHED_WORKS, public_reference

INTERNAL = re.compile(r"\b[Ss]eed\b|DOMAIN\.md|\b00[0-4] (?:L\s?\d|§|Tabel|Kap|Bilag)")


def test_a_seed_reference_becomes_the_name_of_the_published_work():
    assert (
        public_reference("Seed 000 L109 ('508 eller 1.016 kr.')") == f"{PUBLISHED_WORKS['000']} ('508 eller 1.016 kr.')"
    )
    assert public_reference("002 L1223-1226; BEK nr. 710") == f"{PUBLISHED_WORKS['002']}; BEK nr. 710"
    assert (
        public_reference("LAS § 13 f, stk. 9 (lov nr. 296 af 22/03/2016)")
        == "LAS § 13 f, stk. 9 (lov nr. 296 af 22/03/2016)"
    )


def test_no_parameter_reference_shown_to_a_reader_names_an_internal_file():
    params = default_parameters()
    shown = [
        public_reference(text)
        for parameter in params.values()
        for entry in parameter.values
        for text in (entry.reference, entry.note or "")
    ]
    assert [t for t in shown if INTERNAL.search(t)] == []


def test_the_225_hour_explanation_of_january_2017_names_no_internal_file():
    first = parse_month("2016-01")
    case = CitizenCase.of(MonthRecord(first + i, on_covered_benefit=True, rate=Rate.FULL) for i in range(13))
    text = hours_requirement_status(case, parse_month("2017-01")).render_text()
    assert "Kilde:" in text and INTERNAL.search(text) is None
