# SPDX-License-Identifier: MPL-2.0
"""Writes for municipalities, teams, projects and users."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction

from smaajob.errors import InvalidInput
from smaajob.organisation.models import MUNICIPAL_OVERSIGHT_ROLES, STAFF_ROLES, Municipality, Project, Role, Team, User


@transaction.atomic
def create_user(
    *,
    username: str,
    password: str,
    role: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    municipality: Municipality | None = None,
    team: Team | None = None,
    company: object | None = None,
    provider: object | None = None,
    check_password: bool = True,
    is_superuser: bool = False,
) -> User:
    """A log-in with one role.

    An administrator reaches the Django admin as plain staff (``is_staff``), limited to the
    own municipality by the admin itself; ``is_superuser`` is never implied by a role and is
    set only when asked for (``smaajob createuser --superuser``), for an administrator.
    """
    if not username.strip():
        raise InvalidInput("Brugernavnet må ikke være tomt.", field="username")
    if User.objects.filter(username=username).exists():
        raise InvalidInput(f"Brugernavnet »{username}« er allerede i brug.", field="username")
    check_role_links(role=role, municipality=municipality, company=company, provider=provider)
    if is_superuser and role != Role.ADMINISTRATOR:
        raise InvalidInput("Kun en administrator kan oprettes som superbruger.", field="role")
    user = User(
        username=username,
        role=role,
        first_name=first_name,
        last_name=last_name,
        email=email,
        municipality=municipality,
        team=team,
        company=company,  # type: ignore[misc]
        provider=provider,
        # Only administrators reach the Django admin.
        is_staff=role == Role.ADMINISTRATOR,
        is_superuser=is_superuser,
    )
    if check_password:
        try:
            validate_password(password, user)
        except DjangoValidationError as exc:
            raise InvalidInput(" ".join(exc.messages), field="password") from None
    user.set_password(password)
    user.save()
    return user


def check_role_links(
    *, role: str, municipality: Municipality | None, company: object | None, provider: object | None = None
) -> None:
    """The links a role needs: staff a municipality, an employer contact a company, a provider
    user its provider (anden aktør, course provider, mentor).

    Shared by ``create_user`` and the admin's user form, so that both refuse the same way.
    """
    if role not in Role.values:
        raise InvalidInput(f"Ukendt rolle »{role}«. Vælg en af: {', '.join(Role.values)}.", field="role")
    if role == Role.EMPLOYER and company is None:
        raise InvalidInput("En virksomhedskontakt skal knyttes til en virksomhed.", field="company")
    if role == Role.PROVIDER and provider is None:
        raise InvalidInput("En leverandørbruger skal knyttes til en leverandør.", field="provider")
    if (role in STAFF_ROLES or role in MUNICIPAL_OVERSIGHT_ROLES) and municipality is None:
        raise InvalidInput("En medarbejder skal knyttes til en kommune.", field="municipality")


@transaction.atomic
def create_municipality(*, code: str, name: str) -> Municipality:
    if not (len(code) == 3 and code.isdigit()):
        raise InvalidInput("Kommunekoden skal være tre cifre, fx 461 (Odense).", field="code")
    return Municipality.objects.create(code=code, name=name)


@transaction.atomic
def create_project(
    *,
    municipality: Municipality,
    name: str,
    follow_up_interval_days: int = 7,
    weeks_without_pay_alert: int = 8,
    description: str = "",
) -> Project:
    if not 1 <= follow_up_interval_days <= 90:
        raise InvalidInput(
            "Opfølgningsintervallet skal være 1–90 dage (VTA: 7, STV: 21–28).", field="follow_up_interval_days"
        )
    return Project.objects.create(
        municipality=municipality,
        name=name,
        description=description,
        follow_up_interval_days=follow_up_interval_days,
        weeks_without_pay_alert=weeks_without_pay_alert,
    )
