# SPDX-License-Identifier: MPL-2.0
"""Who may see what — the one place that decides it.

Every view, API endpoint and CLI command that touches personal data goes through here
(the model is Zulip's ``access_stream_by_id``):

* ``get_audited`` / ``get_visible`` (``smaajob.access.audited``) — the one way to fetch a record
  by id from what a user may see, audit-logged for personal data; every ``get_*`` below uses it;
* ``citizens_for(user)`` — the queryset of citizens a user may open;
* ``get_citizen(user, citizen_id, channel=…)`` — one citizen, audit-logged; raises
  ``NotFound`` both when the citizen does not exist and when the user may not see them,
  so that a probe cannot learn which ids exist;
* ``employer_view(user, citizen)`` — the facts an employer contact may see: only those the
  citizen consented to disclose, never birth date or CPR, and only for citizens placed at the
  employer's company while the placement runs or ended at most ``EMPLOYER_GRACE_DAYS`` ago
  (``smaajob.access.employers``);
* ``may_read_cases`` / ``require_case_reader`` — the case (course, placements, proposals,
  timeline): not for the benefit office (payment data only) or analysts; ``may_use_worklist``
  / ``require_worklist`` — the staff worklist, for case workers only (``smaajob.access.cases``);
* ``companies_for(user)`` / ``get_company`` — the shared company network;
* ``openings_for`` / ``get_opening`` — openings (no personal data; employers their own);
* ``courses_for`` / ``get_course``, ``placements_for`` / ``get_placement``, ``get_week``,
  ``proposals_for`` / ``get_proposal`` — records that hang off a citizen, reached through
  ``citizens_for`` and audit-logged; ``require_case_writer`` / ``require_authority`` guard writes;
* ``smaajob.access.intermediary`` — intermediary employers: contracts, employees, monthly runs,
  invoices and wage statements (``intermediary_placements`` for the payslip flow);
* ``own_municipality(user)`` — the municipality a staff user writes into (their own);
* ``weeks_to_confirm_in_month`` — a month's weeks an employer may confirm in one go;
* ``smaajob.access.worklist`` — the alerts per user, from one declared list of rules;
* ``smaajob.access.search`` — the header's search box over citizens (name or CPR by POST),
  companies and openings the user may see, the listed citizens audit-logged.

Rules (DOMAIN.md §2): caseworkers see the citizens assigned to them; consultants those
referred to them; coordinators their team's citizens; the benefit office sees citizens
for payment work (payslips), not their cases; administrators everything; analysts no personal
data at all; employer contacts consented facts about citizens placed with them now; a citizen
only their own record.
"""

from smaajob.access.audited import get_audited, get_visible, parse_id
from smaajob.access.cases import may_read_cases, may_use_worklist, require_case_reader, require_worklist
from smaajob.access.citizens import (
    EmployerCitizenView,
    citizens_for,
    employer_facts,
    employer_view,
    employer_views,
    get_citizen,
    log_list_read,
)
from smaajob.access.companies import companies_for, get_company
from smaajob.access.courses import (
    courses_for,
    get_course,
    get_placement,
    get_proposal,
    get_week,
    may_decide,
    may_write_cases,
    placements_for,
    proposals_for,
    require_authority,
    require_case_writer,
)
from smaajob.access.employer_weeks import weeks_to_confirm_in_month
from smaajob.access.employers import EMPLOYER_GRACE_DAYS, employer_placements
from smaajob.access.intermediary import intermediary_placements
from smaajob.access.municipalities import own_municipality
from smaajob.access.openings import get_opening, may_edit_network, openings_for, require_network_editor

__all__ = [
    "weeks_to_confirm_in_month",
    "EMPLOYER_GRACE_DAYS",
    "EmployerCitizenView",
    "citizens_for",
    "companies_for",
    "courses_for",
    "employer_facts",
    "employer_placements",
    "employer_view",
    "employer_views",
    "get_audited",
    "get_citizen",
    "get_company",
    "get_course",
    "get_opening",
    "get_placement",
    "get_proposal",
    "get_visible",
    "get_week",
    "intermediary_placements",
    "log_list_read",
    "may_decide",
    "may_edit_network",
    "may_read_cases",
    "may_use_worklist",
    "may_write_cases",
    "openings_for",
    "own_municipality",
    "parse_id",
    "placements_for",
    "proposals_for",
    "require_authority",
    "require_case_reader",
    "require_case_writer",
    "require_network_editor",
    "require_worklist",
]
