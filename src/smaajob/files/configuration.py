# SPDX-License-Identifier: MPL-2.0
"""The ``STORAGES`` setting from the environment (read once, by ``smaajob.settings``).

* ``SMAAJOB_STORAGE`` — ``local`` (default: files under ``MEDIA_ROOT``, i.e. ``var/media``) or
  ``s3`` (an S3-compatible object store: AWS, MinIO, Ceph, a cloud provider's object storage).
* ``SMAAJOB_S3_BUCKET`` — the bucket (required with ``s3``); it must exist.
* ``SMAAJOB_S3_ENDPOINT_URL`` — the store's address, e.g. ``https://s3.example.dk``; empty for AWS.
* ``SMAAJOB_S3_ACCESS_KEY_ID``, ``SMAAJOB_S3_SECRET_ACCESS_KEY`` — the keys; empty to use the
  machine's own credentials (an instance role, ``~/.aws``), as boto3 finds them.
* ``SMAAJOB_S3_REGION`` — the region name (optional), ``SMAAJOB_S3_PREFIX`` — a folder inside the
  bucket (optional, e.g. one per municipality sharing a bucket).

No file is ever public: objects are written without an ACL and read back through Småjob's
access-checked views, never by a link to the store. An object store writes an object whole or
not at all (a PUT is atomic), so a half-written upload cannot be seen there; on local disk the
payslip service stages the file first (``smaajob.money.attachments``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LOCAL = "local"
S3 = "s3"
STATIC_FILES = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


class StorageSettingError(ValueError):
    """A storage setting that cannot be used; the message is Danish and says what to write."""


def storages_from_environment(environ: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """Django's ``STORAGES``: the default storage chosen by ``SMAAJOB_STORAGE``, static files as before."""
    kind = environ.get("SMAAJOB_STORAGE", LOCAL).strip().lower() or LOCAL
    if kind == LOCAL:
        default: dict[str, Any] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    elif kind == S3:
        default = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3_options(environ)}
    else:
        raise StorageSettingError(
            f"SMAAJOB_STORAGE={kind!r} kendes ikke: skriv {LOCAL!r} (filer på disken) eller {S3!r} (objektlager)."
        )
    return {"default": default, "staticfiles": STATIC_FILES}


def s3_options(environ: Mapping[str, str]) -> dict[str, Any]:
    """django-storages' S3Storage options from the ``SMAAJOB_S3_*`` variables."""
    bucket = environ.get("SMAAJOB_S3_BUCKET", "").strip()
    if not bucket:
        raise StorageSettingError("SMAAJOB_STORAGE=s3 kræver SMAAJOB_S3_BUCKET: navnet på en bøtte, der findes.")
    endpoint = environ.get("SMAAJOB_S3_ENDPOINT_URL", "").strip()
    if endpoint and not endpoint.startswith(("http://", "https://")):
        raise StorageSettingError(
            f"SMAAJOB_S3_ENDPOINT_URL skal begynde med https:// (eller http:// på egen maskine), fx "
            f"https://s3.example.dk – ikke {endpoint!r}."
        )
    access_key = environ.get("SMAAJOB_S3_ACCESS_KEY_ID", "").strip()
    secret_key = environ.get("SMAAJOB_S3_SECRET_ACCESS_KEY", "").strip()
    if bool(access_key) != bool(secret_key):
        raise StorageSettingError(
            "Sæt både SMAAJOB_S3_ACCESS_KEY_ID og SMAAJOB_S3_SECRET_ACCESS_KEY, eller ingen af dem "
            "(så bruges maskinens egne nøgler)."
        )
    return {
        "bucket_name": bucket,
        "endpoint_url": endpoint or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "region_name": environ.get("SMAAJOB_S3_REGION", "").strip() or None,
        "location": environ.get("SMAAJOB_S3_PREFIX", "").strip().strip("/"),
        # Names are generated and unique; should two ever meet, keep both rather than overwrite.
        "file_overwrite": False,
        # Private objects: no ACL on write, and Småjob's views read them (no signed links handed out).
        "default_acl": None,
        "querystring_auth": True,
    }
