# SPDX-License-Identifier: MPL-2.0
"""Enforcing the role gate (``smaajob.access.pages``) for every page and API operation.

The middleware runs after the URL is resolved and before the view. A request whose URL name
(or API operation) the table does not declare, or declares for other roles, is refused:

* a visitor who is not logged in is sent to the log-in page (the API answers 401);
* anyone else gets exactly the answer a missing record gets: HTTP 404 with the message the
  route's record gives when it does not exist ("Borgeren findes ikke …" for a route with a
  citizen id, "Siden findes ikke …" for a page without one); the API answers the same JSON
  as for a missing record; the admin answers Django's own 404.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from ninja.errors import AuthenticationError

from smaajob.access import pages
from smaajob.access.cases import PAGE_NOT_FOUND
from smaajob.access.citizens import NOT_FOUND_MESSAGE as CITIZEN_NOT_FOUND
from smaajob.access.companies import NOT_FOUND as COMPANY_NOT_FOUND
from smaajob.access.courses import NOT_FOUND as CASE_RECORD_NOT_FOUND
from smaajob.access.events import NOT_FOUND as EVENT_NOT_FOUND
from smaajob.access.intermediary import NOT_FOUND as INTERMEDIARY_NOT_FOUND
from smaajob.access.jobs import NOT_FOUND as JOB_NOT_FOUND
from smaajob.access.offers import OFFER_NOT_FOUND, ORDER_NOT_FOUND
from smaajob.access.openings import NOT_FOUND as OPENING_NOT_FOUND
from smaajob.api.app import authentication_error, smaajob_error
from smaajob.citizens.services import TRANSFER_NOT_FOUND
from smaajob.corrections.kinds import NOT_FOUND as RECORD_NOT_FOUND
from smaajob.errors import NotFound
from smaajob.money.permissions import NOT_FOUND as PAYSLIP_NOT_FOUND
from smaajob.web.errors import error_page

# What a missing record answers, by the route parameter that names it (the first one counts).
MISSING_MESSAGES = {
    "citizen_id": CITIZEN_NOT_FOUND,
    "company_id": COMPANY_NOT_FOUND,
    "opening_id": OPENING_NOT_FOUND,
    "course_id": CASE_RECORD_NOT_FOUND,
    "placement_id": CASE_RECORD_NOT_FOUND,
    "week_id": CASE_RECORD_NOT_FOUND,
    "proposal_id": CASE_RECORD_NOT_FOUND,
    "payslip_id": PAYSLIP_NOT_FOUND,
    "transfer_id": TRANSFER_NOT_FOUND,
    "record_id": RECORD_NOT_FOUND,
    "event_id": EVENT_NOT_FOUND,
    "offer_id": OFFER_NOT_FOUND,
    "order_id": ORDER_NOT_FOUND,
    "run_id": INTERMEDIARY_NOT_FOUND,
    "invoice_id": INTERMEDIARY_NOT_FOUND,
    "statement_id": INTERMEDIARY_NOT_FOUND,
    "job_id": JOB_NOT_FOUND,
}
_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def missing_message(route: str) -> str:
    """The message a missing record of ``route`` gives (a page without a record: "Siden findes ikke")."""
    for name in _PARAMETER.findall(route):
        if name in MISSING_MESSAGES:
            return MISSING_MESSAGES[name]
    return PAGE_NOT_FOUND


class PageGateMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is None:  # pragma: no cover - Django resolves before process_view
            return None
        user = getattr(request, "user", None)
        if pages.is_api_operation(match.view_name, match.route):
            allowed = pages.may_call(user, request.method or "GET", match.route)
        else:
            allowed = pages.may_use(user, match.view_name)
        if allowed:
            return None
        signed_in = pages.role_of(user) != pages.ANONYMOUS
        if match.route.startswith(pages.API_PREFIX):
            if not signed_in:
                return authentication_error(request, AuthenticationError())
            return smaajob_error(request, NotFound(missing_message(match.route)))
        if not signed_in:
            return redirect_to_login(request.get_full_path())
        if match.namespace == "admin":
            raise Http404
        return error_page(request, NotFound(missing_message(match.route)))
