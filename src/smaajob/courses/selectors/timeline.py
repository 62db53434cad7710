# SPDX-License-Identifier: MPL-2.0
"""A citizen's timeline: the dated events of their courses, placements and records."""

from __future__ import annotations

from typing import Any

from smaajob.citizens.models import Assignment, Citizen, ExemptionDecision
from smaajob.courses.models import CourseTransition, FollowUp, MatchProposal, Placement
from smaajob.danish_numbers import format_date


def timeline(citizen: Citizen) -> list[dict[str, Any]]:
    """Everything that happened on a citizen's case, oldest first, as ``{on, kind, text}``."""
    events: list[dict[str, Any]] = []
    # Each query reads the columns its lines are written from (``only``): the timeline of a long
    # case has hundreds of rows, and a whole model row (a user's, a placement's) costs to build.
    for t in (
        CourseTransition.objects.filter(course__citizen=citizen)
        .select_related("course__project")
        .only("happened_on", "to_state", "reason", "course__exit_outcome", "course__project__name")
    ):
        text = f"{t.course.project.name}: {t.get_to_state_display()}"
        if t.course.exit_outcome and t.to_state == "exited":
            text += f" – {t.course.get_exit_outcome_display()}"
        events.append({"on": t.happened_on, "kind": "forløb", "text": text, "note": t.reason})
    for p in (
        Placement.objects.filter(course__citizen=citizen)
        .select_related("company")
        .only("kind", "actual_start", "planned_start", "actual_end", "company__name")
    ):
        start = p.actual_start or p.planned_start
        events.append(
            {
                "on": start,
                "kind": "placering",
                "text": f"{p.get_kind_display()} hos {p.company.name}",
                "note": "planlagt" if p.actual_start is None else "",
            }
        )
        if p.actual_end:
            events.append(
                {
                    "on": p.actual_end,
                    "kind": "placering",
                    "text": f"{p.get_kind_display()} hos {p.company.name} slutter",
                    "note": "",
                }
            )
    for f in FollowUp.objects.filter(course__citizen=citizen).only(
        "happened_on", "effectiveness", "channel", "attendance", "notes"
    ):
        eff = f" · effektivitet {f.effectiveness}/10" if f.effectiveness is not None else ""
        events.append(
            {
                "on": f.happened_on,
                "kind": "opfølgning",
                "text": f"Opfølgning ({f.get_channel_display().lower()}): {f.get_attendance_display().lower()}{eff}",
                "note": f.notes,
            }
        )
    for e in ExemptionDecision.objects.filter(citizen=citizen).only("decided_on", "legal_basis", "review_on", "reason"):
        events.append(
            {
                "on": e.decided_on,
                "kind": "afgørelse",
                "text": f"Fritaget for 225-timersreglen ({e.legal_basis}), revurderes {format_date(e.review_on)}",
                "note": e.reason,
            }
        )
    for m in (
        MatchProposal.objects.filter(course__citizen=citizen)
        .select_related("opening__company")
        .only("proposed_on", "status", "opening__title", "opening__company__name")
    ):
        events.append(
            {
                "on": m.proposed_on,
                "kind": "match",
                "text": f"Foreslået til »{m.opening.title}« hos {m.opening.company.name}: {m.get_status_display()}",
                "note": "",
            }
        )
    for a in (
        Assignment.objects.filter(citizen=citizen)
        .select_related("staff")
        .only("valid_from", "staff_role", "staff__first_name", "staff__last_name", "staff__username")
    ):
        events.append(
            {
                "on": a.valid_from,
                "kind": "tilknytning",
                "text": f"{a.get_staff_role_display()}: {a.staff.get_full_name() or a.staff.username}",
                "note": "",
            }
        )
    events.sort(key=lambda e: e["on"])
    return events
