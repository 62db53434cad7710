# SPDX-License-Identifier: MPL-2.0
"""The data-protection officer's role (issue 14 item 7): ``dpo``, "Databeskyttelsesrådgiver"."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('network', '0004_company_location_source'),
        ('organisation', '0002_administrators_are_not_superusers'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='user',
            name='user_role_known',
        ),
        migrations.AlterField(
            model_name='user',
            name='role',
            field=models.CharField(choices=[('caseworker', 'Rådgiver (sagsbehandler)'), ('consultant', 'Virksomhedskonsulent'), ('coordinator', 'Koordinator / leder'), ('benefit_office', 'Ydelseskontor'), ('analyst', 'Analytiker / evaluator'), ('administrator', 'Administrator'), ('employer', 'Virksomhedskontakt'), ('citizen', 'Borger'), ('dpo', 'Databeskyttelsesrådgiver')], max_length=20, verbose_name='rolle'),
        ),
        migrations.AddConstraint(
            model_name='user',
            constraint=models.CheckConstraint(condition=models.Q(('role__in', ['caseworker', 'consultant', 'coordinator', 'benefit_office', 'analyst', 'administrator', 'employer', 'citizen', 'dpo'])), name='user_role_known'),
        ),
    ]
