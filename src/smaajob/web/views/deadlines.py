# SPDX-License-Identifier: MPL-2.0
"""Rettidighed pages: one citizen's deadlines and the team's overview (issue 12 item 5).

Thin: the filter form parses the URL, ``smaajob.access.deadlines`` decides who is shown and
logs the reads, the engine (``smaajob.rules.deadlines``) computes. Bad input answers 400 with
the form's Danish message next to the field.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from smaajob.access import deadlines as access_deadlines
from smaajob.access.requests import AuthenticatedRequest
from smaajob.errors import InvalidInput
from smaajob.web.errors import form_error, renders_errors
from smaajob.web.forms.deadlines import DeadlineFilterForm


def _day(request: AuthenticatedRequest) -> date | None:
    form = DeadlineFilterForm({"dato": request.GET.get("dato", "")}, caseworkers=[])
    if not form.is_valid():
        raise InvalidInput(str(form.errors["dato"][0]), field="dato")
    day: date | None = form.cleaned_data["dato"]
    return day


@login_required
@renders_errors
def team_overview(request: AuthenticatedRequest) -> HttpResponse:
    """``/rettidighed/``: each citizen's next deadline, the missed ones and the refund at stake."""
    choices = access_deadlines.caseworkers_for(request.user)
    form = DeadlineFilterForm(request.GET or None, caseworkers=[(c.id, c.name) for c in choices])
    rows = []
    status = 200
    day = date.today()
    if form.is_bound and not form.is_valid():
        status = 400
    else:
        filters = form.cleaned_data if form.is_bound else {}
        day = filters.get("dato") or day
        try:
            rows = access_deadlines.team_deadlines(request.user, on=day, caseworker_id=filters.get("medarbejder"))
        except InvalidInput as error:
            form_error(form, error)
            status = 400
    context = {
        "form": form,
        "rows": rows,
        "day": day,
        "missed": sum(len(r.report.missed) for r in rows if r.report),
        "refund_at_stake": round(sum(r.report.refund_at_stake for r in rows if r.report), 2),
        "query": request.GET.urlencode(),
    }
    return render(request, "web/deadlines/overview.html", context, status=status)


@login_required
@renders_errors
def citizen_deadlines(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    """``/borgere/<id>/rettidighed/``: every deadline of the citizen, with its basis and refund."""
    day = _day(request) or date.today()
    row = access_deadlines.citizen_deadlines(request.user, citizen_id, on=day)
    return render(request, "web/deadlines/citizen.html", {"row": row, "day": day})
