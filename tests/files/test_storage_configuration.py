# SPDX-License-Identifier: MPL-2.0
"""Where files live is chosen by the environment; a mistake there is a Danish message at start,
and the readiness probe tells a missing bucket from a working one (issue 16, item 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from smaajob.files.configuration import StorageSettingError, storages_from_environment
from smaajob.files.readiness import storage_problem

S3 = {"SMAAJOB_STORAGE": "s3", "SMAAJOB_S3_BUCKET": "loensedler"}


def test_files_are_on_local_disk_unless_the_environment_says_otherwise():
    assert storages_from_environment({})["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_an_object_store_is_private_and_never_overwrites():
    options = storages_from_environment({**S3, "SMAAJOB_S3_ENDPOINT_URL": "https://s3.example.dk",
                                         "SMAAJOB_S3_PREFIX": "/odense/"})["default"]["OPTIONS"]
    assert options["bucket_name"] == "loensedler" and options["endpoint_url"] == "https://s3.example.dk"
    assert options["location"] == "odense"
    assert options["default_acl"] is None and options["file_overwrite"] is False


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"SMAAJOB_STORAGE": "ftp"}, "SMAAJOB_STORAGE='ftp' kendes ikke"),
        ({"SMAAJOB_STORAGE": "s3"}, "kræver SMAAJOB_S3_BUCKET"),
        ({**S3, "SMAAJOB_S3_ENDPOINT_URL": "s3.example.dk"}, "skal begynde med https://"),
        ({**S3, "SMAAJOB_S3_ACCESS_KEY_ID": "AKIA"}, "Sæt både SMAAJOB_S3_ACCESS_KEY_ID og SMAAJOB_S3_SECRET"),
    ],
)
def test_a_storage_setting_that_cannot_work_is_refused_with_what_to_write(environment, message):
    with pytest.raises(StorageSettingError, match=message):
        storages_from_environment(environment)


def test_the_command_refuses_to_start_with_an_unknown_storage_and_says_why(tmp_path: Path):
    env = {**os.environ, "SMAAJOB_STORAGE": "ftp", "SMAAJOB_VAR_DIR": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    done = subprocess.run([sys.executable, "-m", "smaajob.cli.main", "migrate", "--check"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 2
    assert "fejl [configuration]: SMAAJOB_STORAGE='ftp' kendes ikke" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_readiness_probe_finds_the_bucket_and_misses_a_missing_one(s3_storage, settings, object_store):
    assert storage_problem() is None
    settings.STORAGES = storages_from_environment(object_store.environment("findes-ikke"))
    assert storage_problem(default_storage) == "objektlageret svarer ikke (ClientError)"


def test_the_readiness_probe_accepts_a_writable_local_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    assert storage_problem() is None
