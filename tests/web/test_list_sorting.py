# SPDX-License-Identifier: MPL-2.0
"""Lists sortable with the order kept in the URL (issue 15, item 2): the companies' network and
the openings list, headings that flip the direction and keep the filters, aria-sort for screen
readers, and a hand-edited unknown order that falls back instead of failing."""

from __future__ import annotations

import re

import pytest

from smaajob.network.services import create_company, create_opening

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(municipality, consultant):
    for cvr, name in (("10000009", "Anker Bageri"), ("20000007", "Zeta Lager"), ("30000005", "Midt Kantine")):
        company = create_company(actor=consultant, municipality=municipality, cvr=cvr, name=name, sector="detail")
        create_opening(
            actor=consultant, company=company, title=f"Opgave hos {name}", kind="paid", hours_min=2, hours_max=6
        )


def _names_in_order(page: str, names: list[str]) -> list[str]:
    return sorted(names, key=page.index)


def test_the_network_list_sorts_by_the_column_in_the_url_and_flips_on_the_current_heading(client, consultant, network):
    client.force_login(consultant)
    names = ["Anker Bageri", "Midt Kantine", "Zeta Lager"]
    ascending = client.get("/virksomheder/").content.decode()
    assert _names_in_order(ascending, names) == names
    assert 'aria-sort="ascending"' in ascending and 'href="?sortering=-navn"' in ascending
    descending = client.get("/virksomheder/?sortering=-navn").content.decode()
    assert _names_in_order(descending, names) == names[::-1]
    assert 'aria-sort="descending"' in descending


def test_a_sort_link_keeps_the_filters_and_an_unknown_order_falls_back(client, consultant, network):
    client.force_login(consultant)
    page = client.get("/virksomheder/?q=a&sektor=&sortering=ukendt").content.decode()
    assert "Anker Bageri" in page
    links = re.findall(r'<a class="sort" href="\?([^"]+)"', page)
    assert links and all("q=a" in link for link in links)


def test_the_openings_list_sorts_by_task_descending(client, consultant, network):
    client.force_login(consultant)
    page = client.get("/jobaabninger/?sortering=-opgave").content.decode()
    tasks = ["Opgave hos Anker Bageri", "Opgave hos Midt Kantine", "Opgave hos Zeta Lager"]
    assert _names_in_order(page, tasks) == tasks[::-1]
