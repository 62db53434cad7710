# SPDX-License-Identifier: MPL-2.0
"""Payslip files in an S3-compatible object store (issue 16, item 2): the same journey as on
disk — stored whole under its final name, nothing left staged, a failed submission leaves no
object, and what a killed process staged is finished by the next submission — against a real
S3 server on loopback (``tests.object_store``)."""

from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from smaajob.money import attachments
from smaajob.money.models import Payslip
from tests.money.conftest import PDF_BYTES
from tests.money.test_payslips_api import fields


@pytest.fixture(autouse=True)
def june_2022():
    with mock.patch("django.utils.timezone.localdate", return_value=date(2022, 6, 10)):
        yield


def test_a_payslip_uploaded_through_the_api_is_one_object_in_the_bucket_and_downloads_whole(
    client, citizen_user, citizen, paid_placement, benefit_officer, s3_storage, media_root
):
    client.force_login(citizen_user)
    response = client.post("/api/v1/loensedler/", fields(citizen, paid_placement))
    assert response.status_code == 201, response.content
    payslip = Payslip.objects.get()
    assert s3_storage.keys() == [payslip.attachment.name]
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))
    client.force_login(benefit_officer)
    download = client.get(reverse("money:payslip_file", args=[payslip.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES


def test_a_failure_while_the_rows_are_written_leaves_no_object(client, citizen_user, citizen, paid_placement,
                                                               s3_storage):
    client.force_login(citizen_user)
    with mock.patch("smaajob.money.services._log", side_effect=RuntimeError("databasen forsvandt")), \
            pytest.raises(RuntimeError):
        client.post("/api/v1/loensedler/", fields(citizen, paid_placement))
    assert not Payslip.objects.exists()
    assert s3_storage.keys() == []


def test_an_object_staged_by_a_submission_killed_after_its_commit_is_put_in_place(submit, s3_storage):
    first = submit()
    staged = f"{attachments.INCOMING}/{first.attachment.name.replace('/', '__')}"
    default_storage.save(staged, ContentFile(PDF_BYTES))
    default_storage.delete(first.attachment.name)
    attachments.sweep_incoming(now=timezone.now() + timedelta(hours=1))
    assert s3_storage.keys() == [first.attachment.name]
    with default_storage.open(first.attachment.name, "rb") as stored:
        assert stored.read() == PDF_BYTES


def test_an_object_staged_without_a_committed_row_is_removed(submit, s3_storage):
    orphan = f"{attachments.INCOMING}/payslips__2022__05__0123456789abcdef.pdf"
    default_storage.save(orphan, ContentFile(PDF_BYTES))
    attachments.sweep_incoming(now=timezone.now() + timedelta(hours=1))
    assert s3_storage.keys() == []
