# SPDX-License-Identifier: MPL-2.0
"""Several app servers behind one load balancer (issue 16, item 3): two ``smaajob serve`` servers,
each with its own ``var`` folder, share one PostgreSQL database (sessions, the database cache),
one object store (files) and nothing else — and a caseworker's journey alternates between them:
log in on the first, save a payslip on the second, download it on the first."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from tests.app_servers import app_server, fresh_postgres_database, postgres_server_url, smaajob
from tests.money.conftest import PDF_BYTES

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
TOKEN = "to-servere-token"
DEMO_PASSWORD = "smaajob-demo"


@pytest.fixture
def shared_services(object_store, tmp_path):
    """One fresh PostgreSQL database and one bucket, with the demo municipality loaded once."""
    server_url = postgres_server_url()
    if server_url is None:
        if os.environ.get("SMAAJOB_REQUIRE_ALL") == "1":
            pytest.fail("SMAAJOB_REQUIRE_ALL=1, but no PostgreSQL is set (DATABASE_URL or SMAAJOB_TEST_POSTGRES_URL)")
        pytest.skip("needs PostgreSQL: set SMAAJOB_TEST_POSTGRES_URL")
    bucket = object_store.new_bucket()
    with fresh_postgres_database(server_url) as database_url:
        env = {
            **os.environ,
            **object_store.environment(bucket),
            "DATABASE_URL": database_url,
            "SMAAJOB_CACHE": "database",
            "SMAAJOB_SECRET_KEY": "to-servere-deler-denne-signeringsnoegle-" + "x" * 20,
            "SMAAJOB_METRICS_TOKEN": TOKEN,
            "SMAAJOB_VAR_DIR": str(tmp_path / "loader"),
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)
        smaajob("migrate", env=env)  # once, before any server starts (docs/operations.md)
        smaajob("demo", "--no-progress", env=env)
        yield env, bucket


def _log_in(session: requests.Session, base: str, username: str) -> None:
    page = session.get(f"{base}/log-ind/")
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert found is not None, page.text[:500]
    token = found.group(1)
    answer = session.post(f"{base}/log-ind/", data={"username": username, "password": DEMO_PASSWORD,
                                                    "csrfmiddlewaretoken": token}, allow_redirects=False)
    assert answer.status_code == 302, answer.text[:500]


def _csrf_token(session: requests.Session) -> str:
    token = session.cookies["csrftoken"]
    assert token is not None, "the session has no CSRF cookie"
    return token


def _requests_counted(base: str, route: str) -> float:
    body = requests.get(f"{base}/drift/metrics", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30).text
    return sum(sample.value for family in text_string_to_metric_families(body) for sample in family.samples
               if sample.name == "smaajob_requests_total" and sample.labels["route"] == route)


def test_a_journey_alternating_between_two_servers_shares_log_in_data_and_files(shared_services, object_store,
                                                                                tmp_path: Path):
    env, bucket = shared_services
    with app_server(env, tmp_path / "server-a") as first, app_server(env, tmp_path / "server-b") as second:
        browser = requests.Session()
        _log_in(browser, first.url, "raadgiver")

        # The session made on the first server is known to the second.
        citizens = browser.get(f"{second.url}/api/v1/borgere/", timeout=30)
        assert citizens.status_code == 200, citizens.text[:500]
        citizen_id = citizens.json()["items"][0]["id"]

        saved = browser.post(
            f"{second.url}/api/v1/loensedler/",
            data={"citizen_id": citizen_id, "period_start": "2026-11-01", "period_end": "2026-11-30",
                  "hours": "10", "gross_wage": "1500", "employer_name": "Bageriet i Vestergade"},
            files={"attachment": ("loenseddel.pdf", PDF_BYTES, "application/pdf")},
            headers={"X-CSRFToken": _csrf_token(browser), "Referer": f"{second.url}/"},
            timeout=60,
        )
        assert saved.status_code == 201, saved.text[:500]
        payslip_id = saved.json()["id"]

        # Saved on the second, read back whole on the first: the file is in the shared bucket.
        download = browser.get(f"{first.url}/loensedler/{payslip_id}/fil/", timeout=30)
        assert download.status_code == 200 and download.content == PDF_BYTES
        assert object_store.keys(bucket) and all(key.startswith("payslips/") for key in object_store.keys(bucket))

        # Nothing was written to either server's own disk.
        for server in (first, second):
            media = server.var_dir / "media"
            assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))

        # Each server counts its own requests over all its worker processes.
        before = _requests_counted(first.url, "ops:health")
        for _ in range(6):
            assert requests.get(f"{first.url}/sundhed/", timeout=30).status_code == 200
        assert _requests_counted(first.url, "ops:health") == before + 6

        # Log out on the second: the first no longer knows the session either.
        logout = browser.post(f"{second.url}/log-ud/", headers={"X-CSRFToken": _csrf_token(browser),
                                                                "Referer": f"{second.url}/"}, allow_redirects=False)
        assert logout.status_code in (200, 302)
        assert browser.get(f"{first.url}/api/v1/borgere/", timeout=30).status_code == 401
