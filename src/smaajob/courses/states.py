# SPDX-License-Identifier: MPL-2.0
"""The course (forløb) state machine and exit outcomes.

The path follows DOMAIN.md §4 (001 Figure 1, 003 §2.3–2.4, 004 §2.2.3). Besides the forward
path, the real trajectories go back: a match meeting that fails returns to matching; a
placement that ends without pay returns to matching for a new company; a citizen in paid
hours may start a new placement to learn new tasks; and any open course can exit.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from smaajob.errors import IllegalTransition


class CourseState(models.TextChoices):
    VISITED = "visited", _("Visiteret")
    MAPPED = "mapped", _("Ressourceafdækket")
    MATCHING = "matching", _("Matchning")
    MATCH_MEETING = "match_meeting", _("Matchmøde")
    PLACEMENT = "placement", _("Virksomhedspraktik")
    PAID_HOURS = "paid_hours", _("Løntimer (småjob)")
    FOLLOW_UP = "follow_up", _("Fastholdelse / opfølgning")
    EXITED = "exited", _("Afsluttet")


ALLOWED: dict[str, frozenset[str]] = {
    CourseState.VISITED: frozenset({CourseState.MAPPED}),
    CourseState.MAPPED: frozenset({CourseState.MATCHING}),
    CourseState.MATCHING: frozenset({CourseState.MATCH_MEETING, CourseState.MAPPED}),
    CourseState.MATCH_MEETING: frozenset({CourseState.PLACEMENT, CourseState.PAID_HOURS, CourseState.MATCHING}),
    CourseState.PLACEMENT: frozenset({CourseState.PAID_HOURS, CourseState.MATCHING}),
    CourseState.PAID_HOURS: frozenset({CourseState.FOLLOW_UP, CourseState.PLACEMENT, CourseState.MATCHING}),
    CourseState.FOLLOW_UP: frozenset({CourseState.PAID_HOURS, CourseState.MATCHING}),
    CourseState.EXITED: frozenset(),
}
# Any open course may end; the exit itself carries the outcome.
for _state, _targets in list(ALLOWED.items()):
    if _state != CourseState.EXITED:
        ALLOWED[_state] = _targets | {CourseState.EXITED}


class ExitOutcome(models.TextChoices):
    ORDINARY_JOB = "ordinary_job", _("Ordinært job")
    FLEXJOB = "flexjob", _("Fleksjob")
    EDUCATION = "education", _("Uddannelse")
    WAGE_SUBSIDY = "wage_subsidy", _("Løntilskud")
    STILL_IN_SMAAJOB_6M = "smaajob_6m", _("Stadig i småjob efter 6 måneder")
    RETURNED = "returned", _("Tilbage til almindelig indsats")
    STOPPED = "stopped", _("Stoppet")


class StopReason(models.TextChoices):
    HEALTH = "health", _("Helbred")
    INSTABILITY = "instability", _("Ustabilt fremmøde")
    EMPLOYER_DECLINED = "employer_declined", _("Virksomheden sagde nej")
    FIRED = "fired", _("Afskediget")
    MOVED = "moved", _("Fraflyttet")
    PRISON = "prison", _("Afsoning")
    PENSION = "pension", _("Førtidspension")
    OTHER = "other", _("Andet")


def check_transition(current: str, target: str) -> None:
    if target not in ALLOWED.get(current, frozenset()):
        allowed = sorted(CourseState(s).label for s in ALLOWED.get(current, frozenset()))
        now = CourseState(current).label
        goal = CourseState(target).label if target in CourseState.values else target
        hint = f"Tilladte næste trin: {', '.join(str(a) for a in allowed)}." if allowed else "Forløbet er afsluttet."
        raise IllegalTransition(f"Et forløb kan ikke gå fra »{now}« til »{goal}«. {hint}", field="state")
