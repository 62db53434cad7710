# SPDX-License-Identifier: MPL-2.0
"""Walking every page and API route: the routes, the ids to fill in, and reading an answer.

``routes()`` lists every URL pattern the project serves (Django's resolver, which includes
the ninja API's paths) with the HTTP methods its operations answer (from the ninja API
itself, for the API). ``build_url`` fills a route's parameters with the fixture world's real
ids; a route whose parameters cannot be filled must be listed in ``UNWALKED`` with a reason,
so that a new route cannot escape the walks unnoticed. ``answer_text`` turns any answer
(HTML, JSON, CSV, Excel, a PDF's source HTML or its text, an uploaded file) into text to search.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from typing import Any, overload

from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from django.utils.datastructures import CaseInsensitiveMapping

from smaajob.api.app import api

API_PREFIX = "api/v1/"

# Routes the walks do not request, each with the reason. A route not walked must be here.
UNWALKED_PREFIXES: dict[str, str] = {
    "admin/": "The Django admin audits its own reads (issue 23 item 1, the admin's own tests).",
}
UNWALKED: dict[str, str] = {
    f"{API_PREFIX}openapi.json": "The API schema: no data, only the shape of the answers.",
    f"{API_PREFIX}docs": "The API documentation page: no data.",
    "log-ud/": "Logging out ends the session the walk needs.",
    "drift/metrics": "Prometheus' metrics: counts by route, no personal data, behind the operator's token and not "
    "a role (every role, signed in or not, gets the same answer); tests/ops/test_health_readiness_metrics.py.",
    "overdragelser/<id:transfer_id>/accepter/": "A write only (POST): it redirects and shows no citizen; who may "
    "answer a transfer is tested in tests/app/test_visitation_transfers.py.",
    "overdragelser/<id:transfer_id>/afvis/": "A write only (POST), as accepting.",
}

# Parameters that are not record ids, per route: the value the walk uses.
FIXED_PARAMETERS: dict[tuple[str, str], str] = {
    ("virksomheder/<id:company_id>/tilfoej/<str:section>/", "section"): "kontakt",
    ("placeringer/<id:placement_id>/<str:action>/", "action"): "afslut",
    ("arrangementer/<id:event_id>/<str:action>/", "action"): "fremmoede",
    ("bestillinger/<id:order_id>/<str:action>/", "action"): "accepter",
    ("loensedler/<id:payslip_id>/<slug:action>/", "action"): "beregn",
    # A record's correction pages and API, walked with a week of hours (``record_id``).
    **{
        (route, "kind"): "uge"
        for route in (
            "rettelser/<slug:kind>/<id:record_id>/",
            "rettelser/<slug:kind>/<id:record_id>/ret/",
            "rettelser/<slug:kind>/<id:record_id>/annuller/",
            f"{API_PREFIX}rettelser/<kind>/<record_id>",
            f"{API_PREFIX}rettelser/<kind>/<record_id>/annuller",
        )
    },
    ("virksomhed/timer/maaned/<str:month>/", "month"): "2026-11",
    # No provider is configured in the fixture world: the page sends the user to the log-in page.
    ("log-ind/oidc/<slug:provider_name>/", "provider_name"): "medarbejder",
    ("log-ind/oidc/<slug:provider_name>/retur/", "provider_name"): "medarbejder",
    # Imports (issue 17): the citizens' export and template, the API's import and export of them.
    ("import/skabelon/<slug:kind>.<slug:fmt>", "kind"): "borgere",
    ("import/skabelon/<slug:kind>.<slug:fmt>", "fmt"): "csv",
    ("import/eksport/<slug:kind>.<slug:fmt>", "kind"): "borgere",
    ("import/eksport/<slug:kind>.<slug:fmt>", "fmt"): "csv",
    (f"{API_PREFIX}import/<kind>", "kind"): "borgere",
    (f"{API_PREFIX}import/<kind>/eksport", "kind"): "borgere",
    ("virksomhed/timer/maaned/<str:month>/borger/<id:citizen_id>/", "month"): "2026-11",
    ("mellemled/maaned/<str:month>/", "month"): "2026-11",
}

# Query strings without which a page only answers "missing parameter".
QUERIES: dict[str, str] = {
    "rapporter/tal/": "maal=funnel.visited&gruppe_noegle=__total__&fra=2024-01-01",
    "rapporter/": "fra=2024-01-01",
    "rapporter/noegletal.csv": "fra=2024-01-01",
    "rapporter/noegletal.xlsx": "fra=2024-01-01",
    "rapporter/evaluering.pdf": "fra=2024-01-01",
    f"{API_PREFIX}rapporter/noegletal": "fra=2024-01-01",
    f"{API_PREFIX}netvaerk/arrangementer/rapport": "start=2024-01-01&end=2024-12-31",
    f"{API_PREFIX}mellemled/rapport": "start=2024-01&end=2099-12",
}

_PARAMETER = re.compile(r"<(?:(?P<converter>[a-z]+):)?(?P<name>\w+)>")


@dataclass(frozen=True)
class Route:
    route: str  # the pattern, as Django writes it: "borgere/<int:citizen_id>/"
    methods: frozenset[str]  # for API operations; pages answer GET (and POST for forms)
    url_name: str = ""  # "web:citizen"; for the API, the first operation's

    @property
    def parameters(self) -> list[str]:
        return [m.group("name") for m in _PARAMETER.finditer(self.route)]

    @property
    def is_api(self) -> bool:
        return self.route.startswith(API_PREFIX)

    def unwalked_reason(self) -> str | None:
        for prefix, reason in UNWALKED_PREFIXES.items():
            if self.route.startswith(prefix):
                return reason
        return UNWALKED.get(self.route)


def _patterns(
    resolvers: list[URLPattern | URLResolver], prefix: str = "", namespace: str = ""
) -> list[tuple[str, str]]:
    """(route, URL name) of every pattern; the URL name with its namespace, as ``reverse`` takes it."""
    found = []
    for entry in resolvers:
        text = str(entry.pattern)
        if isinstance(entry.pattern, RoutePattern) or not text.startswith("^"):
            part = text
        else:  # regex patterns (the admin's): keep them readable, they are only matched by prefix
            part = text.lstrip("^").rstrip("$")
        if isinstance(entry, URLResolver):
            inner = ":".join(n for n in (namespace, entry.namespace or "") if n)
            found.extend(_patterns(entry.url_patterns, prefix + part, inner))
        elif isinstance(entry, URLPattern):
            found.append((prefix + part, f"{namespace}:{entry.name}" if namespace else str(entry.name)))
    return found


def _api_methods() -> dict[str, frozenset[str]]:
    """The methods of every ninja operation, keyed by the Django route of its path."""
    methods: dict[str, set[str]] = {}
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            full = "/".join(p.strip("/") for p in (prefix, path) if p.strip("/"))
            # ninja turns "{citizen_id}" into "<citizen_id>" (typed as the view's annotation)
            key = re.sub(r"\{(\w+)\}", r"<\1>", full)
            for operation in path_view.operations:
                methods.setdefault(key, set()).update(operation.methods)
    return {k: frozenset(v) for k, v in methods.items()}


def routes() -> list[Route]:
    api_methods = _api_methods()
    names: dict[str, str] = {}
    for route, name in _patterns(get_resolver().url_patterns):
        names.setdefault(route, name)  # Django resolves a route to its first pattern
    result = []
    for route in sorted(names):
        methods = frozenset({"GET"})
        if route.startswith(API_PREFIX):
            bare = _PARAMETER.sub(lambda m: f"<{m.group('name')}>", route[len(API_PREFIX) :]).rstrip("/")
            methods = api_methods.get(bare, api_methods.get(bare + "/", frozenset({"GET"})))
        result.append(Route(route, methods, names[route]))
    return result


def build_url(route: Route, ids: dict[str, int]) -> str | None:
    """The route with its parameters filled from the fixture ids; None if one cannot be filled."""

    def fill(match: re.Match[str]) -> str:
        name = match.group("name")
        fixed = FIXED_PARAMETERS.get((route.route, name))
        if fixed is not None:
            return fixed
        if name not in ids:
            raise KeyError(name)
        return str(ids[name])

    try:
        path = "/" + _PARAMETER.sub(fill, route.route)
    except KeyError:
        return None
    query = QUERIES.get(route.route)
    return f"{path}?{query}" if query else path


def filled_url(route: Route, ids: dict[str, int]) -> str:
    """``build_url`` of a route the walk fills (``test_unaudited_reads`` checks every walked one is)."""
    url = build_url(route, ids)
    assert url is not None, route.route
    return url


def html_as_pdf(html: str) -> bytes:
    """Stands in for drawing the PDF (``smaajob.pdf.html_pdf``): the "PDF" is the HTML it would
    print, so it can be searched."""
    return html.encode("utf-8")


def answer_text(response: HttpResponseBase) -> str:
    """Everything a reader of the answer could see, as text."""
    return text_of(raw_body(response), response.get("Content-Type", ""))


def raw_body(response: HttpResponseBase) -> bytes:
    """The answer's bytes. A streamed one (a FileResponse is one) is read to the end once, which
    closes it (and its file): the test client wraps the iterator so. Closing it again here would
    close the database connection as well."""
    if isinstance(response, StreamingHttpResponse):
        return response.getvalue()
    assert isinstance(response, HttpResponse)
    return response.content


def text_of(raw: bytes, content_type: str) -> str:
    """``answer_text`` of an answer's bytes (``raw_body``) and its content type."""
    if "spreadsheetml" in content_type:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(raw), read_only=True)
        return "\n".join(
            " ".join("" if v is None else str(v) for v in row)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    text = raw.decode("utf-8", errors="replace")
    if raw.startswith(b"%PDF") and b"/StructTreeRoot" in raw:
        # A real PDF (smaajob.pdf drew it, as the openings list is drawn from rows): add its
        # text as read back (an uploaded file that only pretends to be a PDF keeps its bytes).
        from tests.pdf_reading import read_pdf

        text += "\n" + read_pdf(raw).text
    return text


@dataclass(frozen=True)
class Answer:
    """One answer of a recorded walk (``RoleWalk``), with what the checks read of it: the status,
    the headers, the raw body (``content``: HTML for links), ``answer_text`` of it, and the
    citizens whose READ the request wrote to the audit log as the walking user."""

    route: Route
    url: str
    status_code: int
    headers: CaseInsensitiveMapping[str]
    content: bytes
    text: str
    audited_reads: frozenset[int | None]

    @overload
    def get(self, name: str, default: None = None) -> str | None: ...
    @overload
    def get(self, name: str, default: str) -> str: ...
    def get(self, name: str, default: str | None = None) -> str | None:
        """A header, as ``HttpResponse.get``."""
        return self.headers.get(name, default)

    def __getitem__(self, name: str) -> str:
        return self.headers[name]

    def json(self) -> Any:
        return json.loads(self.content)


@dataclass
class RoleWalk:
    """Every walked route asked with GET by one user (``walk_role``): the answers by URL, and for a
    route that addresses a record the answer with ids that do not exist, by route."""

    answers: dict[str, Answer] = field(default_factory=dict)
    missing: dict[str, Answer] = field(default_factory=dict)

    def answer(self, url: str) -> Answer:
        return self.answers[url]


# Not walked by most checks, but their headers are checked (tests/app/test_security_headers.py).
WALKED_FOR_HEADERS = frozenset({f"{API_PREFIX}docs", f"{API_PREFIX}openapi.json"})


def walk_role(client: Any, user: Any, ids: dict[str, int], missing_ids: dict[str, int]) -> RoleWalk:
    """GET every walked route (and the API's documentation) as ``client``'s user, and every route
    that addresses a record with ``missing_ids`` too. The caller patches ``smaajob.pdf.html_pdf``
    and rolls back what the walk writes (sessions, audit entries)."""
    from smaajob.audit.models import AuditAction, AuditEntry

    def last_audit_id() -> int:
        return AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def ask(route: Route, url: str) -> Answer:
        before = last_audit_id()
        response = client.get(url)
        content = raw_body(response)  # read to the end once; a file answer may audit its read then
        text = text_of(content, response.get("Content-Type", ""))
        reads = AuditEntry.objects.filter(id__gt=before, actor=user, action=AuditAction.READ)
        return Answer(
            route=route,
            url=url,
            status_code=response.status_code,
            headers=CaseInsensitiveMapping(dict(response.items())),
            content=content,
            text=text,
            audited_reads=frozenset(reads.values_list("citizen_id", flat=True)),
        )

    walk = RoleWalk()
    with_ids = []
    for route in routes():
        if route.unwalked_reason() is not None and route.route not in WALKED_FOR_HEADERS:
            continue
        url = build_url(route, ids)
        if url is None:
            continue  # test_every_route_is_walked_or_listed_with_a_reason fails on it
        walk.answers[url] = ask(route, url)
        if route.unwalked_reason() is None and any(p in ids for p in route.parameters):
            with_ids.append(route)
    # The missing ids after every real answer: a refused look-up is audited (DENIED), and the
    # data protection officer's »tilsyn« page lists those attempts, with links to them.
    for route in with_ids:
        walk.missing[route.route] = ask(route, filled_url(route, missing_ids))
    return walk
