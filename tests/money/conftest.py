# SPDX-License-Identifier: MPL-2.0
"""Fixtures for the payslip flow: a citizen in a paid småjob, the people who act on payslips,
and files that are (or pretend to be) payslips. Uploaded files go to a temporary MEDIA_ROOT."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
# 2022: the last year for which the rules engine has a sourced hourly disregard (28.66 kr).
TODAY = date(2022, 6, 10)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def pdf(name: str = "loenseddel.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def course(citizen, project, caseworker):
    """The citizen's course, started early in 2022 (overrides the shared 2024 course)."""
    from smaajob.courses.services import start_course

    return start_course(actor=caseworker, citizen=citizen, project=project, started_on=date(2022, 1, 3))


@pytest.fixture
def paid_placement(course, company, consultant):
    from smaajob.courses.services import create_placement, start_placement

    placement = create_placement(
        actor=consultant,
        course=course,
        company=company,
        kind="paid",
        planned_start=date(2022, 2, 1),
        steps=[(date(2022, 2, 1), 6)],
    )
    return start_placement(actor=consultant, placement=placement, on=date(2022, 2, 1))


@pytest.fixture
def citizen_user(make_user, citizen):
    user = make_user("citizen", username="omar", first_name="Omar", last_name="Hansen")
    citizen.user = user
    citizen.save(update_fields=["user"])
    return user


@pytest.fixture
def employer_user(make_user, company):
    return make_user("employer", username="netto", company=company, team=None)


@pytest.fixture
def benefit_officer(make_user):
    return make_user("benefit_office", username="ydelse", first_name="Yrsa", last_name="Ydelse")


@pytest.fixture
def second_officer(make_user):
    """A second person in the benefit office: approves what ``benefit_officer`` calculated (four eyes)."""
    return make_user("benefit_office", username="ydelse2", first_name="Yvonne", last_name="Ydelse")


@pytest.fixture
def on_kontanthjaelp(citizen, caseworker):
    from smaajob.citizens.services import set_benefit

    return set_benefit(
        actor=caseworker,
        citizen=citizen,
        benefit_type="kontanthjaelp",
        valid_from=date(2021, 1, 1),
        monthly_amount=Decimal("11000.00"),
    )


@pytest.fixture
def submit(citizen_user, citizen, paid_placement):
    """Submit a payslip for May 2022 as the citizen, with overridable fields."""
    from smaajob.money.services import submit_payslip

    def go(**overrides):
        fields = dict(
            actor=citizen_user,
            citizen=citizen,
            placement=paid_placement,
            period_start=date(2022, 5, 1),
            period_end=date(2022, 5, 31),
            hours="26",
            gross_wage="3380",
            attachment=pdf(),
            today=TODAY,
        )
        fields.update(overrides)
        return submit_payslip(**fields)

    return go
