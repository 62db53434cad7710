# SPDX-License-Identifier: MPL-2.0
"""The audit log's bulk path writes exactly the rows its single-row path writes."""

from __future__ import annotations

from django.utils import timezone

from smaajob.access.citizens import log_list_read
from smaajob.audit.context import operation
from smaajob.audit.models import AuditEntry
from smaajob.audit.services import record, record_many

FIELDS = ("actor_id", "actor_username", "action", "channel", "object_type", "object_id", "citizen_id", "detail")


def test_a_list_read_writes_one_row_per_citizen_like_single_reads_do(caseworker):
    before = timezone.now()
    with operation("web", caseworker):
        log_list_read(caseworker, [11, 12, 13], purpose="forside: mine borgere")
    after = timezone.now()
    bulk = list(AuditEntry.objects.order_by("citizen_id"))
    assert len(bulk) == 3
    assert all(before <= row.at <= after for row in bulk)
    AuditEntry.objects.all().delete()
    for pk in (11, 12, 13):
        record(actor=caseworker, action="read", channel="web", object_type="citizen", object_id=pk, citizen_id=pk,
               detail="forside: mine borgere")
    single = list(AuditEntry.objects.order_by("citizen_id"))
    assert [[getattr(r, f) for f in FIELDS] for r in bulk] == [[getattr(r, f) for f in FIELDS] for r in single]


def test_the_bulk_path_cuts_the_detail_and_writes_nothing_for_an_empty_list(caseworker):
    record_many(actor=caseworker, action="read", channel="api", object_type="citizen", citizen_ids=[],
                detail="x")
    assert not AuditEntry.objects.exists()
    record_many(actor=None, action="read", channel="system", object_type="citizen", citizen_ids=[5],
                detail="d" * 300)
    row = AuditEntry.objects.get()
    assert (row.actor_id, row.actor_username, len(row.detail), row.citizen_id) == (None, "system", 200, 5)
