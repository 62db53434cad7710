# SPDX-License-Identifier: MPL-2.0
"""One error contract (issue 19 item 6): every error class in the project is drawn in the tree
of ``smaajob.errors``, has a stable code of its own (or says it shares its parent's), a Danish
title, and the same problem answers with the same status on the web, in the API and from the
command line (400 ``invalid_input`` for bad input; exit code 2; JSON with ``--json``)."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re

import pytest

import smaajob
from smaajob import errors
from smaajob.cli.main import main

# Modules that do something when imported (a WSGI application, the settings) or hold no errors.
_SKIP = re.compile(r"\.(migrations|wsgi|settings)(\.|$)")


def _all_error_classes() -> list[type[errors.SmaajobError]]:
    for module in pkgutil.walk_packages(smaajob.__path__, "smaajob."):
        if not _SKIP.search(module.name):
            importlib.import_module(module.name)
    found: list[type[errors.SmaajobError]] = []
    todo = [errors.SmaajobError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(found, key=lambda c: c.__qualname__)


ERROR_CLASSES = _all_error_classes()
# Words an English message or title would have and a Danish one would not.
_ENGLISH = re.compile(r"\b(the|invalid|error|not found|must|value|missing|unknown|file)\b", re.I)
_DANISH = re.compile(
    r"[æøå]|\b(ikke|skal|ugyldig\w*|fejl|findes|kræver|oplysning\w*|værdi\w*|kald|ukendt|afvist|overlapper|en|er|af)\b",
    re.I,
)


def test_the_walk_finds_the_engines_errors_too():
    names = {c.__name__ for c in ERROR_CLASSES}
    assert {"ValueNotKnown", "RuleNotInForce", "FactMissing", "ImpossibleFacts", "ParameterFileInvalid"} <= names
    assert {"InvalidMatchingInput", "InvalidCoordinates", "InvalidSlots", "InvalidWeights"} <= names


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda c: c.__name__)
def test_every_error_class_is_drawn_in_the_tree_with_its_code_and_status(cls):
    doc = errors.__doc__ or ""
    rows = doc[doc.index("::") :].splitlines()  # the drawing, not the prose above it
    index = next((i for i, row in enumerate(rows) if re.search(rf"\b{cls.__name__}\b", row)), None)
    assert index is not None, f"{cls.__module__}.{cls.__name__} is missing from the tree in smaajob.errors"
    # A long class name puts its code on the next line of the drawing.
    described = " ".join(rows[index : index + 2])
    own_code = "code" in vars(cls)
    assert (cls.code in described) if own_code else ("same code" in described), described
    assert str(cls.http_status) in described, described


def test_every_code_belongs_to_one_class_and_is_snake_case():
    owners: dict[str, str] = {}
    for cls in ERROR_CLASSES:
        if "code" not in vars(cls):
            continue
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", cls.code), cls
        assert cls.code not in owners, f"{cls.__name__} and {owners.get(cls.code)} share the code {cls.code}"
        owners[cls.code] = cls.__name__


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda c: c.__name__)
def test_every_error_has_a_danish_title(cls):
    assert _DANISH.search(cls.title) and not _ENGLISH.search(cls.title), cls.title
    assert "title" in vars(cls) or "code" not in vars(cls), f"{cls.__name__} has a code but no title of its own"


def test_the_engines_messages_built_by_the_class_are_danish():
    import datetime as dt

    from smaajob.rules.errors import ParameterFileInvalid, RuleNotInForce, ValueNotKnown

    for error in (
        ValueNotKnown("kontanthjaelp_rate_grundsats", dt.date(2026, 1, 1), "ikke i kilderne"),
        RuleNotInForce("hours_requirement_in_force", dt.date(2026, 1, 1), "ophævet"),
        ParameterFileInvalid("x.yaml", "values", "mangler daterede værdier"),
        errors.ImportRejected([errors.RowProblem(2, "month", "skal være ÅÅÅÅ-MM")], total_rows=3),
    ):
        assert _DANISH.search(error.message), error.message


def test_bad_input_is_400_invalid_input_from_the_api_schema_as_from_a_service(client, caseworker, citizen):
    client.force_login(caseworker)
    schema = client.post(
        f"/api/v1/borgere/{citizen.pk}/omfattet", {"valid_from": "1. januar"}, content_type="application/json"
    )
    service = client.post(
        f"/api/v1/borgere/{citizen.pk}/omfattet",
        {"valid_from": "1900-01-01"},  # before the citizen was born: the service refuses it
        content_type="application/json",
    )
    assert (schema.status_code, schema.json()["code"]) == (400, "invalid_input")
    assert (service.status_code, service.json()["code"]) == (400, "invalid_period")
    assert errors.InvalidPeriod.http_status == errors.InvalidInput.http_status == 400


def test_the_same_bad_input_on_a_web_form_is_400_with_the_message_next_to_the_field(client, caseworker, citizen):
    from django.urls import reverse

    client.force_login(caseworker)
    response = client.post(reverse("web:coverage_facts", args=[citizen.pk]), {"valid_from": "01.01.1900"})
    assert response.status_code == 400
    assert "før borgerens fødselsdato" in response.content.decode()


def test_cli_errors_are_json_with_json_and_exit_2(capsys):
    assert main(["rules", "keep", "--date", "1. juni", "--hours-per-week", "5", "--hourly-wage", "130", "--json"]) == 2
    body = json.loads(capsys.readouterr().err)
    assert body["code"] == "invalid_arguments" and "--date" in body["message"]
    assert main(["rules", "work-duty", "--date", "2026-12-02", "--age", "-4", "--json"]) == 2
    body = json.loads(capsys.readouterr().err)
    assert body["code"] == "impossible_facts" and body["message"]


def test_cli_errors_without_json_are_one_danish_line_with_the_code(capsys):
    assert main(["rules", "keep", "--date", "1. juni", "--hours-per-week", "5", "--hourly-wage", "130"]) == 2
    assert capsys.readouterr().err.startswith("fejl [invalid_arguments]: ")
