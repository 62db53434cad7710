# SPDX-License-Identifier: MPL-2.0
"""Where a company's coordinates come from (issue 18 item 5): the postcode table or by hand.

Coordinates stored before this migration were typed or imported, never derived from a
postcode, so they are marked as set by hand; `smaajob locations backfill` gives the rest
their postcode's point.
"""

from django.db import migrations, models


def mark_existing_coordinates_manual(apps, schema_editor):
    model = apps.get_model("network", "Company")
    model.objects.filter(latitude__isnull=False, longitude__isnull=False).update(location_source="manual")


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_opening_annulment"),
    ]

    operations = [
        migrations.AddField(
            model_name="company",
            name="location_source",
            field=models.CharField(
                blank=True,
                choices=[("", "ingen placering"), ("postcode", "fra postnummeret"), ("manual", "angivet i hånden")],
                max_length=10,
                verbose_name="placering",
            ),
        ),
        migrations.RunPython(mark_existing_coordinates_manual, migrations.RunPython.noop),
    ]
