# SPDX-License-Identifier: MPL-2.0
"""Access to intermediary employers, their contracts, employees, monthly runs, invoices and wage
statements (issue 13).

* An intermediary user (role ``intermediary``) sees its own organisation only: its contracts, its
  runs with their invoices and wage statements, and the citizens it employs — while the employment
  runs or ended at most ``INTERMEDIARY_GRACE_DAYS`` ago (it must run the last month and answer
  for the last payslip). It never sees a citizen it does not employ: such a citizen, a missing
  one and another intermediary's record all give the same ``NotFound``.
* Staff of the municipality (not analysts) see the municipality's intermediaries and contracts;
  a wage statement or an invoice line names a citizen, so staff reach those through the citizens
  they may see (``citizens_for``) and the benefit office through its payslips.
* Every read of a wage statement is audit-logged against its citizen (``get_audited``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet

from smaajob.access.audited import get_audited, get_visible
from smaajob.access.citizens import citizens_for
from smaajob.access.openings import NETWORK_EDITORS
from smaajob.courses.models import Placement
from smaajob.errors import NotFound
from smaajob.intermediary.models import Contract, Employment, Intermediary, Invoice, MonthlyRun, WageStatement
from smaajob.organisation.models import STAFF_ROLES, Role, User

NOT_FOUND = "Posten findes ikke, eller du har ikke adgang til den."
# Days after the last day of an employment in which the intermediary still sees the citizen:
# the month's run comes after the month ends and the payslip is due on the 20th after that.
INTERMEDIARY_GRACE_DAYS = 62
# Staff who may read the intermediary arrangements (analysts see aggregates only).
READERS = STAFF_ROLES - {Role.ANALYST}
# Staff who set up contracts and employ a placement through an intermediary.
CONTRACT_EDITORS = NETWORK_EDITORS


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def intermediary_of(user: User) -> Intermediary | None:
    """The intermediary an intermediary user belongs to; None for anyone else."""
    if not (_active(user) and user.role == Role.INTERMEDIARY):
        return None
    membership = getattr(user, "intermediary_membership", None)
    return membership.intermediary if membership is not None else None


def intermediaries_for(user: User) -> QuerySet[Intermediary]:
    if not _active(user):
        return Intermediary.objects.none()
    own = intermediary_of(user)
    if own is not None:
        return Intermediary.objects.filter(pk=own.pk)
    if user.role in READERS and user.municipality_id is not None:
        return Intermediary.objects.filter(municipality_id=user.municipality_id)
    return Intermediary.objects.none()


def contracts_for(user: User) -> QuerySet[Contract]:
    return Contract.objects.filter(intermediary__in=intermediaries_for(user))


def get_contract(user: User, contract_id: int | str) -> Contract:
    return get_visible(contracts_for(user).select_related("intermediary", "company"), contract_id, not_found=NOT_FOUND)


def may_edit_contracts(user: User) -> bool:
    return _active(user) and user.role in CONTRACT_EDITORS


def require_contract_editor(user: User) -> None:
    if not may_edit_contracts(user):
        raise NotFound(NOT_FOUND)


def _employment_window(on: date) -> Q:
    cutoff = on - timedelta(days=INTERMEDIARY_GRACE_DAYS)
    return Q(placement__actual_end__isnull=True) | Q(placement__actual_end__gte=cutoff)


def employments_for(user: User, *, on: date | None = None) -> QuerySet[Employment]:
    """The intermediary's own employments in the window; staff those of the citizens they see."""
    on = on or date.today()
    own = intermediary_of(user)
    if own is not None:
        return Employment.objects.filter(contract__intermediary=own).filter(_employment_window(on))
    if _active(user) and user.role in READERS:
        return Employment.objects.filter(placement__course__citizen__in=citizens_for(user, on=on))
    return Employment.objects.none()


def intermediary_placements(user: User, *, on: date | None = None) -> QuerySet[Placement]:
    """The placements an intermediary user employs (in the window); none for anyone else."""
    if intermediary_of(user) is None:
        return Placement.objects.none()
    return Placement.objects.filter(pk__in=employments_for(user, on=on).values("placement_id"))


def employed_citizen_ids(user: User, *, on: date | None = None) -> QuerySet[Employment, Any]:
    """``citizens_for`` for an intermediary user: the citizens it employs."""
    return employments_for(user, on=on).values("placement__course__citizen_id")


def runs_for(user: User) -> QuerySet[MonthlyRun]:
    return MonthlyRun.objects.filter(intermediary__in=intermediaries_for(user))


def get_run(user: User, run_id: int | str) -> MonthlyRun:
    return get_visible(runs_for(user).select_related("intermediary"), run_id, not_found=NOT_FOUND)


def may_run_month(user: User) -> bool:
    """Only the intermediary itself runs its month (it is the employer and the invoicer)."""
    return intermediary_of(user) is not None


def require_run_maker(user: User) -> Intermediary:
    own = intermediary_of(user)
    if own is None:
        raise NotFound(NOT_FOUND)
    return own


def invoices_for(user: User) -> QuerySet[Invoice]:
    """Invoices name citizens on their lines: the intermediary its own; staff who may edit the
    network (consultants, coordinators, administrators) the municipality's."""
    if intermediary_of(user) is not None:
        return Invoice.objects.filter(run__in=runs_for(user))
    if may_edit_contracts(user):
        return Invoice.objects.filter(run__in=runs_for(user))
    return Invoice.objects.none()


def get_invoice(user: User, invoice_id: int | str, *, channel: str | None = None) -> Invoice:
    return get_audited(
        user,
        invoices_for(user).select_related("run__intermediary", "company", "contract"),
        invoice_id,
        object_type="intermediary_invoice",
        citizen_of=lambda i: None,
        not_found=NOT_FOUND,
        channel=channel,
        purpose="faktura fra mellemled",
    )


def wage_statements_for(user: User) -> QuerySet[WageStatement]:
    if intermediary_of(user) is not None:
        return WageStatement.objects.filter(run__in=runs_for(user))
    if _active(user) and user.role in READERS:
        return WageStatement.objects.filter(run__in=runs_for(user), citizen__in=citizens_for(user))
    return WageStatement.objects.none()


def get_wage_statement(user: User, statement_id: int | str, *, channel: str | None = None) -> WageStatement:
    return get_audited(
        user,
        wage_statements_for(user).select_related("run__intermediary", "citizen", "placement__company", "payslip"),
        statement_id,
        object_type="wage_statement",
        citizen_of=lambda s: s.citizen_id,
        not_found=NOT_FOUND,
        channel=channel,
        purpose="lønopgørelse fra mellemled",
    )
