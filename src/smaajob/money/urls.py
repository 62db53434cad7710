# SPDX-License-Identifier: MPL-2.0
"""Money pages: the public calculator, the citizen's calculator with scenarios, and payslips."""

from django.urls import path

import smaajob.ids  # noqa: F401  (registers the <id:…> converter: ids that fit 64 bits, else 404)
from smaajob.money import views

app_name = "money"
urlpatterns = [
    path("beregner/", views.public_calculator, name="calculator"),
    path("beregner/mig/", views.my_calculator, name="my_calculator"),
    path("beregner/borger/<id:citizen_id>/", views.citizen_calculator, name="citizen_calculator"),
    path("loensedler/", views.worklist, name="worklist"),
    path("loensedler/mine/", views.my_payslips, name="my_payslips"),
    path("loensedler/virksomhed/", views.employer_payslips, name="employer_payslips"),
    path("loensedler/borger/<id:citizen_id>/ny/", views.submit_for, name="submit_for"),
    path("loensedler/<id:payslip_id>/", views.payslip_detail, name="payslip"),
    path("loensedler/<id:payslip_id>/fil/", views.payslip_file, name="payslip_file"),
    path("loensedler/<id:payslip_id>/<slug:action>/", views.payslip_action, name="payslip_action"),
]
