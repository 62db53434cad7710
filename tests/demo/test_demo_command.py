# SPDX-License-Identifier: MPL-2.0
"""``smaajob demo`` through the CLI: loading, determinism, refusing real data, reset."""

from __future__ import annotations

import pytest

from smaajob.cli.main import main
from tests.demo.conftest import TODAY
from tests.demo.fingerprint import demo_fingerprint

pytestmark = pytest.mark.django_db

ARGS = ["demo", "--today", TODAY.isoformat(), "--no-progress"]


def test_the_small_demo_loads_through_the_cli_and_prints_the_users_and_password(capsys):
    assert main(ARGS) == 0
    out = capsys.readouterr().out
    assert "Demokommunen er indlæst" in out
    assert "smaajob-demo" in out
    for username in ("raadgiver", "konsulent", "koordinator", "ydelse", "analytiker", "admin",
                     "virksomhed", "borger"):
        assert username in out


def test_the_same_seed_gives_the_same_municipality(capsys):
    from smaajob.demo.loader import delete_synthetic

    assert main([*ARGS, "--seed", "7"]) == 0
    first = demo_fingerprint()
    delete_synthetic()
    assert main([*ARGS, "--seed", "7"]) == 0
    assert demo_fingerprint() == first


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


def test_a_second_load_without_reset_is_refused_with_a_danish_message(capsys):
    assert main(ARGS) == 0
    capsys.readouterr()
    assert main(ARGS) == 2
    assert "--reset" in capsys.readouterr().err


def test_reset_replaces_the_demo_and_leaves_real_users_and_companies_alone(capsys, municipality):
    from smaajob.citizens.models import Citizen
    from smaajob.network.models import Company
    from smaajob.network.services import create_company
    from smaajob.organisation.models import User
    from smaajob.organisation.services import create_user

    real_user = create_user(username="rigtig", password="korrekt-hest-batteri-47", role="administrator",
                            municipality=municipality)
    real_company = create_company(actor=real_user, municipality=municipality, cvr="13585628", name="Rigtig ApS")
    assert main(ARGS) == 0
    count = Citizen.objects.count()
    assert main([*ARGS, "--reset"]) == 0
    assert Citizen.objects.count() == count
    assert User.objects.filter(pk=real_user.pk).exists()
    assert Company.objects.get(pk=real_company.pk).name == "Rigtig ApS"
    assert not Company.objects.get(pk=real_company.pk).is_synthetic


def test_a_database_with_real_citizens_is_refused_even_with_reset(capsys, citizen):
    from smaajob.citizens.models import Citizen

    assert main([*ARGS, "--reset"]) == 2
    assert "rigtige borgere" in capsys.readouterr().err
    assert list(Citizen.objects.all()) == [citizen]


def test_migrate_reports_an_up_to_date_database_in_danish(capsys):
    assert main(["migrate", "--check"]) == 0
    assert "opdateret" in capsys.readouterr().out
