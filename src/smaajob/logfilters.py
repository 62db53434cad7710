# SPDX-License-Identifier: MPL-2.0
"""Logging filters. CPR numbers are sensitive personal data and must never reach a log."""

from __future__ import annotations

import logging
import re

# Ten digits, optionally with a dash after the date part, not inside a longer number.
CPR_PATTERN = re.compile(r"(?<!\d)(\d{6})-?(\d{4})(?!\d)")


def redact_cpr(text: str) -> str:
    return CPR_PATTERN.sub("XXXXXX-XXXX", text)


class RedactCprFilter(logging.Filter):
    """Replaces anything shaped like a CPR number in a record's final message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_cpr(message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        return True
