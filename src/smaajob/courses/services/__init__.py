# SPDX-License-Identifier: MPL-2.0
"""Writes for courses, one module per sub-domain; every function is one transaction and refuses
bad input before writing anything.

* ``lifecycle`` — visitation into a project, state changes, the job plan's sub-goals;
* ``visitation`` — visitation in one step and the resource mapping page;
* ``placements`` — placements and their step-up, start, end, conversion; ending a course;
* ``ledger`` — the weekly hours ledger;
* ``follow_ups`` — follow-ups;
* ``proposals`` — match proposals and the match meeting.

The names are re-exported here, so ``from smaajob.courses import services`` keeps working.
"""

from smaajob.courses.services.follow_ups import record_follow_up
from smaajob.courses.services.ledger import confirm_week, monday_of, record_week, record_weeks
from smaajob.courses.services.lifecycle import change_state, set_sub_goals, start_course
from smaajob.courses.services.placements import (
    convert_placement,
    create_placement,
    end_course,
    end_placement,
    parse_step_up,
    register_placement,
    start_placement,
)
from smaajob.courses.services.proposals import answer_proposal, book_match_meeting, propose_match
from smaajob.courses.services.visitation import map_resources, visit_citizen

__all__ = [
    "answer_proposal",
    "book_match_meeting",
    "change_state",
    "confirm_week",
    "convert_placement",
    "create_placement",
    "end_course",
    "end_placement",
    "map_resources",
    "monday_of",
    "parse_step_up",
    "propose_match",
    "record_follow_up",
    "record_week",
    "record_weeks",
    "register_placement",
    "set_sub_goals",
    "start_course",
    "start_placement",
    "visit_citizen",
]
