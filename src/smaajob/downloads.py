# SPDX-License-Identifier: MPL-2.0
"""A file as the answer to a request: its content type from the name, shown or saved.

One place for what every export, document and template download needs (pages, API, reports):
the content type of each kind of file Småjob hands out and the ``Content-Disposition`` header.
"""

from __future__ import annotations

from django.http import HttpResponse

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def file_response(body: bytes | str, filename: str, *, attachment: bool = True) -> HttpResponse:
    """``body`` as ``filename``: saved by the browser (``attachment``) or shown in it."""
    extension = filename.rsplit(".", 1)[-1].lower()
    response = HttpResponse(body, content_type=CONTENT_TYPES[extension])
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
