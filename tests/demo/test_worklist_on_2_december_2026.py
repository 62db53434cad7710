# SPDX-License-Identifier: MPL-2.0
"""The worklist on the small demo dated 2 December 2026: nothing of the 225-hour rule (abolished
from 1 July 2025), no template placeholder in a label, and the citizen waiting for a match
without contact since August is there."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.demo.test_worklist_agrees_with_follow_up_page import load_dated

pytestmark = pytest.mark.django_db
STAFF = ("raadgiver", "konsulent", "koordinator")


@pytest.fixture(scope="module")
def demo_on_2_december_2026(django_db_setup, django_db_blocker):
    yield from load_dated(django_db_blocker, date(2026, 12, 2))


def test_on_2_december_2026_no_staff_worklist_shows_an_exemption_review_or_a_225_hour_risk(
    client, demo_on_2_december_2026
):
    from smaajob.access.worklist import groups, worklist
    from smaajob.organisation.models import User

    day = demo_on_2_december_2026
    for username in STAFF:
        user = User.objects.get(username=username)
        alerts = worklist(user, today=day)
        assert not [a for a in alerts if a.code in ("exemption_review", "hours_225_risk")]
        labels = " ".join(label for _, label, _ in groups(user, alerts, day))
        assert "Fritagelse" not in labels and "225" not in labels and "N uger" not in labels
        client.logout()
        client.force_login(user)
        page = client.get(reverse("web:worklist")).content.decode()
        assert "Fritagelse skal revurderes" not in page and "N uger uden løntimer" not in page


def test_on_2_december_2026_the_citizen_waiting_since_august_is_on_the_worklist(demo_on_2_december_2026):
    from smaajob.access.worklist import worklist
    from smaajob.organisation.models import User

    day = demo_on_2_december_2026
    waiting = [a for a in worklist(User.objects.get(username="konsulent"), today=day) if a.code == "waiting_for_match"]
    assert any(a.detail.endswith(".8.2026") for a in waiting), [a.detail for a in waiting]  # last contact in August
