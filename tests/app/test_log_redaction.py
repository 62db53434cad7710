# SPDX-License-Identifier: MPL-2.0
"""No CPR number reaches a log, in whatever form the validator accepts it and wherever in the
record it sits: the message, its arguments, an exception, a traceback, the stack, an extra
(issue 23, item 8; issue 14: a CPR with a space in a "Not Found" line)."""

from __future__ import annotations

import io
import logging
import sys

import pytest

from smaajob.errors import InvalidIdentifier
from smaajob.logfilters import RedactCprFilter, gunicorn_logger_class, redact_cpr
from smaajob.validators import normalise_cpr

# Every separator python-stdnum strips (spaces and dashes of any kind, anywhere, repeated),
# its Unicode digits, and the dot and slash people type although the validator refuses them.
ACCEPTED_FORMS = [
    "010190-1234",
    "0101901234",
    "010190 1234",
    "01 01 90 12 34",
    "0101-90-1234",
    "010190--1234",
    "010190\u20131234",  # en dash
    "010190\u20141234",  # em dash
    "010190\u22121234",  # minus sign
    "010190\u00a01234",  # no-break space
    "010190\u20091234",  # thin space
    "\uff10\uff11\uff10\uff11\uff19\uff10-\uff11\uff12\uff13\uff14",  # fullwidth digits
]
TYPED_BUT_REFUSED = ["010190.1234", "010190/1234"]


@pytest.mark.parametrize("cpr", ACCEPTED_FORMS)
def test_every_form_the_validator_accepts_is_redacted(cpr):
    assert normalise_cpr(cpr) == "0101901234"
    assert redact_cpr(f"opslag på {cpr} fejlede") == "opslag på XXXXXX-XXXX fejlede"


@pytest.mark.parametrize("cpr", TYPED_BUT_REFUSED)
def test_a_cpr_typed_with_a_dot_or_slash_is_redacted_too(cpr):
    with pytest.raises(InvalidIdentifier):
        normalise_cpr(cpr)
    assert redact_cpr(f"cpr {cpr}") == "cpr XXXXXX-XXXX"


@pytest.mark.parametrize("logged", ["/borgere/?cpr=010190%201234", "/borgere/?cpr=010190+1234"])
def test_a_cpr_in_a_logged_address_is_redacted(logged):
    assert redact_cpr(f"GET {logged} HTTP/1.1") == "GET /borgere/?cpr=XXXXXX-XXXX HTTP/1.1"


@pytest.mark.parametrize(
    "text", ["2024-01-08 12:34:56", "01.01.1990 12:00", "tlf. +45 12 34 56 78", "ordre 12345678901", "991390-1234"]
)
def test_dates_times_phone_numbers_and_longer_numbers_are_kept(text):
    assert redact_cpr(text) == text


def _format(record: logging.LogRecord) -> str:
    assert RedactCprFilter().filter(record)
    return logging.Formatter("%(message)s %(detail)s").format(record)


def _record(**extra) -> logging.LogRecord:
    record = logging.getLogger("smaajob.test").makeRecord(
        "smaajob.test", logging.ERROR, __file__, 1, "opslag på %s", ("010190 1234",), None, extra=extra
    )
    record.detail = extra.get("detail", "")
    return record


def test_the_arguments_of_a_message_are_redacted():
    assert _format(_record()) == "opslag på XXXXXX-XXXX "


def test_an_exception_and_its_traceback_are_redacted():
    try:
        raise ValueError("ukendt borger 010190 1234")
    except ValueError:
        record = logging.getLogger("smaajob.test").makeRecord(
            "smaajob.test", logging.ERROR, __file__, 1, "fejl", (), sys.exc_info()
        )
    record.detail = ""
    text = _format(record)
    assert "ValueError: ukendt borger XXXXXX-XXXX" in text and "Traceback" in text
    assert "1234" not in text


def test_stack_information_and_extras_are_redacted():
    record = _record(detail="fra 0101901234")
    record.stack_info = 'File "x.py", line 1, in f\n    lookup("010190.1234")'
    text = _format(record)
    assert "fra XXXXXX-XXXX" in text and 'lookup("XXXXXX-XXXX")' in text


@pytest.fixture
def configured_log():
    """What the handlers Django configured from settings.LOGGING write, captured."""
    # The stream is swapped without setStream(): setStream flushes the old stream first, and an
    # earlier test in the same worker (pytest's capture) may have closed it.
    streams = []
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and not type(handler).__module__.startswith("_pytest"):
            streams.append((handler, handler.stream))
            handler.stream = io.StringIO()
    assert streams, "settings.LOGGING gives the root logger a stream handler"
    yield lambda: "".join(h.stream.getvalue() for h, _ in streams)
    for handler, old in streams:
        handler.stream = old


def test_a_not_found_line_for_an_address_with_a_spaced_cpr_is_redacted(client, caseworker, configured_log):
    client.force_login(caseworker)
    assert client.get("/borgere/010190 1234/").status_code == 404
    written = configured_log()
    assert "Not Found: /borgere/XXXXXX-XXXX/" in written
    assert "1234" not in written


def test_every_handler_django_configured_carries_the_filter(db):
    for name in ("", "django", "django.request", "django.server", "django.security"):
        logger: logging.Logger | None = logging.getLogger(name)
        while logger is not None:
            for handler in logger.handlers:
                if type(handler).__module__.startswith("_pytest"):
                    continue  # pytest's own capture, added to the root logger for the test run
                assert any(isinstance(f, RedactCprFilter) for f in handler.filters), (name, handler)
            logger = logger.parent if logger.propagate else None


def test_the_gunicorn_error_log_redacts_tracebacks(tmp_path):
    from gunicorn.config import Config

    config = Config()
    config.set("errorlog", str(tmp_path / "error.log"))
    config.set("loglevel", "warning")
    log = gunicorn_logger_class()(config)
    try:
        raise RuntimeError("borger 010190-1234 ikke fundet")
    except RuntimeError:
        log.exception("Fejl i anmodning om %s", "/borgere/010190 1234/")
    for handler in log.error_log.handlers:
        handler.flush()
    written = (tmp_path / "error.log").read_text()
    assert "RuntimeError: borger XXXXXX-XXXX ikke fundet" in written
    assert "/borgere/XXXXXX-XXXX/" in written and "1234" not in written
    for handler in log.error_log.handlers:
        handler.close()


def test_the_gunicorn_error_log_writes_json_lines_like_the_application_when_asked(tmp_path):
    import json

    from gunicorn.config import Config

    config = Config()
    config.set("errorlog", str(tmp_path / "error.log"))
    config.set("loglevel", "info")
    log = gunicorn_logger_class(json_lines=True)(config)
    log.info("Booting worker with pid: %s", 4242)
    try:
        raise RuntimeError("borger 010190-1234 ikke fundet")
    except RuntimeError:
        log.exception("Fejl i anmodning")
    for handler in log.error_log.handlers:
        handler.flush()
    lines = [json.loads(line) for line in (tmp_path / "error.log").read_text().splitlines()]
    assert [line["message"] for line in lines] == ["Booting worker with pid: 4242", "Fejl i anmodning"]
    assert lines[0]["logger"] == "gunicorn.error" and lines[0]["request_id"] == "-"
    assert "XXXXXX-XXXX" in lines[1]["exception"] and "1234" not in lines[1]["exception"]
    for handler in log.error_log.handlers:
        handler.close()
