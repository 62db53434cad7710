# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig

STAFF_WORK = {"caseworker", "consultant", "coordinator"}


class WebConfig(AppConfig):
    name = "smaajob.web"
    label = "web"

    def ready(self) -> None:
        from smaajob.web.navigation import register

        register("web:worklist", "Arbejdsliste", roles=STAFF_WORK, order=10)
        register("web:weekly_hours", "Ugens timer", roles={"consultant", "coordinator"}, order=15)
        register("web:visitation", "Visitér borger", roles={"caseworker"}, order=12)
        register("web:companies", "Virksomheder", roles=STAFF_WORK | {"administrator"}, order=20)
        register("web:openings", "Jobåbninger", roles=STAFF_WORK | {"administrator"}, order=25)
        register("web:dashboard", "Overblik", roles=STAFF_WORK | {"administrator"}, order=30)
        register("web:employer_task", "Slå opgave op", roles={"employer"}, order=10)
