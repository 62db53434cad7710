# SPDX-License-Identifier: MPL-2.0
"""scripts/test's ``--dist loadgroup``: the tests of a module with a module-scoped fixture run on
one test worker (its world is built once), every other test is handed out on its own.

A small test tree is run by pytest with two xdist workers in a subprocess, with the project's
grouping hook (``tests.conftest.pytest_collection_modifyitems``) as its conftest.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MODULE = """
import pytest

@pytest.fixture(scope="module")
def world():
    return object()

@pytest.fixture
def part_of_world(world):
    return world

def test_one(world): pass
def test_two(part_of_world): pass
def test_three(world): pass
def test_alone_one(): pass
def test_alone_two(): pass
def test_alone_three(): pass
"""


def test_a_module_with_a_module_scoped_fixture_runs_on_one_worker_and_other_tests_are_spread(tmp_path):
    (tmp_path / "conftest.py").write_text("from tests.conftest import pytest_collection_modifyitems  # noqa: F401\n")
    (tmp_path / "test_grouped.py").write_text(MODULE)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:django",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            "-n",
            "2",
            "--dist",
            "loadgroup",
            "-v",
            "-c",
            os.devnull,
            "--rootdir",
            str(tmp_path),
            str(tmp_path),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    ran = {name: worker for worker, name in re.findall(r"\[(gw\d)\] \[[ \d%]+\] PASSED \S*::(\w+)", done.stdout)}
    assert set(ran) == {"test_one", "test_two", "test_three", "test_alone_one", "test_alone_two", "test_alone_three"}
    # The fixture's tests (directly or through another fixture) share one worker, marked as a group.
    assert ran["test_one"] == ran["test_two"] == ran["test_three"], ran
    assert re.search(r"::test_two@\S*test_grouped\.py", done.stdout), done.stdout
    assert not re.search(r"::test_alone_one@", done.stdout), "a test without the fixture is not grouped"
