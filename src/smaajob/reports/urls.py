# SPDX-License-Identifier: MPL-2.0
"""Report pages under /rapporter/. Citizens are addressed by internal id, never CPR."""

from django.urls import path

from smaajob.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("tal/", views.drilldown, name="drilldown"),
    path("noegletal.csv", views.export_csv, name="export_csv"),
    path("noegletal.xlsx", views.export_xlsx, name="export_xlsx"),
    path("evaluering.pdf", views.evaluation_pdf, name="evaluation_pdf"),
    path("omkostninger/", views.costs, name="costs"),
    path("borger/<int:citizen_id>/progression/", views.progression, name="progression"),
    path("borger/<int:citizen_id>/progression.pdf", views.progression_pdf, name="progression_pdf"),
]
