# SPDX-License-Identifier: MPL-2.0
"""Overdue progress reports on the consultant's worklist; the provider's own home page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client

from smaajob.access.worklist import RULES_BY_CODE, worklist
from smaajob.offers import services

pytestmark = pytest.mark.django_db


def _start(order, actor, on):
    services.change_order_state(actor=actor, order=order, to_state="accepted", on=on)
    services.change_order_state(actor=actor, order=order, to_state="started", on=on)


def test_an_overdue_progress_report_is_an_alert_for_the_consultant_until_it_comes(consultant, amu_user, order):
    today = date.today()
    order.starts_on = today - timedelta(days=40)
    order.ends_on = today + timedelta(days=40)
    order.save()
    _start(order, amu_user, order.starts_on)
    assert "progress_report_overdue" in RULES_BY_CODE
    alerts = [a for a in worklist(consultant, today=today) if a.code == "progress_report_overdue"]
    assert [(a.title, a.url, a.due) for a in alerts] == [
        ("Statusrapport mangler", f"/bestillinger/{order.pk}/", order.starts_on + timedelta(days=28))
    ]
    services.submit_report(actor=amu_user, order=order, attendance="mostly", progress="Fremskridt", reported_on=today)
    assert not [a for a in worklist(consultant, today=today) if a.code == "progress_report_overdue"]


def test_a_completed_order_without_a_final_report_is_due_at_its_end(consultant, amu_user, order):
    today = date.today()
    order.starts_on, order.ends_on = today - timedelta(days=20), today - timedelta(days=6)
    order.save()
    _start(order, amu_user, order.starts_on)
    services.submit_report(actor=amu_user, order=order, attendance="full", progress="OK", reported_on=order.starts_on)
    services.change_order_state(actor=amu_user, order=order, to_state="completed", on=order.ends_on)
    alerts = [a for a in worklist(consultant, today=today) if a.code == "progress_report_overdue"]
    assert [(a.title, a.due) for a in alerts] == [("Slutrapport mangler", order.ends_on)]
    services.submit_report(actor=amu_user, order=order, attendance="full", progress="Bestået", is_final=True)
    assert not [a for a in worklist(consultant, today=today) if a.code == "progress_report_overdue"]


def test_the_provider_home_page_lists_orders_to_accept_and_reports_due(amu_user, order, consultant, citizen, forklift):
    client = Client()
    client.force_login(amu_user)
    page = client.get("/").content.decode()
    assert "AMU Fyn" in page
    assert "Ny bestilling: Truckcertifikat (A)" in page
    assert f"/bestillinger/{order.pk}/" in page
    assert "Omar" not in page  # no consent to share the name
    second = services.order_offer(actor=consultant, citizen=citizen, offer=forklift, purpose="Igen")
    today = date.today()
    second.starts_on = today - timedelta(days=30)
    second.save()
    _start(second, consultant, second.starts_on)
    page = client.get("/").content.decode()
    assert "Forfalden:" in page and "Giv statusrapport" in page
