# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "smaajob.courses"
    label = "courses"

    def ready(self) -> None:
        # A saved opening, company or placement makes the kept matching pool out of date.
        from smaajob.courses.selectors import opening_pool

        opening_pool.connect()
