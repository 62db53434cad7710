# SPDX-License-Identifier: MPL-2.0
"""Log-in lock-out (issue 14, item 2): one person's mistakes never lock out colleagues.

Staff in a town hall share one address. Five wrong passwords lock that account for 15 minutes;
the address is locked only after 50 failures (any usernames); the Danish page says when to try
again and whom to contact; an administrator of the same municipality can unlock the account.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import PASSWORD

LOGIN = "/log-ind/"
TOWN_HALL = "10.20.30.40"


@pytest.fixture
def anna(make_user):
    return make_user("caseworker", username="anna")


@pytest.fixture
def bent(make_user):
    return make_user("caseworker", username="bent")


def attempt(client, username: str, password: str, address: str = TOWN_HALL):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, username: str, times: int, address: str = TOWN_HALL):
    for _ in range(times):
        response = attempt(client, username, "forkert-adgangskode", address)
    return response


def logs_in(client, username: str, address: str = TOWN_HALL) -> bool:
    response = attempt(client, username, PASSWORD, address)
    logged_in = response.status_code == 302 and "_auth_user_id" in client.session
    client.logout()
    return logged_in


def test_four_wrong_passwords_leave_the_account_open(client, anna):
    fail(client, "anna", 4)
    assert logs_in(client, "anna")


def test_five_wrong_passwords_lock_the_account_but_not_a_colleague_at_the_same_address(client, anna, bent):
    fail(client, "anna", 5)

    assert not logs_in(client, "anna")
    assert logs_in(client, "bent")


def test_the_locked_user_sees_a_danish_page_with_the_time_to_try_again(client, anna):
    fail(client, "anna", 4)
    before = timezone.localtime(timezone.now() + timedelta(minutes=15))
    response = fail(client, "anna", 1)
    after = timezone.localtime(timezone.now() + timedelta(minutes=15))

    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    page = response.content.decode()
    assert "Log-ind er midlertidigt spærret" in page
    assert "15 minutter" in page
    # The fifth failure starts the 15 minutes; a minute may turn during the request.
    assert f"kl. {before:%H:%M}" in page or f"kl. {after:%H:%M}" in page
    assert "administratoren i din" in page
    assert "Account locked" not in page


def test_the_right_password_during_the_lock_out_is_refused_with_the_page(client, anna):
    fail(client, "anna", 5)
    response = attempt(client, "anna", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_out_ends_after_the_cool_off_time(client, anna):
    from axes.models import AccessAttempt

    fail(client, "anna", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    assert logs_in(client, "anna")


def test_the_account_lock_holds_from_another_address_too(client, anna):
    fail(client, "anna", 5)
    assert not logs_in(client, "anna", address="10.99.99.99")


def test_an_address_is_locked_only_at_fifty_failures_over_many_usernames(client, bent):
    for n in range(12):  # four wrong each: no account reaches its own limit
        fail(client, f"bruger{n}", 4)
    assert logs_in(client, "bent")  # 48 failures from the address

    fail(client, "bruger-49", 1)
    assert logs_in(client, "bent")  # 49
    response = fail(client, "bruger-50", 1)  # 50: the address is locked

    assert response.status_code == 429
    assert not logs_in(client, "bent")
    assert logs_in(client, "bent", address="10.99.99.99")


@pytest.fixture
def administrator(make_user):
    return make_user("administrator", username="ada")


def unlock(client, user):
    return client.post(
        "/admin/organisation/user/",
        {"action": "unlock", "_selected_action": [user.pk], "index": 0},
        REMOTE_ADDR="10.1.1.1",
    )


def test_an_administrator_of_the_same_municipality_unlocks_the_account(client, anna, administrator):
    fail(client, "anna", 5)
    client.force_login(administrator)

    response = unlock(client, anna)

    assert response.status_code == 302
    client.logout()
    assert logs_in(client, "anna")


def test_an_administrator_of_another_municipality_cannot_unlock_the_account(client, anna, other_municipality):
    from smaajob.organisation.services import create_user

    stranger = create_user(
        username="roskilde-admin", password=PASSWORD, role="administrator", municipality=other_municipality
    )
    fail(client, "anna", 5)
    client.force_login(stranger)

    unlock(client, anna)

    client.logout()
    assert not logs_in(client, "anna")


def test_the_unlock_is_in_the_admin_history(client, anna, administrator):
    from django.contrib.admin.models import LogEntry

    fail(client, "anna", 5)
    client.force_login(administrator)
    unlock(client, anna)

    entry = LogEntry.objects.get(object_id=str(anna.pk))
    assert entry.user == administrator
    assert "Låst op" in entry.get_change_message()
