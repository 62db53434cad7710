# SPDX-License-Identifier: MPL-2.0
"""Import test set-up: a coordinator who imports, and helpers that build CSV files the way
Danish Excel writes them."""

from __future__ import annotations

from datetime import date

import pytest

TODAY = date(2026, 6, 1)


@pytest.fixture
def importer(make_user, project):
    return make_user("coordinator", username="koordinator", first_name="Karen", last_name="Koordinator")


def csv_bytes(header: str, *rows: str, encoding: str = "utf-8", sep: str = ";") -> bytes:
    lines = [header, *rows]
    return ("\r\n".join(line.replace(";", sep) for line in lines) + "\r\n").encode(encoding)


@pytest.fixture
def run_import(importer):
    """Import (or with ``write=False`` preview) a file as the coordinator, on a fixed day."""
    from smaajob.imports import services

    def run(kind: str, data: bytes, *, write: bool = True, file_name: str = "fil.csv", **extra):
        extra.setdefault("today", TODAY)
        return services.import_file(actor=importer, kind=kind, data=data, file_name=file_name, write=write, **extra)

    return run


from tests.demo.conftest import small_demo  # noqa: E402, F401  (the demo municipality, for the sample files)
