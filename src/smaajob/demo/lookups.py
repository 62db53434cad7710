# SPDX-License-Identifier: MPL-2.0
"""Staff lookups of the demo citizen's record, as they would happen on the web, so that the
citizen's page "Hvem har set mine oplysninger" and the DPO's audit trail (``/tilsyn/``) have
something to show (issue 14, ``smaajob.privacy``). Each is an ordinary audited read."""

from __future__ import annotations

from collections.abc import Iterable

from smaajob import access
from smaajob.audit import context
from smaajob.audit.models import AuditChannel
from smaajob.citizens.models import Citizen
from smaajob.errors import NotFound
from smaajob.organisation.models import User

PURPOSES = ("sagsbehandling", "forberedelse af opfølgning", "matchning")


def write_lookups(citizen: Citizen, staff: Iterable[User]) -> int:
    done = 0
    for user, purpose in zip(staff, PURPOSES, strict=False):
        with context.operation(AuditChannel.WEB, user):
            try:
                access.get_citizen(user, citizen.pk, purpose=purpose)
            except NotFound:
                continue  # this member of staff does not have the citizen
        done += 1
    return done
