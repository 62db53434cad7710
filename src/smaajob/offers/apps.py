# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "smaajob.offers"
    label = "offers"
    verbose_name = "Tilbud og leverandører"
