# SPDX-License-Identifier: MPL-2.0
"""Report pages under /rapporter/. Citizens are addressed by internal id, never CPR."""

from django.urls import path

import smaajob.ids  # noqa: F401  (registers the <id:…> converter: ids that fit 64 bits, else 404)
from smaajob.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("tal/", views.drilldown, name="drilldown"),
    path("noegletal.csv", views.export_csv, name="export_csv"),
    path("noegletal.xlsx", views.export_xlsx, name="export_xlsx"),
    path("evaluering.pdf", views.evaluation_pdf, name="evaluation_pdf"),
    path("omkostninger/", views.costs, name="costs"),
    path("borger/<id:citizen_id>/progression/", views.progression, name="progression"),
    path("borger/<id:citizen_id>/progression.pdf", views.progression_pdf, name="progression_pdf"),
]
