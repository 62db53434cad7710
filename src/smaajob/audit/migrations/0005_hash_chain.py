# SPDX-License-Identifier: MPL-2.0
"""The tamper-evident audit log (issue 14 item 7): each entry chained to the one before by a
SHA-256 hash (``smaajob.audit.chain``), the chain head in a one-row table that writers lock.

Existing entries are chained in id order, exactly as ``record`` would have chained them.
"""

import django.utils.timezone
from django.db import migrations, models

BATCH = 1000


def chain_existing(apps, schema_editor):
    from smaajob.audit import chain

    entry = apps.get_model("audit", "AuditEntry")
    head = apps.get_model("audit", "AuditChainHead")
    db = schema_editor.connection.alias
    previous = chain.GENESIS
    batch = []
    rows = entry.objects.using(db).order_by("id")
    for row in rows.iterator(chunk_size=BATCH):
        values = {name: getattr(row, name) for name in chain.FIELDS}
        row.prev_hash = previous
        row.entry_hash = previous = chain.entry_hash(values, previous)
        batch.append(row)
        if len(batch) >= BATCH:
            entry.objects.using(db).bulk_update(batch, ["prev_hash", "entry_hash"])
            batch = []
    if batch:
        entry.objects.using(db).bulk_update(batch, ["prev_hash", "entry_hash"])
    head.objects.using(db).update_or_create(pk=1, defaults={"last_hash": previous})


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0004_handled_alert"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="tidspunkt"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="prev_hash",
            field=models.CharField(default="", max_length=64, verbose_name="forrige posts hash"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="entry_hash",
            field=models.CharField(default="", max_length=64, verbose_name="postens hash"),
        ),
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("last_hash", models.CharField(max_length=64)),
            ],
            options={"verbose_name": "logkædens hoved"},
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
    ]
