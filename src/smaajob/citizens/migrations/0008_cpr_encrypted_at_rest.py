# SPDX-License-Identifier: MPL-2.0
"""CPR numbers at rest (issue 14 item 4): every stored number is encrypted, and the keyed hash
becomes the lookup and uniqueness column (per municipality, as before).

The column keeps its name ``cpr`` but holds a Fernet token from here on. Existing rows are
encrypted in place with the keys of the environment (``smaajob.cpr_vault``); the reverse
migration decrypts them again. Runs the same on SQLite and PostgreSQL.
"""

from django.db import migrations, models

import smaajob.citizens.cpr_fields

BATCH = 500


def encrypt_existing(apps, schema_editor):
    from smaajob import cpr_vault

    citizen = apps.get_model("citizens", "Citizen")
    rows = citizen.objects.using(schema_editor.connection.alias).order_by("pk")
    keys = None
    batch = []
    for row in rows.only("pk", "cpr").iterator(chunk_size=BATCH):
        keys = keys or cpr_vault.current_keys()
        row.cpr_hash = cpr_vault.lookup_hash(row.cpr, keys)
        row.cpr = cpr_vault.encrypt(row.cpr, keys)
        batch.append(row)
        if len(batch) >= BATCH:
            citizen.objects.using(schema_editor.connection.alias).bulk_update(batch, ["cpr", "cpr_hash"])
            batch = []
    if batch:
        citizen.objects.using(schema_editor.connection.alias).bulk_update(batch, ["cpr", "cpr_hash"])


def decrypt_existing(apps, schema_editor):
    from smaajob import cpr_vault

    citizen = apps.get_model("citizens", "Citizen")
    batch = []
    for row in citizen.objects.using(schema_editor.connection.alias).only("pk", "cpr").iterator(chunk_size=BATCH):
        row.cpr = cpr_vault.decrypt(row.cpr)
        batch.append(row)
    citizen.objects.using(schema_editor.connection.alias).bulk_update(batch, ["cpr"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("citizens", "0007_coverage_facts_and_exemption_ground"),
        ("organisation", "0002_administrators_are_not_superusers"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="citizen", name="citizen_cpr_unique_in_municipality"),
        # Plain text fields while the rows change, so that the historical model reads and writes
        # the column as it is (the encrypting field would encrypt twice).
        migrations.AlterField(
            model_name="citizen", name="cpr", field=models.TextField(verbose_name="CPR-nummer")
        ),
        migrations.AddField(
            model_name="citizen",
            name="cpr_hash",
            field=models.CharField(max_length=64, default="", verbose_name="CPR-opslagsnøgle"),
            preserve_default=False,
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing, elidable=False),
        migrations.AlterField(
            model_name="citizen",
            name="cpr",
            field=smaajob.citizens.cpr_fields.EncryptedCprField(verbose_name="CPR-nummer"),
        ),
        migrations.AlterField(
            model_name="citizen",
            name="cpr_hash",
            field=smaajob.citizens.cpr_fields.CprHashField(max_length=64, verbose_name="CPR-opslagsnøgle"),
        ),
        migrations.AddConstraint(
            model_name="citizen",
            constraint=models.UniqueConstraint(
                fields=("municipality", "cpr_hash"), name="citizen_cpr_unique_in_municipality"
            ),
        ),
    ]
