# SPDX-License-Identifier: MPL-2.0
"""``smaajob demo`` through the CLI: loading into an empty database, refusing real data.

On a database that already holds the demo (the log-ins shown again, a second load refused, the
same seed loaded again, reset): tests/demo/test_demo_command_on_a_loaded_demo.py."""

from __future__ import annotations

import pytest

from smaajob.cli.main import main
from tests.demo.conftest import TODAY

pytestmark = pytest.mark.django_db

ARGS = ["demo", "--today", TODAY.isoformat(), "--no-progress"]


def test_the_small_demo_loads_through_the_cli_and_prints_the_users_and_password(capsys):
    assert main(ARGS) == 0
    out = capsys.readouterr().out
    assert "Demokommunen er indlæst" in out
    assert "smaajob-demo" in out
    for username in ("raadgiver", "konsulent", "koordinator", "ydelse", "analytiker", "admin", "virksomhed", "borger"):
        assert username in out


def test_another_seed_gives_other_people():
    import random

    from faker import Faker

    from smaajob.demo.citizens import make_citizen
    from smaajob.demo.trajectories import TRAJECTORIES

    def first_citizen(seed: int) -> tuple[str, str]:
        fake = Faker("da_DK")
        fake.seed_instance(seed)
        spec = make_citizen(random.Random(seed), fake, TRAJECTORIES[0], today=TODAY, used_cpr=set())
        return spec.cpr, spec.first_name + spec.last_name

    assert first_citizen(7) == first_citizen(7)
    assert first_citizen(7) != first_citizen(8)


def test_a_database_with_real_citizens_is_refused_even_with_reset(capsys, citizen):
    from smaajob.citizens.models import Citizen

    assert main([*ARGS, "--reset"]) == 2
    assert "rigtige borgere" in capsys.readouterr().err
    assert list(Citizen.objects.all()) == [citizen]


def test_migrate_reports_an_up_to_date_database_in_danish(capsys):
    assert main(["migrate", "--check"]) == 0
    assert "opdateret" in capsys.readouterr().out
