# SPDX-License-Identifier: MPL-2.0
"""``smaajob demo --reset`` stopped mid-load leaves the earlier demo and its log-ins in place:
the deletion and the load are one transaction (issue 23, item 11)."""

from __future__ import annotations

from unittest import mock

import pytest

from smaajob.citizens.models import Citizen
from smaajob.cli.main import main
from smaajob.demo import bulk_writer, service_writer
from smaajob.demo.loader import load_demo
from smaajob.organisation.models import User
from tests.demo.conftest import TODAY

pytestmark = pytest.mark.django_db

ARGS = ["demo", "--today", TODAY.isoformat(), "--no-progress"]


def _demo_state() -> tuple[list[str], list[str]]:
    return (sorted(User.objects.values_list("username", flat=True)),
            sorted(Citizen.objects.values_list("cpr", flat=True)))


def _fails_on_call(real, n: int, error: BaseException):
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise error
        return real(*args, **kwargs)

    return wrapper


def test_ctrl_c_in_the_middle_of_a_reset_keeps_the_earlier_demo_and_its_log_ins(capsys):
    assert main(ARGS) == 0
    before = _demo_state()
    assert "raadgiver" in before[0] and len(before[1]) == 29 + 3  # + the 2012 rettidighed courses
    stop = _fails_on_call(service_writer.write_citizen, 10, KeyboardInterrupt())
    with mock.patch.object(service_writer, "write_citizen", side_effect=stop):
        assert main([*ARGS, "--reset", "--seed", "9"]) == 130
    assert "afbrudt" in capsys.readouterr().err
    assert _demo_state() == before


def test_a_crash_in_the_middle_of_a_municipality_reset_keeps_the_earlier_demo():
    load_demo("municipality", today=TODAY, scale=0.01)
    before = _demo_state()
    assert len(before[1]) == 50
    crash = _fails_on_call(bulk_writer._write_batch, 1, RuntimeError("disken er fuld"))
    with mock.patch.object(bulk_writer, "_write_batch", side_effect=crash), pytest.raises(RuntimeError):
        load_demo("municipality", today=TODAY, scale=0.01, seed=9, reset=True)
    assert _demo_state() == before


def test_a_completed_reset_replaces_the_earlier_demo_and_says_what_it_deleted(capsys):
    assert main(ARGS) == 0
    before = _demo_state()
    capsys.readouterr()
    assert main([*ARGS, "--reset", "--seed", "9"]) == 0
    out = capsys.readouterr().out
    assert "Slettede tidligere demodata:" in out and out.index("Slettede") < out.index("Demokommunen er indlæst")
    after = _demo_state()
    assert after[0] == before[0] and after[1] != before[1] and len(after[1]) == 29 + 3
