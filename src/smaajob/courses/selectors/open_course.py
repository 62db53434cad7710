# SPDX-License-Identifier: MPL-2.0
"""Which course a page and a write act on: the one rule for "the open course".

A citizen may have open courses in several projects at once. The one acted on (the citizen
page's actions, a new placement, matching, the resource mapping, a match proposal) is the
**most recently started** open course; on a tie the one registered last. The citizen page
names it and lists the other open courses, so the caseworker sees which one a button means.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from smaajob.citizens.models import Citizen
from smaajob.courses.models import Course
from smaajob.courses.states import CourseState
from smaajob.errors import NotFound

NO_OPEN_COURSE = "Borgeren har intet åbent forløb; visitér først."


@dataclass(frozen=True)
class OpenCourses:
    current: Course | None
    others: tuple[Course, ...] = ()


def open_courses_of(citizen: Citizen) -> OpenCourses:
    """The course acted on and the other open courses, newest first."""
    rows = tuple(
        Course.objects.filter(citizen=citizen)
        .exclude(state=CourseState.EXITED)
        .select_related("project")
        .order_by("-started_on", "-pk")
    )
    return OpenCourses(current=rows[0] if rows else None, others=rows[1:])


def open_courses_among(courses: Iterable[Course]) -> OpenCourses:
    """``open_courses_of`` from the citizen's courses already read (all of them, as
    ``citizen.courses`` gives them): the same rule, without asking the database again."""
    rows = sorted(
        (c for c in courses if c.state != CourseState.EXITED), key=lambda c: (c.started_on, c.pk), reverse=True
    )
    return OpenCourses(current=rows[0] if rows else None, others=tuple(rows[1:]))


def open_course(citizen: Citizen) -> Course | None:
    return open_courses_of(citizen).current


def require_open_course(citizen: Citizen) -> Course:
    """The open course, or ``NotFound`` with the Danish reason (a write needs a course)."""
    course = open_course(citizen)
    if course is None:
        raise NotFound(NO_OPEN_COURSE)
    return course
