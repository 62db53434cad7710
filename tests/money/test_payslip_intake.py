# SPDX-License-Identifier: MPL-2.0
"""Submitting a payslip: who may, what is refused (with nothing saved) and what is flagged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from smaajob.audit.models import AuditEntry
from smaajob.errors import InvalidHours, InvalidInput, InvalidPeriod, NotFound, OverlappingActivity
from smaajob.money.models import Payslip, PayslipStatus
from tests.money.conftest import PNG_BYTES, TODAY, pdf


def stored_files(media_root) -> list[Path]:
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []


def test_a_citizen_submits_a_payslip_which_is_received_with_its_deadline_on_the_20th(submit, citizen_user):
    payslip = submit()
    assert payslip.status == PayslipStatus.RECEIVED
    assert payslip.submitted_via == "citizen" and payslip.submitted_by == citizen_user
    assert payslip.benefit_month == date(2022, 5, 1)
    assert payslip.deadline == date(2022, 6, 20)
    assert payslip.attachment_type == "pdf"
    assert [t.to_status for t in payslip.transitions.all()] == ["received"]
    assert AuditEntry.objects.filter(object_type="payslip", object_id=payslip.pk, action="create").exists()


def test_the_stored_file_gets_a_generated_name_not_the_uploaders(submit):
    payslip = submit(attachment=pdf(name="../../etc/passwd.pdf"))
    assert payslip.attachment.name.startswith("payslips/") and "passwd" not in payslip.attachment.name
    assert payslip.attachment.name.endswith(".pdf")


def test_a_phone_photo_is_accepted_as_a_png(submit):
    from django.core.files.uploadedfile import SimpleUploadedFile

    payslip = submit(attachment=SimpleUploadedFile("IMG_0001.png", PNG_BYTES, content_type="image/png"))
    assert payslip.attachment_type == "png"


@pytest.mark.parametrize(
    ("overrides", "error", "field", "words"),
    [
        ({"gross_wage": "-100"}, InvalidInput, "gross_wage", "kan ikke være negativ"),
        ({"hours": "300"}, InvalidHours, "hours", "48 timer om ugen"),
        ({"hours": "-2"}, InvalidHours, "hours", "negative"),
        ({"hours": "mange"}, InvalidHours, "hours", "ikke et antal timer"),
        ({"period_start": date(2022, 6, 1), "period_end": date(2022, 6, 30)}, InvalidPeriod, "period_end", "fremtiden"),
        ({"period_start": date(2022, 5, 31), "period_end": date(2022, 5, 1)}, InvalidPeriod, "period_end", "før"),
        (
            {"period_start": date(2022, 3, 1), "period_end": date(2022, 4, 30)},
            InvalidPeriod,
            "period_start",
            "en måned",
        ),
        (
            {"period_start": date(2022, 1, 1), "period_end": date(2022, 1, 31)},
            InvalidPeriod,
            "period_start",
            "uden for",
        ),
        ({"attachment": pdf(content=b"MZ\x90\x00 not a pdf at all")}, InvalidInput, "attachment", "ikke en PDF"),
        ({"attachment": pdf(content=b"")}, InvalidInput, "attachment", "tom"),
        ({"attachment": None}, InvalidInput, "attachment", "Vedhæft"),
        ({"gross_wage": "0"}, InvalidInput, "gross_wage", "større end 0"),
    ],
    ids=[
        "negative-wage",
        "300-hours",
        "negative-hours",
        "hours-not-a-number",
        "future-period",
        "end-before-start",
        "two-months",
        "before-the-job",
        "fake-pdf",
        "empty-file",
        "no-file",
        "zero-wage",
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_is_saved(
    submit, media_root, overrides, error, field, words
):
    with pytest.raises(error) as caught:
        submit(**overrides)
    assert caught.value.field == field
    assert words in caught.value.message
    assert Payslip.objects.count() == 0
    assert stored_files(media_root) == []


def test_a_file_too_large_is_refused(submit, media_root, monkeypatch):
    from smaajob.money import attachments

    monkeypatch.setattr(attachments, "MAX_BYTES", 32)
    with pytest.raises(InvalidInput, match="højst"):
        submit()
    assert Payslip.objects.count() == 0 and stored_files(media_root) == []


def test_a_failure_after_the_file_is_written_removes_the_file_again(submit, media_root, monkeypatch):
    from smaajob.money.models import PayslipTransition

    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(PayslipTransition.objects, "create", broken)
    with pytest.raises(RuntimeError):
        submit()
    assert Payslip.objects.count() == 0 and stored_files(media_root) == []


def test_a_citizen_cannot_submit_for_someone_else(submit, make_user, municipality, caseworker):
    from smaajob.citizens.services import register_citizen

    other = register_citizen(
        actor=caseworker, cpr="020290-1234", first_name="Ida", last_name="Jensen", municipality=municipality
    )
    with pytest.raises(NotFound):
        submit(citizen=other, placement=None, employer_name="Netto")
    assert Payslip.objects.count() == 0


def test_an_employer_submits_only_for_a_placement_at_its_own_company(
    submit, employer_user, make_user, consultant, municipality
):
    from smaajob.network.services import create_company

    payslip = submit(actor=employer_user)
    assert payslip.submitted_via == "employer"
    with pytest.raises(NotFound):
        submit(
            actor=employer_user,
            placement=None,
            employer_name="Netto Vollsmose",
            period_start=date(2022, 4, 1),
            period_end=date(2022, 4, 30),
        )
    rival = create_company(actor=consultant, municipality=municipality, cvr="10150817", name="Fakta")
    stranger = make_user("employer", username="fakta", company=rival, team=None)
    with pytest.raises(NotFound):
        submit(actor=stranger, period_start=date(2022, 4, 1), period_end=date(2022, 4, 30))


def test_unpaid_praktik_has_no_payslip(submit, course, company, consultant):
    from smaajob.courses.services import create_placement

    praktik = create_placement(
        actor=consultant,
        course=course,
        company=company,
        kind="placement",
        planned_start=date(2022, 1, 3),
        planned_end=date(2022, 1, 28),
    )
    with pytest.raises(InvalidInput, match="ulønnet"):
        submit(placement=praktik, period_start=date(2022, 1, 3), period_end=date(2022, 1, 28))


def test_the_same_payslip_sent_by_citizen_and_employer_is_refused_the_second_time(submit, employer_user):
    submit()
    with pytest.raises(OverlappingActivity) as caught:
        submit(actor=employer_user)
    assert "allerede modtaget" in caught.value.message and "borgeren" in caught.value.message
    assert Payslip.objects.count() == 1


def test_an_overlapping_period_from_the_same_employer_is_kept_but_flagged_on_both(submit):
    first = submit(period_start=date(2022, 5, 1), period_end=date(2022, 5, 20), hours="18", gross_wage="2340")
    second = submit(period_start=date(2022, 5, 16), period_end=date(2022, 5, 31), hours="10", gross_wage="1300")
    first.refresh_from_db()
    assert second.overlaps_with == [first.pk] and first.overlaps_with == [second.pk]
    assert first.unresolved_overlap and second.unresolved_overlap


def test_payslips_from_two_employers_for_the_same_month_do_not_overlap(submit):
    submit()
    other = submit(placement=None, employer_name="Bageriet", hours="8", gross_wage="1000")
    assert other.overlaps_with == []


def test_a_payslip_received_after_the_20th_is_marked_late(submit):
    payslip = submit(period_start=date(2022, 4, 1), period_end=date(2022, 4, 30), today=TODAY)
    assert payslip.deadline == date(2022, 5, 20)
    assert payslip.transitions.get().note == "modtaget efter fristen"
