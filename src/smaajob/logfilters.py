# SPDX-License-Identifier: MPL-2.0
"""Logging filters. CPR numbers are sensitive personal data and must never reach a log.

Anything shaped like a CPR number is replaced by ``XXXXXX-XXXX`` in every part of a record
that a handler writes: the message with its arguments, the formatted exception and
traceback, the stack information, and any text passed in ``extra``. "Shaped like" follows
what ``smaajob.validators.normalise_cpr`` accepts (python-stdnum): ten digits, Unicode digits
included (fullwidth ``０``), with any run of spaces (any Unicode space) and hyphens (any
Unicode dash) between them — ``010190-1234``, ``0101901234``, ``010190 1234``,
``01 01 90-12 34``, ``010190–1234`` — and also dots and slashes (``010190.1234``), which
people type although the validator refuses them, and ``%20`` or ``+`` for a space in a
logged address. The first six digits must read as a day (01–31) and a month (01–12), so
that dates and times in a message (``2024-01-08 12:34``) survive.

The filter is attached to every handler (``configure_logging`` is Django's LOGGING_CONFIG:
Django's own handlers for ``django.request`` and ``django.server`` are covered too), and the
gunicorn error log gets it through ``gunicorn_logger_class``.
"""

from __future__ import annotations

import logging
import logging.config
import re
import unicodedata
from typing import Any

# A separator is a space or a dash of any kind (what stdnum strips), a dot or a slash.
# In a logged address a space is "%20" or "+".
_SEPARATOR = r"[^\S\r\n]|[\u002d\u00ad\u058a\u05be\u2010-\u2015\u2212\ufe58\ufe63\uff0d]|[./+]|%20|%2[dD]"
# Not inside a longer number, and not the date and hour of a time ("01.01.1990 12:00").
CPR_PATTERN = re.compile(
    rf"(?<!\d)(?<!\d[-./ ])\d(?:(?:{_SEPARATOR}){{0,3}}\d){{9}}(?!(?:{_SEPARATOR})?\d)(?!:\d)"
)
MASK = "XXXXXX-XXXX"

# LogRecord attributes that are not text a user could have put a CPR number into.
_RECORD_ATTRIBUTES = {
    "name", "levelname", "pathname", "filename", "module", "funcName", "threadName", "processName",
    "taskName", "asctime",
}


def _looks_like_cpr(digits: str) -> bool:
    day, month = int(digits[0:2]), int(digits[2:4])
    return 1 <= day <= 31 and 1 <= month <= 12


def _mask(match: re.Match[str]) -> str:
    digits = "".join(str(unicodedata.digit(c)) for c in match.group() if c.isdigit())
    return MASK if _looks_like_cpr(digits) else match.group()


def redact_cpr(text: str) -> str:
    return CPR_PATTERN.sub(_mask, text)


class RedactCprFilter(logging.Filter):
    """Replaces anything shaped like a CPR number in every text a handler may write."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact_cpr(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            # Formatters reuse exc_text when it is set: format the exception once, redacted.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_cpr(record.exc_text)
        if record.stack_info:
            record.stack_info = redact_cpr(record.stack_info)
        for key, value in list(vars(record).items()):
            if isinstance(value, str) and key not in _RECORD_ATTRIBUTES and key not in ("msg", "exc_text"):
                setattr(record, key, redact_cpr(value))
        return True


def attach_to_every_handler() -> None:
    """Add the filter to each handler of the root logger and of every logger created so far."""
    loggers: list[Any] = [logging.getLogger()]
    loggers += [lg for lg in logging.Logger.manager.loggerDict.values() if isinstance(lg, logging.Logger)]
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(f, RedactCprFilter) for f in handler.filters):
                handler.addFilter(RedactCprFilter())


def configure_logging(config: dict[str, Any]) -> None:
    """Django's LOGGING_CONFIG: apply settings.LOGGING, then redact on every handler, Django's too."""
    logging.config.dictConfig(config)
    attach_to_every_handler()


def gunicorn_logger_class(*, json_lines: bool = False) -> type:
    """gunicorn's logger with the filter on its error (and access) log handlers; with
    ``json_lines`` (``SMAAJOB_LOG_FORMAT=json``) its own lines (start, workers, timeouts,
    tracebacks) are the same JSON objects as the application's, so a log collector reads one
    format."""
    from gunicorn.glogging import Logger

    class RedactingGunicornLogger(Logger):  # type: ignore[misc]
        def setup(self, cfg: Any) -> None:
            super().setup(cfg)
            for log in (self.error_log, self.access_log):
                for handler in log.handlers:
                    if not any(isinstance(f, RedactCprFilter) for f in handler.filters):
                        handler.addFilter(RedactCprFilter())
                    if json_lines:
                        from smaajob.ops.log_format import JsonFormatter, RequestIdFilter

                        handler.addFilter(RequestIdFilter())
                        handler.setFormatter(JsonFormatter())

    return RedactingGunicornLogger
