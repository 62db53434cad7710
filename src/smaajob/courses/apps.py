# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "smaajob.courses"
    label = "courses"
