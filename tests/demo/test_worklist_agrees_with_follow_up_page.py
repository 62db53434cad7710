# SPDX-License-Identifier: MPL-2.0
"""The worklist and the follow-up page agree on every course of the small demo (one rule,
``courses.selectors.follow_up_due_dates``, for both)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.urls import reverse

from tests.text_search import found

pytestmark = pytest.mark.django_db


def load_dated(django_db_blocker, today):
    from smaajob.demo.loader import load_demo

    with django_db_blocker.unblock(), transaction.atomic():  # MD5 for the whole session (tests/conftest.py)
        load_demo("small", today=today)
        yield today
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo_three_weeks_old(django_db_setup, django_db_blocker):
    """The demo as loaded three weeks ago: today, many of its follow-ups have fallen due."""
    yield from load_dated(django_db_blocker, date.today() - timedelta(weeks=3))


def test_the_follow_up_page_and_the_worklist_agree_on_every_demo_course(client, demo_three_weeks_old):
    from smaajob.access.worklist import worklist
    from smaajob.courses.models import Course
    from smaajob.organisation.models import User

    coordinator = User.objects.get(username="koordinator")
    on_list = {a.url for a in worklist(coordinator) if a.code == "follow_up_overdue"}
    client.force_login(coordinator)
    overdue_pages = set()
    courses = list(Course.objects.order_by("pk"))
    assert len(courses) >= 20
    for course in courses:
        url = reverse("web:follow_up_new", args=[course.pk])
        page = client.get(url).content.decode()
        lead = found(r'<p class="lead">(.*?)</p>', page, re.S).group(1)
        if "Forfalden" in lead:
            overdue_pages.add(url)
    assert overdue_pages, "the demo three weeks on has overdue follow-ups"
    assert overdue_pages == on_list
