# SPDX-License-Identifier: MPL-2.0
"""Shared test set-up: a small municipality with one user per role.

Numbers used here are plain fixtures; legal numbers live in the rules' YAML cases.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

# The S3-compatible object store on loopback (object_store, s3_storage), for any test that asks.
pytest_plugins = ["tests.object_store"]

PASSWORD = "korrekt-hest-batteri-47"
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"


def pytest_configure(config):
    """Tests hash passwords with MD5: Argon2 is right in production and slow on purpose (~0,7 s a
    hash, and most tests make users). Tests of Argon2 itself use ``production_hashers``."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = [FAST_HASHER]
    # Synthetic data only: the public development CPR keys (smaajob.cpr_vault), here and in
    # the servers the tests start.
    settings.SMAAJOB_CPR_DEVELOPMENT_KEYS = True
    os.environ.setdefault("SMAAJOB_DEMO", "1")
    # The kept matching pool lives in this process only: two test workers never share one.
    settings.CACHES = {
        **settings.CACHES,
        "matching": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "matching-tests"},
    }


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """The tests of a module that shares a module-scoped fixture (a fixture world, a loaded demo,
    rendered PDFs) run on one test worker: with scripts/test's ``--dist loadgroup`` xdist sends
    each such module to one worker whole, biggest first, and every other test on its own, so no
    worker builds a module's world again that the other has built already. Without
    ``--dist loadgroup`` (one worker, or another mode) the mark changes nothing."""
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        if info is None:
            continue
        if any(d.scope == "module" for defs in info.name2fixturedefs.values() for d in defs):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
    if getattr(config.option, "loadgroup", False):
        _name_the_groups(items)


def _name_the_groups(items):
    """What pytest-xdist 3.8 does for ``--dist loadgroup`` on a test worker, which pytest 9.2 no
    longer sees: xdist adds ``@group`` to ``item._nodeid``, while pytest 9.2 reads the node id from
    ``item._id``. The controller groups the tests by that suffix; without it every test is on its
    own. (Remove when xdist sets the id pytest reads; the suffix is then there already.)"""
    from _pytest.nodeid import NodeId

    for item in items:
        names = {
            str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in item.iter_markers("xdist_group")
        }
        if names and "@" not in item.nodeid:
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(sorted(names))}")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    """pytest-django's test database; on SQLite a copy of it is also kept as this worker's
    migrated database (``migrated_sqlite_file``), taken before any test has written to it."""
    from django.db import connection

    global _MIGRATED_SQLITE
    if connection.vendor == "sqlite":
        import sqlite3

        from django.db.migrations.executor import MigrationExecutor

        with django_db_blocker.unblock():
            executor = MigrationExecutor(connection)
            # pytest-django sets up the test database only when a collected test asks for one.
            if executor.loader.applied_migrations and not executor.migration_plan(executor.loader.graph.leaf_nodes()):
                path = tmp_path_factory.mktemp("migrated") / "migrated.sqlite3"
                copy = sqlite3.connect(path)
                connection.connection.backup(copy)
                copy.close()
                _MIGRATED_SQLITE = path
    yield


_MIGRATED_SQLITE: Path | None = None


@pytest.fixture
def migrated_sqlite_file(django_db_setup, tmp_path: Path) -> Path:
    """A new SQLite file with every migration applied and no rows a test wrote, for a ``smaajob``
    process whose test is not about migrating (the migrations once per worker, not per process:
    about 15 s of CPU each). When the test database is not SQLite, the file does not exist yet and
    the process migrates it itself (so also when no collected test asked for a test database).
    ``smaajob serve`` migrating an empty database is tests/cli/test_commands.py."""
    target = tmp_path / "migrated.sqlite3"
    if _MIGRATED_SQLITE is not None:
        shutil.copyfile(_MIGRATED_SQLITE, target)
    return target


@pytest.fixture(autouse=True)
def _fresh_matching_pool():
    """Each test starts without a kept matching pool: its database was rolled back, and ids are
    reused after a rollback, so a pool kept from another test could look current."""
    from smaajob.courses.selectors import opening_pool as matching_pool

    matching_pool.forget()


@pytest.fixture
def production_hashers(settings):
    """The password hashers of ``smaajob.settings`` (Argon2 first), as in production."""
    from smaajob import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS


# The fixture records as plain functions, so that a module-scoped world (tests/app/conftest.py)
# builds the very same records once for a module; the function-scoped fixtures below call them.
def new_municipality():
    from smaajob.organisation.services import create_municipality

    return create_municipality(code="461", name="Odense Kommune")


def new_team(municipality):
    from smaajob.organisation.models import Team

    return Team.objects.create(municipality=municipality, name="Team Småjob")


def new_project(municipality):
    from smaajob.organisation.services import create_project

    return create_project(municipality=municipality, name="VTA", follow_up_interval_days=7)


def user_maker(municipality, team):
    from smaajob.organisation.services import create_user

    def make(role: str, username: str | None = None, **extra):
        extra.setdefault("municipality", municipality)
        extra.setdefault("team", team)
        return create_user(username=username or role, password=PASSWORD, role=role, **extra)

    return make


def new_caseworker(make_user):
    return make_user("caseworker", first_name="Rikke", last_name="Rådgiver")


def new_consultant(make_user):
    return make_user("consultant", first_name="Viggo", last_name="Konsulent")


def new_company(municipality, consultant):
    from smaajob.network.services import create_company

    return create_company(
        actor=consultant,
        municipality=municipality,
        cvr="13585628",
        name="Netto Vollsmose",
        sector="detail",
        latitude=55.40,
        longitude=10.43,
    )


def new_citizen(municipality, caseworker, consultant):
    from smaajob.citizens.services import assign_staff, register_citizen

    person = register_citizen(
        actor=caseworker,
        cpr="010190-1234",
        first_name="Omar",
        last_name="Hansen",
        municipality=municipality,
        latitude=55.39,
        longitude=10.40,
    )
    assign_staff(
        actor=caseworker, citizen=person, staff=caseworker, staff_role="caseworker", valid_from=date(2024, 1, 1)
    )
    assign_staff(
        actor=caseworker, citizen=person, staff=consultant, staff_role="consultant", valid_from=date(2024, 1, 1)
    )
    return person


def new_course(citizen, project, caseworker):
    from smaajob.courses.services import start_course

    return start_course(actor=caseworker, citizen=citizen, project=project, started_on=date(2024, 1, 8))


@pytest.fixture
def municipality(db):
    return new_municipality()


@pytest.fixture
def other_municipality(db):
    from smaajob.organisation.services import create_municipality

    return create_municipality(code="265", name="Roskilde Kommune")


@pytest.fixture
def team(municipality):
    return new_team(municipality)


@pytest.fixture
def project(municipality):
    return new_project(municipality)


@pytest.fixture
def make_user(municipality, team):
    return user_maker(municipality, team)


@pytest.fixture
def caseworker(make_user):
    return new_caseworker(make_user)


@pytest.fixture
def consultant(make_user):
    return new_consultant(make_user)


@pytest.fixture
def company(municipality, consultant):
    return new_company(municipality, consultant)


@pytest.fixture
def citizen(municipality, caseworker, consultant):
    return new_citizen(municipality, caseworker, consultant)


@pytest.fixture
def course(citizen, project, caseworker):
    return new_course(citizen, project, caseworker)
