# SPDX-License-Identifier: MPL-2.0
"""Shared helpers for the rules tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).with_name("cases")


def load_cases(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    assert isinstance(data, list)
    for case in data:
        assert case.get("source"), f"case {case.get('name')!r} cites no source"
    return data
