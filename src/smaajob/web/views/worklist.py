# SPDX-License-Identifier: MPL-2.0
"""The worklist (journey 6): each alert with a link to the action; several marked handled at once."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from smaajob.access import worklist as alerts
from smaajob.access.pages import may_follow
from smaajob.access.requests import AuthenticatedRequest
from smaajob.errors import InvalidInput
from smaajob.links import url_for
from smaajob.web.errors import renders_errors


def _page(request: AuthenticatedRequest, *, error: str = "", reason: str = "", status: int = 200) -> HttpResponse:
    today = date.today()
    found = alerts.worklist(request.user, today=today)
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
        for a in found
    ]
    context = {
        "alerts": found,
        "rows": rows,
        "groups": alerts.groups(request.user, found, today),
        "error": error,
        "reason": reason,
        "reason_max": alerts.MAX_REASON,
    }
    return render(request, "web/worklist.html", context, status=status)


@login_required
@renders_errors
def worklist_page(request: AuthenticatedRequest) -> HttpResponse:
    return _page(request)


@login_required
@renders_errors
def mark_handled(request: AuthenticatedRequest) -> HttpResponse:
    """Several alerts handled with one reason; they leave the list until their condition changes."""
    if request.method != "POST":
        return redirect("web:worklist")  # the form lives on the worklist (which refuses non-staff)
    reason = request.POST.get("reason", "")
    try:
        marked = alerts.mark_handled(actor=request.user, keys=request.POST.getlist("key"), reason=reason)
    except InvalidInput as error:
        return _page(request, error=error.message, reason=reason, status=400)
    messages.success(request, f"{len(marked)} advarsl{'er' if len(marked) != 1 else ''} er markeret som håndteret.")
    return redirect("web:worklist")
