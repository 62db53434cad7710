# SPDX-License-Identifier: MPL-2.0
"""``{% session_clock as clock %}``: the session's idle limit and warning time (seconds) for
the page's timeout notice (``web/_session_timeout.html``, ``static/web/session-timeout.js``)."""

from __future__ import annotations

from django import template

from smaajob.identity import sessions

register = template.Library()


@register.simple_tag
def session_clock() -> dict[str, int]:
    return {"idle": sessions.idle_seconds(), "warning": sessions.warning_seconds()}
