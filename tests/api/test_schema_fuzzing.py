# SPDX-License-Identifier: MPL-2.0
"""Fuzzing the API from its own OpenAPI schema with schemathesis (issue 14, docs/security.md
"Fuzzing the API"): every operation, with valid and invalid input generated from the schema,
as a logged-in caseworker and as a system's API token, in-process through the WSGI app.

No answer may be a server error, and every answer must be one the schema documents: its status
code, content type and body. The number of examples per operation is bounded (``EXAMPLES``)
and derandomised, so the run is repeatable and stays within a couple of minutes.

One test per operation (``OPERATIONS``, read from the ninja API when the tests are collected),
so the test workers share the fuzzing between them instead of one worker running all of it;
``test_every_operation_of_the_served_schema_is_fuzzed`` checks that the list is the schema the
API serves, so no operation escapes.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from smaajob.api.app import api
from tests.api.conftest import bearer

# Examples per operation, per kind (valid / invalid input) and per caller: 3 keeps the run near
# two minutes on a shared two-core machine; set SMAAJOB_FUZZ_EXAMPLES=25 for a deeper run.
EXAMPLES = int(os.environ.get("SMAAJOB_FUZZ_EXAMPLES", "3"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
CSRF = "x" * 32


@dataclass
class Run:
    operations: set[str] = field(default_factory=set)
    cases: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)
    failures: dict[str, str] = field(default_factory=dict)


# Every operation of the API as "METHOD /path", in a fixed order (xdist needs the same list in
# every worker); the schema is built from the routers, as the served openapi.json is.
OPERATIONS = sorted(
    f"{method.upper()} {path}" for path, item in api.get_openapi_schema()["paths"].items() for method in item
)


@contextmanager
def _connections_kept():
    """Like the test client: the per-request connection clean-up is off while the test's own
    requests run, or the first request would close the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def served_schema(django_db_blocker):
    """The schema as the API serves it, read once per module and worker through Django's WSGI app
    (reading it writes nothing); its operations by "METHOD /path"."""
    with django_db_blocker.unblock(), _connections_kept():
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
    operations = {}
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            raise result.err()  # an operation the schema cannot describe is a failure, not a skip
        operation = result.ok()
        operations[f"{operation.method.upper()} {operation.path}"] = operation
    return operations


@pytest.fixture
def requests_in_transaction():
    """The requests of one test run inside its transaction (see ``_connections_kept``)."""
    with _connections_kept():
        yield


def _runner(operation, mode, auth: dict[str, dict[str, str]], run: Run, label: str, ids: dict[str, int] | None = None):
    checks = CHECKS + ([negative_data_rejection] if mode is GenerationMode.NEGATIVE else [])

    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=ids or None))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def one(case):
        # The schema names both schemes, so schemathesis makes up credentials for the one a run
        # does not give (a random bearer token for the caseworker, which would only test the 401).
        for generated, given_names in (
            (case.headers, auth.get("headers", {})),
            (case.cookies, auth.get("cookies", {})),
        ):
            for name in ("Authorization", "sessionid"):
                if generated and name in generated and name not in given_names:
                    del generated[name]
        # Each case in a savepoint that is rolled back: a write does not feed the next case.
        with transaction.atomic():
            response = case.call(headers=auth.get("headers"), cookies=auth.get("cookies"))
            transaction.set_rollback(True)
        run.cases[label] += 1
        run.statuses[f"{label} {mode.value} {response.status_code}"] += 1
        case.validate_response(response, checks=checks)

    return one


def _fuzz(operation, auth: dict[str, dict[str, str]], run: Run, label: str, ids: dict[str, int]) -> None:
    """The operation with valid and invalid input; where its path names records the fixtures hold
    (the citizen, the course), valid input once more on those records, so writes reach the services."""
    key = f"{operation.method.upper()} {operation.path}"
    run.operations.add(key)
    names = re.findall(r"\{(\w+)\}", operation.path)
    real = {n: ids[n] for n in names} if names and all(n in ids for n in names) else None
    passes: list[tuple[GenerationMode, dict[str, int] | None]] = [
        (GenerationMode.POSITIVE, None),
        (GenerationMode.NEGATIVE, None),
    ]
    if real:
        passes.append((GenerationMode.POSITIVE, real))
    for mode, path_ids in passes:
        try:
            _runner(operation, mode, auth, run, f"{label}{' real' if path_ids else ''}", path_ids)()
        except Unsatisfiable:
            pass  # nothing invalid to send (an operation without parameters)
        except BaseException as failure:  # every failure is collected and reported
            if isinstance(failure, KeyboardInterrupt | SystemExit):
                raise
            run.failures[f"{label} {mode.value} {key} {path_ids or ''}"] = str(failure)[:1500]


def _report(run: Run) -> str:
    return f"{len(run.operations)} operations, cases {dict(run.cases)}, statuses {dict(sorted(run.statuses.items()))}"


def test_every_operation_of_the_served_schema_is_fuzzed(served_schema):
    """The tests below are one per operation of the schema the API serves: none is left out, and
    none is fuzzed that the API no longer has."""
    assert sorted(served_schema) == OPERATIONS
    assert len(OPERATIONS) > 50


@pytest.mark.slow
@pytest.mark.parametrize("key", OPERATIONS)
def test_the_api_answers_every_generated_request_as_its_schema_says(
    key, served_schema, requests_in_transaction, caseworker, citizen, course, make_token
):
    operation = served_schema[key]
    run = Run()
    session = Client()
    session.force_login(caseworker)
    as_caseworker = {
        "cookies": {"sessionid": session.cookies["sessionid"].value, "csrftoken": CSRF},
        "headers": {"X-CSRFToken": CSRF},
    }
    ids = {"citizen_id": citizen.pk, "course_id": course.pk}
    _fuzz(operation, as_caseworker, run, "caseworker", ids)
    from smaajob.api.bearer import api_areas

    every_scope = [f"{area}:{access}" for area in api_areas() for access in ("read", "write")]
    token = make_token("fuzz-esdh", role="administrator", scopes=every_scope)
    _fuzz(operation, {"headers": {"Authorization": bearer(token.secret)["HTTP_AUTHORIZATION"]}}, run, "token", ids)
    assert run.failures == {}, _report(run) + "\n\n" + "\n\n".join(f"{k}:\n{v}" for k, v in run.failures.items())
    # Both callers' requests reached the API.
    assert run.cases["caseworker"] >= 1 and run.cases["token"] >= 1, _report(run)
