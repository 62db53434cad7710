# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class ApiTokensConfig(AppConfig):
    name = "smaajob.apitokens"
    label = "apitokens"
    verbose_name = "API-nøgler"
