# SPDX-License-Identifier: MPL-2.0
"""Fixtures for "right for today".

``rates_known``: our sources do not yet give the 2025/2026 amounts of the four kontanthjælp
rates (docs/rules.md says where the rules helper looked), so the rules answer ``unknown_value``
for them. To test that the pages compute for today *once the amounts are known*, this fixture
loads the shipped parameters with the agreement's 2024-level figures put in for the four rates
(lundsteenwiederquist.dk 1/11 2023 after bm.dk's agreement of 2023; hjemmeboende: an
illustrative fixture number), and the supplements' 2025 figures for 2026. They are test
fixtures, never shown as legal values.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import yaml

FIXTURE_RATES = {
    "kontanthjaelp_rate_mindstesats": 6553,
    "kontanthjaelp_rate_grundsats": 6955,
    "kontanthjaelp_rate_forhoejet": 12064,
    "kontanthjaelp_rate_hjemmeboende": 3500,
    # The supplements' 2026 amounts are unknown too: the 2025 figures (kalundborg.dk) stand in.
    "kontanthjaelp_supplement_children": 2784,
    "kontanthjaelp_supplement_single_provider": 1638,
    "kontanthjaelp_supplement_single_non_provider": 1092,
    "kontanthjaelp_supplement_youth_under25": 1036,
    "kontanthjaelp_supplement_youth_25_29": 2590,
    "kontanthjaelp_supplement_youth_provider": 2590,
}


@pytest.fixture
def rates_known(tmp_path, monkeypatch):
    from smaajob.rules import parameters

    directory = tmp_path / "parameters"
    shutil.copytree(parameters.PARAMETER_DIRECTORY, directory)
    for name, amount in FIXTURE_RATES.items():
        path = directory / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        assert "    value: null\n    status: unknown\n" in text, name
        path.write_text(
            text.replace("    value: null\n    status: unknown\n", f"    value: {amount}\n"), encoding="utf-8"
        )
    parameters.default_parameters.cache_clear()
    monkeypatch.setattr(parameters, "PARAMETER_DIRECTORY", directory)
    yield FIXTURE_RATES
    parameters.default_parameters.cache_clear()


@pytest.fixture
def rate_amounts_unknown(tmp_path, monkeypatch):
    """The shipped parameters with the four rates' amounts from 1 July 2025 unknown, as our
    sources are today — so the "ask only for the amount" path stays tested once they are found."""
    from smaajob.rules import parameters

    directory = tmp_path / "parameters"
    shutil.copytree(parameters.PARAMETER_DIRECTORY, directory)
    for name in list(FIXTURE_RATES)[:4]:
        path = directory / f"{name}.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for day, entry in data["values"].items():
            if dt.date.fromisoformat(str(day)) >= dt.date(2025, 7, 1):
                entry.update(value=None, status="unknown")
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    parameters.default_parameters.cache_clear()
    monkeypatch.setattr(parameters, "PARAMETER_DIRECTORY", directory)
    yield
    parameters.default_parameters.cache_clear()
