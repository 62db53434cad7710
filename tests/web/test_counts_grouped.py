# SPDX-License-Identifier: MPL-2.0
"""Counts on the pages are written the Danish way, with thousands dots (2.503, not 2503).

A municipality's counts pass a thousand soon: the audit log's entries of a day, the companies
in the network, the openings, a list's rows. Each template is rendered with counts over a
thousand (the page code's numbers as the view hands them over)."""

from __future__ import annotations

from datetime import date

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory


@pytest.fixture
def request_for(consultant):
    def make(user=consultant):
        request = RequestFactory().get("/")
        request.user = user
        return request

    return make


@pytest.mark.parametrize(
    ("template", "context", "shown"),
    [
        ("web/home/dpo.html", {"entries_today": 2503, "denied_week": 1200}, ["<dd>2.503</dd>", "<dd>1.200</dd>"]),
        ("web/home/analyst.html", {"open_courses": "1.530", "companies": 59976, "open_openings": 3000},
         ["<dd>59.976</dd>", "<dd>3.000</dd>"]),
        ("web/companies/_rows.html", {"count": 2000, "page": []}, ["<caption>2.000 virksomheder"]),
        ("web/openings/_table.html", {"count": 3000, "page": []}, ["<caption>3.000 åbne jobåbninger pr."]),
        ("web/openings/_table.html", {"count": 1, "page": []}, ["<caption>1 åben jobåbning pr."]),  # not »åbene«
        (  # user None: the account that ran the import was deleted since
            "web/imports/_run.html",
            {"run": {"pk": 1, "user": None, "total_rows": 12000, "created": 11000, "updated": 1000, "unchanged": 0}},
            ["<dd>12.000</dd>", "<dd>11.000</dd>", "<dd>1.000</dd>", "<dd>–,"],
        ),
        ("web/imports/_run.html", {"run": {"pk": 1, "user": None}, "running": True, "progress": (1500, 3000)},
         ["1.500 af 3.000 rækker"]),
        ("web/exports/_job.html", {"job": {"pk": 1, "percent": 50, "progress_done": 1500, "progress_total": 3000}},
         ["1.500 af 3.000 rækker"]),
    ],
)
def test_a_count_over_a_thousand_has_its_thousands_dot(db, request_for, template, context, shown):
    html = render_to_string(template, context, request=request_for())
    for text in shown:
        assert text in html, (text, html[:2000])


@pytest.mark.parametrize("role", ["analyst", "administrator"])
def test_the_open_courses_count_is_grouped_with_and_without_the_small_cell_rule(make_user, monkeypatch, role):
    # The analyst's count goes through the small-cell rule; the administrator's is exact (its own
    # branch): both are written with the thousands dot. 1,530 open courses, without making them.
    from smaajob.web import home_pages

    class OpenCourses:
        def filter(self, **_: object) -> OpenCourses:
            return self

        def count(self) -> int:
            return 1530

    monkeypatch.setattr(home_pages, "open_courses", OpenCourses)
    assert home_pages.analyst_home(make_user(role), date(2026, 12, 7))["open_courses"] == "1.530"
