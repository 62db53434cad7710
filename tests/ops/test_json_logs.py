# SPDX-License-Identifier: MPL-2.0
"""Structured logs (issue 16, item 5): with SMAAJOB_LOG_FORMAT=json one JSON object a line, the
request id on each, no CPR number and nothing from ``extra`` beyond the request log's fields."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from smaajob.logfilters import RedactCprFilter
from smaajob.ops.log_format import JsonFormatter, RequestIdFilter, logging_from_environment

SCRIPT = """
import logging, django
django.setup()
logging.getLogger("smaajob.test").warning("opslag på %s", "010190-1234", extra={"navn": "Jens Hansen"})
try:
    raise ValueError("cpr 0101901234 i en fejl")
except ValueError:
    logging.getLogger("smaajob.test").exception("det gik galt")
"""


def _run(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "DJANGO_SETTINGS_MODULE": "smaajob.settings",
                               "SMAAJOB_VAR_DIR": str(tmp_path), **env})


def test_json_lines_from_the_settings_carry_no_cpr_and_no_extras(tmp_path):
    done = _run({"SMAAJOB_LOG_FORMAT": "json"}, tmp_path)
    lines = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    assert [line["message"] for line in lines] == ["opslag på XXXXXX-XXXX", "det gik galt"]
    assert {line["level"] for line in lines} == {"WARNING", "ERROR"}
    assert all(line["request_id"] == "-" and line["logger"] == "smaajob.test" for line in lines)
    assert "ValueError: cpr XXXXXX-XXXX i en fejl" in lines[1]["exception"]
    assert "1234" not in done.stderr and "Jens" not in done.stderr


def test_an_unknown_log_format_is_refused_in_danish():
    with pytest.raises(ValueError, match="SMAAJOB_LOG_FORMAT='xml' kendes ikke: skriv 'text' eller 'json'"):
        logging_from_environment({"SMAAJOB_LOG_FORMAT": "xml"})


def test_the_request_log_line_names_the_route_the_status_and_the_request_id(client, db):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactCprFilter())
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("smaajob.requests")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    try:
        response = client.get("/sundhed/?cpr=0101901234")
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    (line,) = [json.loads(text) for text in stream.getvalue().splitlines()]
    assert line["request_id"] == response["X-Request-ID"]
    assert (line["method"], line["route"], line["status"]) == ("GET", "ops:health", 200)
    assert isinstance(line["duration_ms"], float)
    assert "0101901234" not in stream.getvalue() and "sundhed" not in stream.getvalue()
