# SPDX-License-Identifier: MPL-2.0
"""The reports' columnar loading gives exactly the tables Django's rows give (issue 22, item 3).

On PostgreSQL the columns come through ADBC on a connection of their own, which sees only
committed rows: these tests commit (``transaction=True``), so they exercise that path there,
and the cursor path on SQLite. Both databases run this file (scripts/test).
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import polars as pl
import pytest
from django.db import connection, transaction

from smaajob.reports import columns
from smaajob.reports.selectors import load_tables

TODAY = date(2026, 3, 2)

committed = pytest.mark.django_db(transaction=True)


def add_roskilde(other_municipality):
    """One synthetic citizen in Roskilde, with her caseworker."""
    from smaajob.citizens.services import register_citizen
    from smaajob.organisation.services import create_user

    caseworker = create_user(
        username="rk-raadgiver", password="korrekt-hest-batteri-47", role="caseworker",
        municipality=other_municipality, first_name="Rikke", last_name="Roskilde",
    )
    roskilde_citizen = register_citizen(
        actor=caseworker, cpr="010190-1234", first_name="Ole", last_name="Roskilde",
        municipality=other_municipality, is_synthetic=True,
    )
    return other_municipality, roskilde_citizen


@pytest.fixture
def roskilde(other_municipality):
    return add_roskilde(other_municipality)


@pytest.fixture
def two_municipalities(other_municipality):
    """The municipality demo at 1 % (Odense) and a citizen in Roskilde, committed (the demo
    first: it loads only into a database without other citizens)."""
    from smaajob.demo.loader import load_demo
    from smaajob.organisation.models import Municipality

    load_demo("municipality", today=TODAY, scale=0.01)
    return Municipality.objects.get(code="461"), *add_roskilde(other_municipality)


@pytest.fixture
def arrow_reads(monkeypatch):
    """How many tables came through the ADBC (Arrow) reader."""
    seen = []
    read = columns.ColumnReader._arrow

    def counted(self, alias, sql, params):
        seen.append(sql)
        return read(self, alias, sql, params)

    monkeypatch.setattr(columns.ColumnReader, "_arrow", counted)
    return seen


def assert_same_tables(columnar, rows):
    for table in fields(rows):
        got, expected = getattr(columnar, table.name), getattr(rows, table.name)
        assert got.schema == expected.schema, table.name
        # Same rows, whatever order each database returned them in.
        assert got.sort(got.columns).equals(expected.sort(expected.columns)), table.name


@committed
def test_the_columnar_tables_equal_the_orm_tables_for_the_country_a_municipality_and_a_project(
    two_municipalities, arrow_reads
):
    from smaajob.organisation.models import Project

    odense, roskilde, roskilde_citizen = two_municipalities
    everything = load_tables()
    assert_same_tables(everything, load_tables(columnar=False))
    assert everything.weeks.height > 500  # the demo's hours ledger, not an empty table
    assert everything.courses["ended_on"].null_count() > 0  # open courses: nulls survive the trip
    # On PostgreSQL every table came as Arrow from ADBC; SQLite has no ADBC reader here.
    assert len(arrow_reads) == (10 if connection.vendor == "postgresql" else 0)

    for municipality in (odense, roskilde):  # the access scope: one municipality's rows only
        own = load_tables(municipality_ids=[municipality.pk])
        assert_same_tables(own, load_tables(municipality_ids=[municipality.pk], columnar=False))
        assert set(own.citizens["municipality_id"].to_list()) == {municipality.pk}
    alone = load_tables(municipality_ids=[roskilde.pk])
    assert alone.citizens["citizen_id"].to_list() == [roskilde_citizen.pk]
    assert alone.weeks.is_empty() and alone.placements.schema["start"] == pl.Date()

    for project in Project.objects.filter(municipality=odense):
        one = load_tables(municipality_ids=[odense.pk], project_id=project.pk)
        assert_same_tables(one, load_tables(municipality_ids=[odense.pk], project_id=project.pk, columnar=False))
        assert set(one.courses["project_id"].to_list()) <= {project.pk}


@committed
def test_inside_a_transaction_the_columns_include_its_own_uncommitted_rows(roskilde, arrow_reads):
    from smaajob.citizens.services import register_citizen
    from smaajob.organisation.models import User

    municipality, roskilde_citizen = roskilde
    with transaction.atomic():
        newcomer = register_citizen(
            actor=User.objects.get(username="rk-raadgiver"), cpr="020290-1234", first_name="Ida",
            last_name="Roskilde", municipality=municipality, is_synthetic=True,
        )
        tables = load_tables(municipality_ids=[municipality.pk])
        assert sorted(tables.citizens["citizen_id"].to_list()) == sorted([roskilde_citizen.pk, newcomer.pk])
        transaction.set_rollback(True)
    assert arrow_reads == []  # a reader on its own connection would not have seen the newcomer


def test_placeholders_become_numbered_and_a_literal_percent_stays():
    assert columns._numbered('SELECT 1 WHERE a IN (%s, %s) AND b LIKE \'x%%\' AND c = %s') == (
        "SELECT 1 WHERE a IN ($1, $2) AND b LIKE 'x%' AND c = $3"
    )


def test_numbers_and_dates_are_inlined_so_the_driver_can_stream_copy_and_text_stays_bound():
    from decimal import Decimal

    sql = "SELECT 1 WHERE a IN (%s, %s) AND b > %s AND c <= %s AND d LIKE 'x%%'"
    assert columns._statement(sql, [4, 7, Decimal("0"), date(2025, 1, 31)]) == (
        "SELECT 1 WHERE a IN (4, 7) AND b > 0::numeric AND c <= '2025-01-31'::date AND d LIKE 'x%'", None
    )
    # A text parameter (it could carry SQL) keeps every parameter bound, numbered for PostgreSQL.
    assert columns._statement("SELECT 1 WHERE a = %s AND k = %s", [4, "paid'; --"]) == (
        "SELECT 1 WHERE a = $1 AND k = $2", (4, "paid'; --")
    )
    assert columns._statement("SELECT 1", []) == ("SELECT 1", None)
