# SPDX-License-Identifier: MPL-2.0
"""The home page per role.

Errors from ``smaajob.errors`` become a Danish error page with the right HTTP status
(see ``smaajob.web.errors``); nothing here catches anything else.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from smaajob.access.cases import may_use_worklist
from smaajob.access.requests import AuthenticatedRequest
from smaajob.access.worklist import next_actions
from smaajob.organisation.models import Role
from smaajob.web import home_pages
from smaajob.web.errors import renders_errors

# The home page shows the first few next actions; the worklist (staff) shows them all.
NEXT_SHOWN = 8


@login_required
@renders_errors
def home(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    today = date.today()
    builder = home_pages.BUILDERS[user.role]
    context = builder(user, today)
    actions = next_actions(user, today=today)
    context.update(
        {
            "today": today,
            "role_label": Role(user.role).label,
            "next_actions": actions[:NEXT_SHOWN],
            "next_total": len(actions),
            "role_has_worklist": may_use_worklist(user),
        }
    )
    return render(request, f"web/home/{user.role}.html", context)
