# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "smaajob.events"
    label = "events"
    verbose_name = "Netværksarrangementer"
