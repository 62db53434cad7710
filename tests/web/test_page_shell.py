# SPDX-License-Identifier: MPL-2.0
"""The page shell (issue 15, item 1): Det Fælles Designsystem when it has been fetched, Småjob's
plain stylesheet when not; the grouped main menu; breadcrumbs; the status region."""

from __future__ import annotations

import pytest

from smaajob.web import design_system, navigation

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh_design_system():
    design_system.available.cache_clear()
    yield
    design_system.available.cache_clear()


def test_without_dkfds_the_pages_load_the_plain_stylesheet(client, consultant, settings, fresh_design_system):
    settings.STATICFILES_DIRS = []
    client.force_login(consultant)
    page = client.get("/").content.decode()
    assert "web/plain.css" in page and "dkfds/css/dkfds.min.css" not in page and "dkfds.min.js" not in page


def test_a_fetched_dkfds_is_served_under_static_dkfds_and_linked(
    client, consultant, settings, tmp_path, monkeypatch, fresh_design_system
):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "dkfds.min.css").write_text("/* DKFDS */", encoding="utf-8")
    monkeypatch.setenv("SMAAJOB_DKFDS_DIR", str(tmp_path))
    assert design_system.staticfiles_dirs() == [("dkfds", str(tmp_path))]
    settings.STATICFILES_DIRS = design_system.staticfiles_dirs()
    client.force_login(consultant)
    page = client.get("/").content.decode()
    assert "dkfds/css/dkfds.min.css" in page and "dkfds/js/dkfds.min.js" in page and "web/plain.css" not in page
    monkeypatch.delenv("SMAAJOB_DKFDS_DIR")
    assert design_system.staticfiles_dirs() in ([], [("dkfds", str(design_system.DEFAULT_DIST))])


def test_the_staff_menu_is_grouped_and_a_group_with_one_entry_is_shown_as_that_entry(rf, consultant):
    request = rf.get("/timer/")
    request.user = consultant
    shown = navigation.nav_items(request)["nav_groups"]
    groups = {g["label"]: [m["label"] for m in g["members"]] for g in shown if "members" in g}
    assert groups[navigation.COMPANIES] == ["Virksomheder", "Jobåbninger", "Arrangementer"]
    lone = [g["label"] for g in shown if "members" not in g]
    assert "Arbejdsliste" in lone and "Ugens timer" in lone
    assert next(g for g in shown if g["label"] == "Ugens timer")["current"]
    every_entry = [m for g in shown for m in g.get("members", [g])]
    assert len(every_entry) == len(navigation.nav_items(request)["nav_items"])


def test_every_page_has_the_status_region_and_breadcrumbs_back_to_the_home_page(client, consultant, citizen):
    client.force_login(consultant)
    page = client.get(f"/borgere/{citizen.pk}/").content.decode()
    assert '<div role="status" id="meddelelser"' in page
    assert 'aria-label="Brødkrummesti"' in page and 'class="breadcrumbs__link" href="/">Forside</a>' in page
