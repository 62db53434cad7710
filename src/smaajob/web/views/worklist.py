# SPDX-License-Identifier: MPL-2.0
"""The worklist (journey 6): each alert with a link to the action."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from smaajob.access.pages import may_follow
from smaajob.access.worklist import alert_sources, worklist
from smaajob.links import url_for
from smaajob.web.errors import renders_errors


@login_required
@renders_errors
def worklist_page(request: HttpRequest) -> HttpResponse:
    alerts = worklist(request.user)
    counts = Counter(a.code for a in alerts)
    groups = [(code, label, counts.get(code, 0)) for code, label in alert_sources()]
    # Links and dates are made here once per row rather than by {% url %} and |date in the
    # template loop, which cost more than the rest of the row (a team's list has hundreds).
    citizen_url = url_for("web:citizen")
    # An action is a link only for a role that may follow it (the role table): a consultant
    # is told that an exemption is due for review, but the review is the caseworker's page.
    # Every alert of one kind links to the same page, so the table is asked once per kind.
    may_act: dict[str, bool] = {}
    rows = [
        {
            "alert": a,
            "citizen_url": citizen_url(a.citizen_id),
            "action_url": (a.url + "?tilbage=arbejdsliste" if a.code == "follow_up_overdue" else a.url)
            if may_act.setdefault(a.code, may_follow(request.user, a.url))
            else None,
            "due_iso": a.due.isoformat(),
            "due_text": f"{a.due.day}.{a.due.month}.{a.due.year}",
        }
        for a in alerts
    ]
    return render(request, "web/worklist.html", {"alerts": alerts, "rows": rows, "groups": groups})
