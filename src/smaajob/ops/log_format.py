# SPDX-License-Identifier: MPL-2.0
"""JSON log lines (``SMAAJOB_LOG_FORMAT=json``) and the request id on every log record.

One JSON object a line, for a log collector (Loki, Elastic, journald): ``time`` (UTC, ISO 8601),
``level``, ``logger``, ``message``, ``request_id`` (``-`` outside a request) and ``exception``
(the formatted traceback) when there is one. The fields are a fixed list on purpose: whatever
a caller passes in ``extra`` is not written, so no personal data rides along unnoticed; the
message itself has been through the CPR filter (``smaajob.logfilters``) before it is formatted.
"""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

NO_REQUEST = "-"
current_request_id: ContextVar[str] = ContextVar("smaajob_request_id", default=NO_REQUEST)


class RequestIdFilter(logging.Filter):
    """Puts the id of the request under way (``smaajob.ops.requests``) on the record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", NO_REQUEST),
        }
        for field in ("method", "route", "status", "duration_ms"):  # the request log's own fields
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exception"] = record.exc_text
        return json.dumps(line, ensure_ascii=False)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def log_format_from_environment(environ: dict[str, str] | Any) -> str:
    """``text`` or ``json`` from ``SMAAJOB_LOG_FORMAT`` (default ``text``); ValueError otherwise."""
    log_format: str = environ.get("SMAAJOB_LOG_FORMAT", "text").strip().lower() or "text"
    if log_format not in {"text", "json"}:
        raise ValueError(f"SMAAJOB_LOG_FORMAT={log_format!r} kendes ikke: skriv 'text' eller 'json'.")
    return log_format


def logging_from_environment(environ: dict[str, str] | Any) -> dict[str, Any]:
    """Django's ``LOGGING``: text or JSON lines (``SMAAJOB_LOG_FORMAT``), CPR redacted, request id on each."""
    log_format = log_format_from_environment(environ)
    formatter = {"()": "smaajob.ops.log_format.JsonFormatter"} if log_format == "json" else {"format": TEXT_FORMAT}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            # CPR numbers must never reach a log line, whatever logs them.
            "redact_cpr": {"()": "smaajob.logfilters.RedactCprFilter"},
            "request_id": {"()": "smaajob.ops.log_format.RequestIdFilter"},
        },
        "formatters": {"smaajob": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["redact_cpr", "request_id"],
                "formatter": "smaajob",
            },
        },
        "root": {"handlers": ["console"], "level": environ.get("SMAAJOB_LOG_LEVEL", "WARNING")},
    }
