# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "smaajob.network"
    label = "network"
