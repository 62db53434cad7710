# SPDX-License-Identifier: MPL-2.0
"""The tamper-evident audit log (issue 14 item 7): each entry chained to the one before by a
hash; ``smaajob audit verify`` names the first broken entry and exits non-zero."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from smaajob.audit.chain import GENESIS
from smaajob.audit.models import AuditAction, AuditChainHead, AuditEntry
from smaajob.audit.services import record, record_many, verify_chain
from smaajob.cli.main import main

pytestmark = pytest.mark.django_db


def _write(n: int, actor=None) -> list[AuditEntry]:
    return [
        record(actor=actor, action=AuditAction.READ, object_type="citizen", object_id=i, citizen_id=i, detail=f"{i}")
        for i in range(1, n + 1)
    ]


def test_every_entry_links_to_the_one_before_and_verify_says_the_chain_holds(caseworker, capsys):
    AuditEntry.objects.all().delete()
    AuditChainHead.objects.all().delete()
    entries = _write(3, caseworker)
    assert entries[0].prev_hash == GENESIS
    assert [e.prev_hash for e in entries[1:]] == [e.entry_hash for e in entries[:-1]]
    assert main(["audit", "verify"]) == 0
    assert "kæden holder" in capsys.readouterr().out


def test_a_changed_entry_is_named_by_verify_which_exits_non_zero(caseworker, capsys):
    entries = _write(4, caseworker)
    AuditEntry.objects.filter(pk=entries[1].pk).update(detail="rettet bagefter")
    assert main(["audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert f"post {entries[1].pk}" in err and "ændret" in err


def test_a_deleted_entry_breaks_the_link_of_the_next_one(caseworker):
    entries = _write(4, caseworker)
    AuditEntry.objects.filter(pk=entries[2].pk).delete()
    broken = verify_chain()
    assert broken is not None and broken.entry_id == entries[3].pk and "slettet" in broken.reason


def test_removing_the_newest_entries_is_found_through_the_chain_head(caseworker):
    entries = _write(4, caseworker)
    AuditEntry.objects.filter(pk__gte=entries[2].pk).delete()
    broken = verify_chain()
    assert broken is not None and broken.entry_id == entries[1].pk


def test_an_entry_moved_to_another_citizen_is_found(caseworker):
    entries = _write(3, caseworker)
    AuditEntry.objects.filter(pk=entries[0].pk).update(citizen_id=999)
    broken = verify_chain()
    assert broken is not None and broken.entry_id == entries[0].pk


def test_a_list_read_chains_each_of_its_rows(caseworker):
    _write(1, caseworker)
    record_many(actor=caseworker, action=AuditAction.READ, object_type="citizen", citizen_ids=[5, 6, 7])
    rows = list(AuditEntry.objects.order_by("id"))
    assert [r.citizen_id for r in rows[-3:]] == [5, 6, 7]
    assert [r.prev_hash for r in rows[1:]] == [r.entry_hash for r in rows[:-1]]
    assert AuditChainHead.objects.get().last_hash == rows[-1].entry_hash
    assert verify_chain() is None


@pytest.mark.django_db(transaction=True)
def test_two_writers_at_once_do_not_fork_the_chain(caseworker):
    if connection.vendor != "postgresql":
        pytest.skip("the row lock is PostgreSQL's; SQLite serialises every writer by itself")
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for i in range(25):
                record(actor=None, action=AuditAction.READ, object_type="citizen", citizen_id=i)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert verify_chain() is None
    hashes = list(AuditEntry.objects.values_list("prev_hash", flat=True))
    assert len(hashes) == len(set(hashes)), "two entries link to the same predecessor: the chain forked"


@pytest.mark.django_db(transaction=True)
def test_the_migration_chains_the_entries_already_in_the_log():
    from django.db.migrations.executor import MigrationExecutor

    before = [("audit", "0004_handled_alert")]
    after = [("audit", "0005_hash_chain")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("audit", "AuditEntry")
    for i in range(3):
        old.objects.create(
            actor_username="system", action="read", channel="system", object_type="citizen", citizen_id=i
        )
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    assert verify_chain() is None
    assert AuditEntry.objects.exclude(entry_hash="").count() == 3
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
