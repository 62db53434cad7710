# SPDX-License-Identifier: MPL-2.0
"""Administrators used to be created as superusers, which let the Django admin cross
municipality boundaries. They become plain staff; the admin itself grants an administrator
what the role may do, in the own municipality only (docs/administration.md)."""

from django.db import migrations


def administrators_become_plain_staff(apps, schema_editor):
    User = apps.get_model("organisation", "User")
    User.objects.filter(role="administrator").update(is_superuser=False, is_staff=True)
    # No other role reaches the admin.
    User.objects.exclude(role="administrator").update(is_superuser=False, is_staff=False)


class Migration(migrations.Migration):
    dependencies = [("organisation", "0001_initial")]

    operations = [migrations.RunPython(administrators_become_plain_staff, migrations.RunPython.noop)]
