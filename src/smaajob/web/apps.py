# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "smaajob.web"
    label = "web"

    def ready(self) -> None:
        from smaajob.web.navigation import CITIZENS, COMPANIES, FIGURES, OFFERS, register

        # Who sees an entry is the page's roles in smaajob.access.pages; roles= only narrows it.
        register("web:worklist", "Arbejdsliste", order=10)
        register("web:weekly_hours", "Ugens timer", roles={"consultant", "coordinator"}, order=15)
        register("web:visitation", "Visitér borger", order=12, group=CITIZENS)
        register("web:companies", "Virksomheder", order=20, group=COMPANIES)
        register("web:openings", "Jobåbninger", order=25, group=COMPANIES)
        register("web:events", "Arrangementer", order=26, group=COMPANIES)
        register("web:offers", "Tilbud", order=27, group=OFFERS)
        register("web:orders", "Bestillinger", order=28, group=OFFERS)
        register("web:intermediary", "Mellemled", order=29, group=OFFERS)
        register("web:dashboard", "Overblik", order=30, group=FIGURES)
        register("web:deadlines", "Rettidighed", order=31, group=CITIZENS)
        register("web:imports", "Import", order=60)
        register("web:employer_task", "Slå opgave op", order=10)
        register("web:audit_trail", "Tilsyn", order=10)
        register("web:my_lookups", "Hvem har set mine oplysninger", order=70)
