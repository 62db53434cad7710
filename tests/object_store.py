# SPDX-License-Identifier: MPL-2.0
"""A real S3-compatible object store for the tests: moto's server, on loopback, on a free port.

The tests talk to it over HTTP with boto3 exactly as production talks to its object store; no
part of boto3 or django-storages is mocked. ``object_store`` starts one server per test session
(per xdist worker); ``s3_storage`` gives a test its own empty bucket and points Django's default
storage at it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import boto3
import pytest
from moto.server import ThreadedMotoServer

from smaajob.files.configuration import storages_from_environment

# moto accepts any keys; these only keep boto3 from looking for real ones on the machine.
ACCESS_KEY = "smaajob-test"
SECRET_KEY = "smaajob-test-secret"
REGION = "eu-north-1"


@dataclass(frozen=True)
class ObjectStore:
    endpoint_url: str

    def client(self):  # boto3's client type is generated at run time
        return boto3.client("s3", endpoint_url=self.endpoint_url, aws_access_key_id=ACCESS_KEY,
                            aws_secret_access_key=SECRET_KEY, region_name=REGION)

    def new_bucket(self) -> str:
        name = f"smaajob-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
        return name

    def keys(self, bucket: str) -> list[str]:
        listed = self.client().list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listed.get("Contents", []))

    def environment(self, bucket: str) -> dict[str, str]:
        """The ``SMAAJOB_*`` variables an app server needs to use ``bucket``."""
        return {
            "SMAAJOB_STORAGE": "s3",
            "SMAAJOB_S3_BUCKET": bucket,
            "SMAAJOB_S3_ENDPOINT_URL": self.endpoint_url,
            "SMAAJOB_S3_ACCESS_KEY_ID": ACCESS_KEY,
            "SMAAJOB_S3_SECRET_ACCESS_KEY": SECRET_KEY,
            "SMAAJOB_S3_REGION": REGION,
        }


@contextmanager
def running_object_store() -> Iterator[ObjectStore]:
    """moto's S3 server on 127.0.0.1 and a free port, stopped afterwards (also for the benchmarks)."""
    # moto's web server logs every request at INFO; the tests' logs need none of them.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield ObjectStore(f"http://{host}:{port}")
    finally:
        server.stop()


@pytest.fixture(scope="session")
def object_store() -> Iterator[ObjectStore]:
    with running_object_store() as store:
        yield store


@dataclass(frozen=True)
class Bucket:
    store: ObjectStore
    name: str

    def keys(self) -> list[str]:
        return self.store.keys(self.name)


@pytest.fixture
def s3_storage(object_store, settings) -> Bucket:
    """Django's default storage is a fresh, empty bucket in the object store for this test."""
    bucket = object_store.new_bucket()
    settings.STORAGES = storages_from_environment(object_store.environment(bucket))
    return Bucket(object_store, bucket)
