# SPDX-License-Identifier: MPL-2.0
"""One search box for citizens, companies and openings (issue 15, item 2).

The term is posted, never put in the URL: it may be a CPR number, and a name is personal data
too. GET shows the empty search page.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from smaajob.access import search as finder
from smaajob.access.requests import AuthenticatedRequest
from smaajob.errors import InvalidIdentifier
from smaajob.web.errors import renders_errors
from smaajob.web.forms.search import SearchForm


@login_required
@renders_errors
def search(request: AuthenticatedRequest) -> HttpResponse:
    form = SearchForm(request.POST if request.method == "POST" else None)
    result = None
    status = 200
    if form.is_valid():
        try:
            result = finder.search(request.user, form.cleaned_data["q"])
        except InvalidIdentifier as error:
            form.add_error("q", error.message)
            status = 400
    elif form.is_bound:
        status = 400
    # A CPR number is not written back into the page (the box shows it blank again).
    shown = "" if form.is_bound and finder.looks_like_cpr(request.POST.get("q", "")) else request.POST.get("q", "")
    context = {"form": form, "result": result, "search_query": shown, "limit": finder.LIMIT}
    return render(request, "web/search.html", context, status=status)
