# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "smaajob.organisation"
    label = "organisation"
