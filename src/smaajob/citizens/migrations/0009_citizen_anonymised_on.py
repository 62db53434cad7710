# SPDX-License-Identifier: MPL-2.0
"""The retention job marks an anonymised citizen (issue 14 item 8, smaajob.privacy.retention)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('citizens', '0008_cpr_encrypted_at_rest'),
    ]

    operations = [
        migrations.AddField(
            model_name='citizen',
            name='anonymised_on',
            field=models.DateField(blank=True, null=True, verbose_name='anonymiseret den'),
        ),
    ]
