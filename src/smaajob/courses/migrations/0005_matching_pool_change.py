# SPDX-License-Identifier: MPL-2.0
"""What changed since a kept matching pool was built (smaajob.courses.selectors.opening_pool)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_annulment"),
    ]

    operations = [
        migrations.CreateModel(
            name="MatchingPoolChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("opening_id", models.BigIntegerField(null=True)),
                ("company_id", models.BigIntegerField(null=True)),
                ("at", models.DateTimeField(auto_now_add=True, db_index=True)),
            ],
            options={"verbose_name": "ændring til matchpuljen"},
        ),
    ]
