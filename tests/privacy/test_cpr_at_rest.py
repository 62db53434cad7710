# SPDX-License-Identifier: MPL-2.0
"""CPR numbers at rest (issue 14 item 4): encrypted in the database, found through a keyed hash,
rotated with ``smaajob keys rotate``, refused without keys in production."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError
from django.db import connection

from smaajob import cpr_vault
from smaajob.citizens.models import Citizen
from smaajob.citizens.selectors import citizen_by_cpr
from smaajob.citizens.services import register_citizen
from smaajob.cli.main import main
from smaajob.errors import InvalidIdentifier
from tests.scratch_database import scratch_database

NUMBERS = ("010190-1234", "020285-4321", "311299-9876")


def _digits(number: str) -> str:
    return number.replace("-", "")


def _register_three(caseworker, municipality) -> list[Citizen]:
    return [
        register_citizen(actor=caseworker, cpr=n, first_name="Test", last_name=f"Borger{i}", municipality=municipality)
        for i, n in enumerate(NUMBERS)
    ]


def _raw_column() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cpr, cpr_hash FROM {Citizen._meta.db_table}")
        return [f"{cpr} {digest}" for cpr, digest in cursor.fetchall()]


@pytest.fixture
def fresh_keys(monkeypatch):
    """Real keys in the environment (not the development key), forgotten again after the test."""

    def use(*keys: bytes, hash_key: str = "h" * 40) -> None:
        monkeypatch.setenv("SMAAJOB_CPR_KEYS", ",".join(k.decode() for k in keys))
        monkeypatch.setenv("SMAAJOB_CPR_HASH_KEY", hash_key)
        cpr_vault.reset_cache()

    yield use
    monkeypatch.delenv("SMAAJOB_CPR_KEYS", raising=False)
    monkeypatch.delenv("SMAAJOB_CPR_HASH_KEY", raising=False)
    cpr_vault.reset_cache()


@pytest.mark.django_db(transaction=True)
def test_the_database_holds_no_cpr_number_in_clear_neither_in_the_table_nor_in_the_file(
    caseworker, municipality, tmp_path
):
    _register_three(caseworker, municipality)
    raw = "\n".join(_raw_column())
    for number in NUMBERS:
        assert _digits(number) not in raw and number not in raw
    if connection.vendor == "sqlite":
        # The whole database as a file (the test database lives in memory): every page, index and
        # free list, as an attacker who copies the file would have it.
        copy = tmp_path / "copy.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(copy)])
        data = Path(copy).read_bytes()
        assert b"Borger0" in data, "the copy holds the table (the search below is real)"
        for number in NUMBERS:
            assert _digits(number).encode() not in data and number.encode() not in data
    # …and the application still reads every number back.
    assert sorted(c.cpr for c in Citizen.objects.all()) == sorted(_digits(n) for n in NUMBERS)


@pytest.mark.django_db
def test_a_citizen_is_found_by_cpr_only_within_the_own_municipality(caseworker, municipality, other_municipality):
    first, *_ = _register_three(caseworker, municipality)
    assert citizen_by_cpr(municipality, "010190-1234") == first
    assert citizen_by_cpr(municipality.pk, "0101901234") == first
    assert citizen_by_cpr(other_municipality, "0101901234") is None
    assert citizen_by_cpr(municipality, "040404-4444") is None
    with pytest.raises(InvalidIdentifier):
        citizen_by_cpr(municipality, "12345")


@pytest.mark.django_db
def test_filtering_on_the_encrypted_column_is_refused_so_every_search_goes_through_the_hash(caseworker, municipality):
    _register_three(caseworker, municipality)
    with pytest.raises(FieldError):
        list(Citizen.objects.filter(cpr="0101901234"))


@pytest.mark.django_db
def test_the_same_number_twice_in_one_municipality_is_refused_by_the_hash(caseworker, municipality):
    from smaajob.errors import InvalidInput

    _register_three(caseworker, municipality)
    with pytest.raises(InvalidInput):
        register_citizen(actor=caseworker, cpr="0101901234", first_name="A", last_name="B", municipality=municipality)
    assert Citizen.objects.count() == 3


def test_production_without_keys_refuses_to_start_with_a_danish_message():
    with pytest.raises(cpr_vault.CprKeysMissing) as refused:
        cpr_vault.load_keys(keys_text=None, hash_key_text=None, allow_development=False)
    assert "SMAAJOB_CPR_KEYS" in refused.value.message and "produktion" in refused.value.message


def test_development_keys_are_the_documented_public_ones():
    keys = cpr_vault.load_keys(keys_text=None, hash_key_text=None, allow_development=True)
    assert keys.development
    token = cpr_vault.encrypt("0101901234", keys)
    assert Fernet(cpr_vault.development_fernet_key()).decrypt(token.encode()) == b"0101901234"


def test_a_key_that_is_not_a_fernet_key_is_refused_naming_its_position():
    good = Fernet.generate_key().decode()
    with pytest.raises(cpr_vault.CprKeysInvalid) as refused:
        cpr_vault.load_keys(keys_text=f"{good},ikke-en-noegle", hash_key_text="h" * 40, allow_development=False)
    assert "nr. 2" in refused.value.message


def test_the_lookup_hash_depends_on_the_secret_so_a_guessed_number_cannot_be_tested_without_it():
    a = cpr_vault.load_keys(keys_text=Fernet.generate_key().decode(), hash_key_text="a" * 40, allow_development=False)
    b = cpr_vault.load_keys(keys_text=Fernet.generate_key().decode(), hash_key_text="b" * 40, allow_development=False)
    assert cpr_vault.lookup_hash("0101901234", a) != cpr_vault.lookup_hash("0101901234", b)
    assert cpr_vault.lookup_hash("0101901234", a) == cpr_vault.lookup_hash("0101901234", a)


@pytest.mark.django_db
def test_keys_rotate_re_encrypts_every_row_so_the_old_key_can_be_removed(caseworker, municipality, fresh_keys, capsys):
    old, new = Fernet.generate_key(), Fernet.generate_key()
    fresh_keys(old)
    _register_three(caseworker, municipality)
    before = _raw_column()
    fresh_keys(new, old)
    assert main(["keys", "rotate", "--batch-size", "2"]) == 0
    assert "3 CPR-numre" in capsys.readouterr().out
    after = _raw_column()
    assert set(before).isdisjoint(after)
    fresh_keys(new)  # the old key is gone: every row still reads, and is found by its number
    assert sorted(c.cpr for c in Citizen.objects.all()) == sorted(_digits(n) for n in NUMBERS)
    assert citizen_by_cpr(municipality, "020285-4321") is not None


@pytest.mark.django_db
def test_without_the_key_that_wrote_a_row_reading_it_fails_with_a_clear_message(caseworker, municipality, fresh_keys):
    fresh_keys(Fernet.generate_key())
    _register_three(caseworker, municipality)
    fresh_keys(Fernet.generate_key())
    with pytest.raises(cpr_vault.CprKeysInvalid) as refused:
        list(Citizen.objects.all())
    assert "SMAAJOB_CPR_KEYS" in refused.value.message


def test_keys_new_prints_a_usable_key(capsys):
    assert main(["keys", "new"]) == 0
    Fernet(capsys.readouterr().out.strip().encode())


def test_keys_rotate_refuses_a_batch_size_below_one(capsys):
    assert main(["keys", "rotate", "--batch-size", "0"]) == 2
    assert "--batch-size" in capsys.readouterr().err


def test_the_migration_encrypts_the_numbers_already_stored_and_the_reverse_decrypts_them(tmp_path, django_db_blocker):
    # An empty database migrated forward to the migration before (tests/scratch_database.py),
    # not the test database taken back through every later migration.
    with django_db_blocker.unblock(), scratch_database(tmp_path):
        _encrypt_and_decrypt_by_migrating()


def _encrypt_and_decrypt_by_migrating() -> None:
    from django.db.migrations.executor import MigrationExecutor

    before = [("citizens", "0007_coverage_facts_and_exemption_ground")]
    after = [("citizens", "0008_cpr_encrypted_at_rest")]
    executor = MigrationExecutor(connection)
    assert executor.loader.applied_migrations == {}, "an empty database, migrated from nothing"
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    municipality = old.get_model("organisation", "Municipality").objects.create(code="461", name="Odense Kommune")
    old.get_model("citizens", "Citizen").objects.create(
        cpr="0101901234", first_name="A", last_name="B", birth_date=date(1990, 1, 1), municipality=municipality
    )
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    raw = _raw_column()
    assert len(raw) == 1 and "0101901234" not in raw[0]
    token, digest = raw[0].split()
    assert cpr_vault.decrypt(token) == "0101901234" and digest == cpr_vault.lookup_hash("0101901234")
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cpr FROM {Citizen._meta.db_table}")
        assert cursor.fetchall() == [("0101901234",)]


def test_a_command_in_production_settings_without_keys_stops_with_the_danish_message(settings, monkeypatch, capsys):
    settings.SMAAJOB_CPR_DEVELOPMENT_KEYS = False
    monkeypatch.delenv("SMAAJOB_CPR_KEYS", raising=False)
    monkeypatch.delenv("SMAAJOB_CPR_HASH_KEY", raising=False)
    cpr_vault.reset_cache()
    try:
        assert main(["keys", "rotate"]) == 2
    finally:
        cpr_vault.reset_cache()
    assert "fejl [cpr_keys_missing]: SMAAJOB_CPR_KEYS og SMAAJOB_CPR_HASH_KEY skal være sat i produktion" in (
        capsys.readouterr().err
    )
