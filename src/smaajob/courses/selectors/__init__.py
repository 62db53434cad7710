# SPDX-License-Identifier: MPL-2.0
"""Reads about courses, placements and the hours ledger, one module per sub-domain.

* ``ledger`` — planned hours, what runs on a day, open courses, a placement's weeks;
* ``open_course`` — the one rule for which open course a page and a write act on;
* ``follow_ups`` — when follow-ups are due;
* ``timeline`` — a citizen's timeline;
* ``hours_requirement`` — the 225-hour status (one citizen or many);
* ``matching`` — the matching engine's inputs, consent, suggestions;
* ``opening_pool`` — the open openings as the engine's pool, kept between requests until they change;
* ``companies`` — a company's conversion record and the company search that needs it;
* ``dashboard`` — dashboard figures and caseloads.

The names are re-exported here, so ``from smaajob.courses import selectors`` keeps working.
"""

# Imported from here by other apps before the split; the set itself is ``rules_case``'s.
from smaajob.courses.rules_case import COVERED_BENEFITS  # noqa: E402
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
    hours_requirement_case,
    hours_requirement_for,
    hours_requirement_for_many,
    hours_requirement_in_force,
    last_hours_requirement_status,
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
from smaajob.courses.selectors.open_course import OpenCourses, open_course, open_courses_of, require_open_course
from smaajob.courses.selectors.opening_pool import matching_openings
from smaajob.courses.selectors.timeline import timeline

__all__ = [
    "COVERED_BENEFITS",
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
    "hours_requirement_case",
    "hours_requirement_for",
    "hours_requirement_for_many",
    "hours_requirement_in_force",
    "last_hours_requirement_status",
    "matching_candidate",
    "matching_openings",
    "missing_consents",
    "open_course",
    "open_courses",
    "open_courses_of",
    "planned_hours_on",
    "require_open_course",
    "search_companies",
    "suggested_citizens",
    "suggested_openings",
    "timeline",
    "unlocated_companies",
]
