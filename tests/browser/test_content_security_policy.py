# SPDX-License-Identifier: MPL-2.0
"""The Content-Security-Policy in a real browser (issue 14, item 5): Chromium loads the main
pages of each role with the policy enforced and reports no violation — no blocked inline
script, style or handler — and HTMX still works under it (the company search swaps its list)."""

from __future__ import annotations

from tests.browser.conftest import DEMO_PASSWORD, log_in

# Registered before any page script: every violation the browser reports, as an event.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile
    + ":" + e.lineNumber);
});
"""


def _watch(page) -> list[str]:
    messages: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda m: (
            messages.append(m.text) if "Content Security Policy" in m.text or "Content-Security" in m.text else None
        ),
    )
    return messages


def _visit(page, paths: list[str], messages: list[str]) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        before = len(messages)
        answer = page.goto(path)
        assert answer is not None and "default-src 'self'" in answer.headers["content-security-policy"], path
        page.wait_for_load_state("load")
        violations = page.evaluate("() => window.__cspViolations") + messages[before:]
        if violations:
            found[path] = violations
    return found


def _ids():
    from smaajob.courses.models import Course, Placement
    from smaajob.network.models import Company

    course = Course.objects.filter(state__in=["placement", "paid_hours", "follow_up"]).order_by("pk").first()
    return course, Placement.objects.filter(course=course).first(), Company.objects.order_by("pk").first()


def test_the_main_pages_of_each_role_load_without_a_csp_violation(page, demo):
    messages = _watch(page)
    course, placement, company = _ids()
    found = _visit(page, ["/log-ind/", "/beregner/", "/api/v1/docs"], messages)
    log_in(page, "konsulent", DEMO_PASSWORD)
    found |= _visit(
        page,
        [
            "/",
            f"/borgere/{course.citizen_id}/",
            f"/borgere/{course.citizen_id}/match/",
            f"/placeringer/{placement.pk}/",
            "/timer/",
            "/arbejdsliste/",
            "/virksomheder/",
            f"/virksomheder/{company.pk}/",
            "/jobaabninger/",
            "/overblik/",
            f"/beregner/borger/{course.citizen_id}/",
        ],
        messages,
    )
    for username, paths in (
        ("raadgiver", ["/", "/borgere/ny/"]),
        ("ydelse", ["/", "/loensedler/"]),
        ("koordinator", ["/", "/rapporter/"]),
        ("virksomhed", ["/", "/virksomhed/opgave/"]),
        ("borger", ["/", "/beregner/mig/"]),
    ):
        page.context.clear_cookies()
        log_in(page, username, DEMO_PASSWORD)
        found |= {f"{username} {p}": v for p, v in _visit(page, paths, messages).items()}
    assert found == {}


def test_htmx_swaps_the_company_list_under_the_policy(page, demo):
    messages = _watch(page)
    log_in(page, "konsulent", DEMO_PASSWORD)
    page.goto("/virksomheder/")
    with page.expect_response(lambda r: "/virksomheder/" in r.url and r.request.headers.get("hx-request") == "true"):
        page.get_by_role("button", name="Søg", exact=True).click()
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__cspViolations") == [] and messages == []
