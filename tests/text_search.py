# SPDX-License-Identifier: MPL-2.0
"""``re.search`` for tests that read a value out of a page or a command's output."""

from __future__ import annotations

import re


def found(pattern: str | re.Pattern[str], text: str, flags: int = 0) -> re.Match[str]:
    """The first match of ``pattern`` in ``text``; a test failure naming the pattern if there is none."""
    match = re.search(pattern, text, flags)
    assert match is not None, f"{pattern!r} is not in the text"
    return match


def error_alert(page: str) -> str:
    """The text of a page's error message (``<p class="error" role="alert">``)."""
    return found(r'<p class="error" role="alert">(.*?)</p>', page).group(1)
