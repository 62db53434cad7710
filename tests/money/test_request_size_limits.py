# SPDX-License-Identifier: MPL-2.0
"""A body larger than the stated limit is refused with 413 before it is read: no upload is
parsed or written anywhere, whether the sender is logged in or not (issue 23, item 6)."""

from __future__ import annotations

import io
from unittest import mock

import pytest
from django.conf import settings
from django.urls import reverse

from smaajob.money import attachments
from smaajob.money.models import Payslip
from tests.money.conftest import PDF_BYTES, pdf
from tests.money.test_payslip_pages import form

TWO_HUNDRED_MB = 200 * 1024 * 1024


class UnreadBody(io.RawIOBase):
    """A request body that counts what the server reads of it; the limit must read nothing."""

    def __init__(self) -> None:
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        chunk = b"x" * (8192 if size is None or size < 0 else min(size, 8192))
        self.bytes_read += len(chunk)
        return chunk

    def readline(self, size: int | None = -1) -> bytes:
        return self.read(size)


def files_under(root) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def upload_temp_dir(settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "upload-tmp")
    (tmp_path / "upload-tmp").mkdir()
    return tmp_path / "upload-tmp"


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "citizen"])
@pytest.mark.parametrize("url", ["/loensedler/mine/", "/api/v1/loensedler/"])
def test_a_declared_200_mb_body_is_refused_before_a_byte_of_it_is_read(
    client, citizen_user, media_root, upload_temp_dir, logged_in, url
):
    if logged_in:
        client.force_login(citizen_user)
    body = UnreadBody()
    response = client.generic(
        "POST", url, CONTENT_TYPE="multipart/form-data; boundary=graense",
        CONTENT_LENGTH=str(TWO_HUNDRED_MB), **{"wsgi.input": body},
    )
    assert response.status_code == 413
    assert body.bytes_read == 0
    said = response.json()["message"] if url.startswith("/api/") else response.content.decode()
    assert "højst 11 MB" in said
    assert files_under(media_root) == [] and files_under(upload_temp_dir) == []


def test_the_api_states_the_limit_in_the_project_error_body(client, citizen_user):
    client.force_login(citizen_user)
    response = client.generic("POST", "/api/v1/loensedler/", CONTENT_TYPE="multipart/form-data; boundary=g",
                              CONTENT_LENGTH=str(TWO_HUNDRED_MB), **{"wsgi.input": UnreadBody()})
    body = response.json()
    assert body["code"] == "request_too_large" and body["field"] is None
    assert body["message"].startswith("Forespørgslen er for stor (200 MB); højst 11 MB.")


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "citizen"])
def test_a_real_upload_over_the_limit_is_refused_and_leaves_no_file(
    client, citizen_user, paid_placement, media_root, upload_temp_dir, logged_in
):
    if logged_in:
        client.force_login(citizen_user)
    too_big = PDF_BYTES + b"0" * settings.SMAAJOB_MAX_REQUEST_BYTES
    response = client.post(reverse("money:my_payslips"), form(attachment=pdf(content=too_big)))
    assert response.status_code == 413
    assert files_under(media_root) == [] and files_under(upload_temp_dir) == []
    assert not Payslip.objects.exists()


def test_a_payslip_within_the_request_limit_is_held_in_memory_never_in_a_temporary_file(
    client, citizen_user, paid_placement, media_root, upload_temp_dir
):
    client.force_login(citizen_user)
    just_too_big = PDF_BYTES + b"0" * attachments.MAX_BYTES
    with mock.patch("smaajob.money.services.timezone.localdate", return_value=paid_placement.planned_start.replace(
            month=6, day=10)):
        page = client.post(reverse("money:my_payslips"), form(attachment=pdf(content=just_too_big),
                                                               placement=str(paid_placement.pk), employer_name=""))
    assert page.status_code == 400
    assert "højst 10 MB" in page.content.decode()
    assert files_under(media_root) == [] and files_under(upload_temp_dir) == []
    assert not Payslip.objects.exists()


def test_the_payslip_form_states_the_size_limit_in_danish(client, citizen_user, paid_placement):
    client.force_login(citizen_user)
    assert "Højst 10 MB." in client.get(reverse("money:my_payslips")).content.decode()


def test_the_request_limit_leaves_room_for_the_largest_payslip_and_its_form():
    assert settings.SMAAJOB_MAX_REQUEST_BYTES > attachments.MAX_BYTES
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE >= settings.SMAAJOB_MAX_REQUEST_BYTES
