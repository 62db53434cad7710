# SPDX-License-Identifier: MPL-2.0
"""Every page, as every role, reads as Danish for its reader (issue 15 item 3).

The walk requests every page route of the role table (``route_walk.routes``, the same table the
access matrix walks) with GET as every role of the fixture world and reads the *visible* text
of each HTML answer: the text nodes outside ``<script>`` and ``<style>``, the page title, and
the attributes a reader or a screen reader meets (``title``, ``alt``, ``aria-label``,
``placeholder``, an input button's ``value``). It fails on:

* internal codes: snake_case tokens (``hours_requirement_reduction_full``, ``not_covered``),
  a choice's stored value where its Danish label belongs (``kontanthjaelp``), Python's
  ``None``/``True``/``False``;
* references to internal files nobody outside the project has: ``seed 000 L162``,
  ``DOMAIN.md §7.5``, ``….yaml``, the seeds' numbering (``000 §1``, ``002 Tabel 3.1``);
* words from a list of English words that have no place in a Danish interface;
* numbers and dates written the English or the machine's way (issue 15 item 3, issue 19):
  a decimal point (``12.5``, ``37.00``, where Danish writes ``12,5``, ``37``; ``1.016`` is a
  Danish thousands group and ``4.12.2026`` a Danish date), an ISO date (``2026-12-04``; the
  value of an ``<input type=date>`` is an attribute, not shown text), English month and
  weekday names.

The API (JSON for programs) and downloads are not pages and are left out; their Danish
messages are tested where they are made.

The walk, one test per role, is ``test_every_page_reads_as_danish_for_every_role`` in
``tests/app/test_route_walk.py``: it reads the role's recorded GET walk (issue 19 item 8).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps

from tests.app.conftest import WORLD_ROLES

pytestmark = pytest.mark.django_db

_VISIBLE_ATTRIBUTES = frozenset({"title", "alt", "aria-label", "placeholder"})
_SKIPPED = frozenset({"script", "style", "template"})

# Internal codes and references to internal files.
_SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
_INTERNAL = [
    (re.compile(r"\bseeds?\b", re.IGNORECASE), "a reference to the project's seed files"),
    (re.compile(r"DOMAIN(?:\.md)? §|DOMAIN\.md|ARCHITECTURE\.md"), "a reference to an internal document"),
    (re.compile(r"\.ya?ml\b"), "a parameter file name"),
    (re.compile(r"\b00[0-4] (?:§|L\s?\d|Tabel|Bilag|Kap)"), "the seeds' numbering"),
    (re.compile(r"\bL\d{2,4}(?:[-–]\d+)?\b"), "a line number in a seed file"),
    (re.compile(r"\b(?:None|True|False|nan|NaN)\b"), "a Python value"),
]
# Numbers and dates not written the Danish way. A point before one or two digits that end the
# number is a decimal point (a Danish thousands group has three digits; »4.12.« is a date).
_NOT_DANISH_FORMAT = [
    (re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.])"), "a number with a decimal point"),
    (re.compile(r"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])"), "an ISO date"),
    (
        re.compile(
            r"\b(?:January|February|March|June|July|October|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
        "an English month or weekday",
    ),
]

# English words with no place in a Danish interface (none of them is also a Danish word).
ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "with",
        "without",
        "from",
        "this",
        "that",
        "these",
        "those",
        "which",
        "where",
        "when",
        "what",
        "your",
        "you",
        "please",
        "required",
        "field",
        "invalid",
        "error",
        "errors",
        "warning",
        "submit",
        "save",
        "cancel",
        "delete",
        "edit",
        "search",
        "previous",
        "next",
        "page",
        "pages",
        "none",
        "true",
        "false",
        "null",
        "yes",
        "user",
        "users",
        "password",
        "username",
        "login",
        "logout",
        "sign",
        "hours",
        "hour",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "date",
        "name",
        "citizen",
        "citizens",
        "company",
        "companies",
        "placement",
        "placements",
        "opening",
        "openings",
        "report",
        "reports",
        "payslip",
        "payslips",
        "paid",
        "unpaid",
        "wage",
        "subsidy",
        "pending",
        "approved",
        "rejected",
        "active",
        "inactive",
        "draft",
        "closed",
        "unknown",
        "covered",
        "exempt",
        "met",
        "reduction",
        "proposed",
        "risk",
        "lower",
        "full",
        "not",
        "found",
        "forbidden",
        "loading",
        "total",
        "count",
        "amount",
        "details",
        "show",
        "hide",
        "more",
        "less",
        "add",
        "remove",
        "back",
        "home",
        "welcome",
        "help",
        "settings",
        "profile",
        "account",
        "read",
        "write",
    ]
)
# Links are addresses, not text (a law's address may hold "prep_docs"); a token in »…« is a
# literal the reader types (an import file's column »kilde_id«); "open source" is the licence term.
_NOT_TEXT = re.compile(r"https?://\S+|»[a-z0-9_]+«|\bopen source\b")
# Not numbers to a reader: a section of a source (»afsnit 2.6«, »Tabel 3.1«), a licence (»MPL-2.0«).
_NOT_A_NUMBER = re.compile(r"\b(?:afsnit|[Tt]abel|[Kk]apitel|kap\.|§)\s*\d+(?:\.\d+)+|\b[A-Z]+-\d+\.\d+\b")
_WORD = re.compile(r"[A-Za-zÆØÅæøåÉé]+(?:-[A-Za-zÆØÅæøåÉé]+)*")


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        values = dict(attrs)
        for name in _VISIBLE_ATTRIBUTES:
            if values.get(name):
                self.parts.append(str(values[name]))
        # An input button shows its value; a <button> shows its content, and its value is only sent.
        if tag == "input" and values.get("type") in ("submit", "button", "reset") and values.get("value"):
            self.parts.append(str(values["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return parser.parts


def _choice_codes() -> dict[str, str]:
    """Stored choice values that are not Danish words of their own label: value → label
    (``kontanthjaelp`` → Kontanthjælp, ``paid_hours`` → Løntimer; not ``hybrid``, ``mentor``)."""
    codes: dict[str, str] = {}
    for model in apps.get_models():
        if not model.__module__.startswith("smaajob."):
            continue
        for field in model._meta.get_fields():
            for value, label in getattr(field, "flatchoices", None) or []:
                if isinstance(value, str) and len(value) >= 4 and value.lower() not in str(label).lower():
                    codes[value] = str(label)
    return codes


def findings_in(parts: list[str], codes: dict[str, str]) -> list[str]:
    """What in the visible text is not Danish for a reader, each with a short reason."""
    found: list[str] = []
    for shown in parts:
        part = _NOT_TEXT.sub(" ", shown)
        numbers = _NOT_A_NUMBER.sub(" ", part)
        for token in _SNAKE_CASE.findall(part):
            found.append(f"internal code »{token}« in »{part[:120]}«")
        for pattern, why in _INTERNAL:
            for match in pattern.finditer(part):
                found.append(f"{why} »{match.group(0)}« in »{part[:120]}«")
        for pattern, why in _NOT_DANISH_FORMAT:
            for match in pattern.finditer(numbers):
                found.append(f"{why} »{match.group(0)}« in »{part[:120]}«")
        for word in _WORD.findall(part):
            if word.lower() in ENGLISH_WORDS:
                found.append(f"English word »{word}« in »{part[:120]}«")
            elif word in codes:
                found.append(f"code »{word}« where »{codes[word]}« belongs, in »{part[:120]}«")
    return found


def test_the_checker_finds_what_it_must_and_passes_danish():
    codes = {"kontanthjaelp": "Kontanthjælp"}
    assert findings_in(["Ydelse: kontanthjælp, 37 timer, 1.016 kr."], codes) == []
    assert findings_in(["12,5 timer fra 4.12.2026 (uge 49, 4.12.–10.12.); 1.234,50 kr.; CVR 12345678"], codes) == []
    assert findings_in(["mandag 7. januar 2026, 5000 Odense C"], codes) == []
    assert findings_in(["VTA-evalueringen, afsnit 2.6 (tælles som 002, Tabel 3.1); MPL-2.0"], codes) == []
    assert findings_in(["Kolonnen »kilde_id«; se https://elov.dk/prep_docs/47754; open source"], codes) == []
    bad = [
        "Ydelse: kontanthjaelp",
        "hours_requirement_reduction_full",
        "Kilde: seed 000 L162",
        "se DOMAIN.md §7.5",
        "hours_requirement_hours.yaml",
        "000 §1 (58 %)",
        "Talte timer: None",
        "Field required",
        "Kilde: 003 §2.6",
        "Kilde: DOMAIN §9",
        "12.5 timer",
        "I alt 37.00 kr.",
        "Løn: 1016.4 kr.",
        "Fra 2026-12-04",
        "Næste opfølgning: Monday 7 January 2026",
    ]
    for text in bad:
        assert findings_in([text], codes), text
    assert visible_text('<p title="Hjælp">Tekst<script>var not_covered = 1;</script></p>') == ["Hjælp", "Tekst"]


# The walk reads pages: at least these many per role (about four fifths of December 2026's; the
# walk of all roles together read more than 200 when it was one test).
LEAST_READ = {
    "anonym": 1,
    "caseworker": 48,
    "consultant": 45,
    "coordinator": 48,
    "benefit_office": 5,
    "analyst": 5,
    "administrator": 30,
    "employer": 10,
    "citizen": 5,
    "dpo": 4,
    "provider": 5,
    "intermediary": 5,
}


def test_the_least_pages_read_cover_every_role_and_add_up_to_the_whole_walk():
    assert set(LEAST_READ) == {"anonym", *WORLD_ROLES}
    assert sum(LEAST_READ.values()) > 200
