# SPDX-License-Identifier: MPL-2.0
"""Reports through a real PostgreSQL streaming replica (issue 16, item 4; ``smaajob.replica``).

The router is tested on every database. The journey needs a replica: ``scripts/pg-replica start``
makes one of the local cluster and ``scripts/test`` runs this module against it with
``DATABASE_REPLICA_URL`` (``.ci/run`` does both). The test database is created on the primary and
reaches the replica by streaming replication like every other write, so the data here is
committed (``transaction=True``) and the test waits until the replica has replayed it.
"""

from __future__ import annotations

import csv
import io
import time

import pytest
from django.conf import settings
from django.db import connections, router
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from smaajob import replica
from smaajob.citizens.models import Citizen
from smaajob.courses.models import WeeklyHours
from smaajob.replica import ReplicaRouter, report_reads
from tests.conftest import PASSWORD


def test_only_reads_inside_a_report_block_go_to_the_replica(monkeypatch):
    monkeypatch.setattr(replica, "replica_configured", lambda: True)
    r = ReplicaRouter()
    assert r.db_for_read(Citizen) is None  # outside the block: Django's default
    with report_reads():
        assert r.db_for_read(Citizen) == "replica"
        assert r.db_for_write(Citizen) == "default"
        with report_reads():
            assert r.db_for_read(WeeklyHours) == "replica"
        assert r.db_for_read(Citizen) == "replica"  # the inner block does not end the outer
    assert r.db_for_read(Citizen) is None
    assert r.allow_migrate("replica", "citizens") is False and r.allow_migrate("default", "citizens") is True


def test_without_a_replica_the_report_block_changes_nothing():
    if "replica" in settings.DATABASES:
        pytest.skip("a replica is configured in this run")
    with report_reads():
        assert router.db_for_read(Citizen) == "default"


needs_replica = pytest.mark.skipif(
    "replica" not in settings.DATABASES,
    reason="kører i replika-trinnet: scripts/pg-replica start og DATABASE_REPLICA_URL (scripts/test gør det i CI)",
)


@pytest.fixture
def real_replica():
    """The alias ``replica`` pointed at the streaming replica, on the primary's test database."""
    conn = connections["replica"]
    configured = settings.DATABASES["replica"]  # the parsed URL; the test run made the alias a mirror
    mirrored = conn.settings_dict
    conn.close()
    conn.settings_dict = {
        **connections["default"].settings_dict,
        "HOST": configured["HOST"],
        "PORT": configured["PORT"],
    }
    try:
        yield conn
    finally:
        conn.close()
        conn.settings_dict = mirrored


def _wait_until_replayed(replica_conn, timeout: float = 30.0) -> None:
    with connections["default"].cursor() as cur:
        cur.execute("SELECT pg_current_wal_lsn()::text")
        (lsn,) = cur.fetchone()
    deadline = time.monotonic() + timeout
    while True:
        with replica_conn.cursor() as cur:
            cur.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn])
            (done,) = cur.fetchone()
        if done:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"replikaen har ikke afspillet WAL til {lsn} efter {timeout} s")
        time.sleep(0.05)


def _report_queries(captured: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if '"courses_weeklyhours"' in q["sql"]]


@needs_replica
@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_a_dashboard_and_its_export_read_from_the_replica_and_equal_the_primarys(client, real_replica, monkeypatch):
    from smaajob.organisation.models import Team
    from smaajob.organisation.services import create_municipality, create_user
    from tests.reports.test_vta_proof import query
    from tests.reports.vta_history import build_vta_history

    with real_replica.cursor() as cur:
        cur.execute("SELECT pg_is_in_recovery()")
        assert cur.fetchone()[0] is True, "DATABASE_REPLICA_URL skal pege på en hot standby"
    with connections["default"].cursor() as cur:
        cur.execute("SELECT pg_is_in_recovery()")
        assert cur.fetchone()[0] is False

    roskilde = create_municipality(code="265", name="Roskilde Kommune")
    team = Team.objects.create(municipality=roskilde, name="Jobhuset Pulsen")

    def user(role: str, name: str):
        return create_user(username=f"r-{name}", password=PASSWORD, role=role, municipality=roskilde, team=team)

    history = build_vta_history(
        municipality=roskilde, caseworker=user("caseworker", "raadgiver"), consultant=user("consultant", "formidler")
    )
    _wait_until_replayed(real_replica)

    class Vta:
        pass

    vta = Vta()
    vta.history = history  # type: ignore[attr-defined]
    client.force_login(user("analyst", "analytiker"))
    _wait_until_replayed(real_replica)  # the analyst and the log-in session
    url = f"{reverse('reports:export_csv')}?{query(vta)}"

    # The report tables are read as columns over ADBC connections of their own (smaajob.reports.
    # columns), which Django's query capture cannot see: record where each one connects.
    from smaajob.reports import columns

    opened: list[tuple[str, object]] = []
    connect = columns._adbc_connect

    def recording(alias: str, settings: dict[str, object]) -> object:
        opened.append((alias, settings["PORT"]))
        return connect(alias, settings)

    monkeypatch.setattr(columns, "_adbc_connect", recording)
    with CaptureQueriesContext(real_replica) as on_replica, CaptureQueriesContext(connections["default"]) as on_primary:
        from_replica = client.get(url)
        dashboard = client.get(f"{reverse('reports:dashboard')}?{query(vta)}")
    assert from_replica.status_code == 200 and dashboard.status_code == 200
    replica_port = settings.DATABASES["replica"]["PORT"]
    assert opened and all(alias == "replica" and port == replica_port for alias, port in opened), opened
    assert on_replica.captured_queries, "rapportens navne og tal skulle læses fra replikaen"
    assert not _report_queries(on_primary), "rapportens læsninger gik til den primære database"

    with CaptureQueriesContext(real_replica) as still_on_replica:
        client.get(reverse("web:home"))  # an ordinary page reads the primary
    assert not still_on_replica.captured_queries

    from django.test import override_settings

    api = f"/api/v1/rapporter/noegletal?{query(vta)}"
    api_from_replica = client.get(api)
    with override_settings(DATABASE_ROUTERS=[]):
        from_primary = client.get(url)
        assert client.get(api).json() == api_from_replica.json()
    rows = list(csv.reader(io.StringIO(from_replica.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == list(csv.reader(io.StringIO(from_primary.content.decode("utf-8-sig")), delimiter=";"))
    job = {r[2]: r[3] for r in rows[1:] if r[1] == "Kandidater i småjob/job"}
    assert job["I alt (hver person én gang)"] == "78"  # VTA's published total (003 §2.5.1, Tabel 5)
