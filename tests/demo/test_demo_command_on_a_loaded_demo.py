# SPDX-License-Identifier: MPL-2.0
"""``smaajob demo`` on a database that already holds the small demo: it shows the log-ins again,
refuses a second load without ``--reset``, loads the same seed to the same municipality, and
``--reset`` replaces the demo in one transaction: stopped mid-load it leaves the earlier demo and
its log-ins in place (issue 23, item 11), completed it leaves real users and companies alone and
says what it deleted.

The earlier demo is the one loaded once per test worker (``small_demo``, tests/demo/conftest.py);
the load from an empty database through the command is tests/demo/test_demo_command.py."""

from __future__ import annotations

import re
from unittest import mock

import pytest

from smaajob.citizens.models import Citizen
from smaajob.cli.main import main
from smaajob.demo import service_writer
from smaajob.organisation.models import User
from tests.demo.conftest import TODAY
from tests.demo.fingerprint import demo_fingerprint, demo_state, fails_on_call

pytestmark = pytest.mark.django_db

ARGS = ["demo", "--today", TODAY.isoformat(), "--no-progress"]


def test_a_restarted_demo_shows_its_users_again(small_demo, capsys):
    assert main(["demo", "--show-users"]) == 0
    out = capsys.readouterr().out
    assert "adgangskode for alle: smaajob-demo" in out
    for username in ("raadgiver", "konsulent", "borger"):
        assert re.search(rf"^\s+{username}\s", out, re.MULTILINE)


def test_a_second_load_without_reset_is_refused_with_a_danish_message(small_demo, capsys):
    before = demo_state()
    assert main(ARGS) == 2
    assert "--reset" in capsys.readouterr().err
    assert demo_state() == before


def test_the_same_seed_gives_the_same_municipality(small_demo):
    from smaajob.demo.loader import delete_synthetic

    assert (small_demo.size, small_demo.today) == ("small", TODAY)
    first = demo_fingerprint()
    delete_synthetic()
    assert demo_fingerprint() != first
    assert main([*ARGS, "--seed", str(small_demo.seed)]) == 0
    assert demo_fingerprint() == first


def test_ctrl_c_in_the_middle_of_a_reset_keeps_the_earlier_demo_and_its_log_ins(small_demo, capsys):
    before = demo_state()
    assert "raadgiver" in before[0] and len(before[1]) == 29 + 3  # + the 2012 rettidighed courses
    stop = fails_on_call(service_writer.write_citizen, 10, KeyboardInterrupt())
    with mock.patch.object(service_writer, "write_citizen", side_effect=stop):
        assert main([*ARGS, "--reset", "--seed", "9"]) == 130
    assert "afbrudt" in capsys.readouterr().err
    assert demo_state() == before


def test_a_completed_reset_replaces_the_demo_leaves_real_users_and_companies_alone_and_counts_what_it_deleted(
    small_demo, capsys
):
    from smaajob.network.models import Company
    from smaajob.network.services import create_company
    from smaajob.organisation.services import create_user

    municipality = User.objects.get(username="raadgiver").municipality
    assert municipality is not None
    real_user = create_user(
        username="rigtig", password="korrekt-hest-batteri-47", role="administrator", municipality=municipality
    )
    real_company = create_company(actor=real_user, municipality=municipality, cvr="13585628", name="Rigtig ApS")
    before = demo_state()
    citizens = Citizen.objects.count()
    assert main([*ARGS, "--reset", "--seed", "9"]) == 0
    out = capsys.readouterr().out
    assert "Slettede tidligere demodata:" in out and out.index("Slettede") < out.index("Demokommunen er indlæst")
    # Citizens are counted as citizens, the rows cascaded to as what they are.
    line = next(line for line in out.splitlines() if line.startswith("Slettede"))
    assert f"{citizens} borgere" in line
    assert "tilknyttede rækker" in line
    after = demo_state()
    assert after[0] == before[0] and after[1] != before[1] and len(after[1]) == 29 + 3
    assert Citizen.objects.count() == citizens
    assert User.objects.filter(pk=real_user.pk).exists()
    assert Company.objects.get(pk=real_company.pk).name == "Rigtig ApS"
    assert not Company.objects.get(pk=real_company.pk).is_synthetic
