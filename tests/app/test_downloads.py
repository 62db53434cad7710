# SPDX-License-Identifier: MPL-2.0
"""One answer shape for every file Småjob hands out (smaajob.downloads)."""

from __future__ import annotations

import pytest

from smaajob.downloads import file_response


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("eksport-borgere.csv", "text/csv; charset=utf-8"),
        ("katalog.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("indsigt-borger-7.json", "application/json"),
        ("faktura-JF-1.PDF", "application/pdf"),
    ],
)
def test_the_content_type_follows_the_file_name_and_the_file_is_saved_by_default(name, content_type):
    response = file_response(b"x", name)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response.content == b"x"


def test_a_document_to_read_is_shown_in_the_browser():
    assert file_response(b"%PDF", "loenopgoerelse-3.pdf", attachment=False)["Content-Disposition"] == (
        'inline; filename="loenopgoerelse-3.pdf"'
    )


def test_a_kind_of_file_it_does_not_know_is_a_programming_error_not_a_guess():
    with pytest.raises(KeyError):
        file_response(b"x", "noget.exe")
