# SPDX-License-Identifier: MPL-2.0
"""A payslip's file and its row come and go together: a failure while the rows are written
leaves no file, and what a killed process leaves half way is finished or removed by the next
submission (issue 23, item 6)."""

from __future__ import annotations

import os
import time
from datetime import date
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse

from smaajob.money import attachments
from smaajob.money.models import Payslip
from tests.money.conftest import PDF_BYTES
from tests.money.test_payslips_api import fields


def files_under(root) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _age(name: str, minutes: int) -> None:
    then = time.time() - minutes * 60
    os.utime(default_storage.path(name), (then, then))


@pytest.fixture(autouse=True)
def june_2022():
    with mock.patch("django.utils.timezone.localdate", return_value=date(2022, 6, 10)):
        yield


def test_a_failure_while_the_rows_are_written_leaves_no_file(client, citizen_user, citizen, paid_placement,
                                                              media_root):
    client.force_login(citizen_user)
    with mock.patch("smaajob.money.services._log", side_effect=RuntimeError("databasen forsvandt")), \
            pytest.raises(RuntimeError):
        client.post("/api/v1/loensedler/", fields(citizen, paid_placement))
    assert not Payslip.objects.exists()
    assert files_under(media_root) == []


def test_a_stored_payslip_has_its_file_in_place_and_nothing_staged(client, citizen_user, citizen, paid_placement,
                                                                   media_root):
    client.force_login(citizen_user)
    response = client.post("/api/v1/loensedler/", fields(citizen, paid_placement))
    assert response.status_code == 201, response.content
    payslip = Payslip.objects.get()
    assert files_under(media_root) == [payslip.attachment.name]
    assert payslip.attachment.name and not payslip.attachment.name.startswith(attachments.INCOMING)


def test_a_file_staged_by_a_killed_submission_is_removed_by_the_next_one(submit, media_root):
    default_storage.save(f"{attachments.INCOMING}/payslips__2022__05__0123456789abcdef.pdf", ContentFile(PDF_BYTES))
    _age(f"{attachments.INCOMING}/payslips__2022__05__0123456789abcdef.pdf", minutes=60)
    payslip = submit()
    assert files_under(media_root) == [payslip.attachment.name]


def test_a_file_staged_by_a_submission_killed_after_its_commit_is_put_in_place(submit, media_root, client,
                                                                               benefit_officer):
    first = submit()
    staged = f"{attachments.INCOMING}/{first.attachment.name.replace('/', '__')}"
    os.makedirs(os.path.dirname(default_storage.path(staged)), exist_ok=True)
    os.replace(default_storage.path(first.attachment.name), default_storage.path(staged))
    _age(staged, minutes=60)
    second = submit(period_start=first.period_start.replace(day=2), hours="20")
    assert files_under(media_root) == sorted([first.attachment.name, second.attachment.name])
    client.force_login(benefit_officer)
    response = client.get(reverse("money:payslip_file", args=[first.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES


def test_a_recent_staged_file_is_left_to_the_submission_still_writing_it(submit, media_root):
    running = f"{attachments.INCOMING}/payslips__2022__05__fedcba9876543210.pdf"
    default_storage.save(running, ContentFile(PDF_BYTES))
    submit()
    assert running in files_under(media_root)


def test_a_payslip_cannot_be_stored_inside_a_larger_transaction_that_could_roll_back_after_the_file(submit,
                                                                                                    media_root):
    with pytest.raises(RuntimeError, match="durable"), transaction.atomic():
        submit()
    assert files_under(media_root) == []
