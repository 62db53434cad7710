# SPDX-License-Identifier: MPL-2.0
"""The worklist (journey 6): each alert with a link to the action."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from smaajob.access.worklist import alert_sources, worklist
from smaajob.web.errors import renders_errors


@login_required
@renders_errors
def worklist_page(request: HttpRequest) -> HttpResponse:
    alerts = worklist(request.user)
    counts = Counter(a.code for a in alerts)
    groups = [(code, label, counts.get(code, 0)) for code, label in alert_sources()]
    return render(request, "web/worklist.html", {"alerts": alerts, "groups": groups})
