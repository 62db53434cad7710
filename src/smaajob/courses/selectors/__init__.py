# SPDX-License-Identifier: MPL-2.0
"""Reads about courses, placements and the hours ledger, one module per sub-domain.

* ``ledger`` — planned hours, what runs on a day, open courses, a placement's weeks;
* ``open_course`` — the one rule for which open course a page and a write act on;
* ``follow_ups`` — when follow-ups are due;
* ``timeline`` — a citizen's timeline;
* ``hours_requirement`` — whether the 225-hour rule is in force (the status is ``smaajob.cases``'s);
* ``matching`` — the matching engine's inputs, consent, suggestions;
* ``opening_pool`` — the open openings as the engine's pool, kept between requests until they change;
* ``companies`` — a company's conversion record and the company search that needs it;
* ``dashboard`` — dashboard figures and caseloads.

The names are re-exported here, so ``from smaajob.courses import selectors`` keeps working.
"""

from smaajob.courses.selectors.companies import CompanyRecord, company_record, search_companies
from smaajob.courses.selectors.dashboard import HOUR_BUCKETS, caseloads, dashboard
from smaajob.courses.selectors.follow_ups import (
    COMPANY_STATES,
    follow_up_due,
    follow_up_due_dates,
    follow_up_is_due,
    follow_up_schedule,
)
from smaajob.courses.selectors.hours_requirement import (
    HOURS_REQUIREMENT_LAST_DAY,
    hours_requirement_in_force,
)
from smaajob.courses.selectors.ledger import active_on, hours_ledger, open_courses, planned_hours_on
from smaajob.courses.selectors.matching import (
    CitizenSuggestion,
    OpeningSuggestion,
    Suggestions,
    citizen_location_note,
    matching_candidate,
    missing_consents,
    suggested_citizens,
    suggested_openings,
    unlocated_companies,
)
from smaajob.courses.selectors.open_course import (
    OpenCourses,
    open_course,
    open_courses_among,
    open_courses_of,
    require_open_course,
)
from smaajob.courses.selectors.opening_pool import matching_openings
from smaajob.courses.selectors.timeline import timeline

__all__ = [
    "COMPANY_STATES",
    "CitizenSuggestion",
    "CompanyRecord",
    "HOURS_REQUIREMENT_LAST_DAY",
    "HOUR_BUCKETS",
    "OpenCourses",
    "OpeningSuggestion",
    "Suggestions",
    "active_on",
    "caseloads",
    "citizen_location_note",
    "company_record",
    "dashboard",
    "follow_up_due",
    "follow_up_due_dates",
    "follow_up_is_due",
    "follow_up_schedule",
    "hours_ledger",
    "hours_requirement_in_force",
    "matching_candidate",
    "matching_openings",
    "missing_consents",
    "open_course",
    "open_courses",
    "open_courses_among",
    "open_courses_of",
    "planned_hours_on",
    "require_open_course",
    "search_companies",
    "suggested_citizens",
    "suggested_openings",
    "timeline",
    "unlocated_companies",
]
