# SPDX-License-Identifier: MPL-2.0
"""Match proposals: asking the employer first, the employer's answer, the match meeting."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from smaajob.audit.models import AuditAction
from smaajob.citizens.models import Citizen
from smaajob.courses.models import (
    Course,
    MatchProposal,
    ProposalStatus,
)
from smaajob.courses.selectors.matching import missing_consents, suggested_openings
from smaajob.courses.services._audit import _log
from smaajob.courses.services.lifecycle import _walk_to
from smaajob.courses.states import CourseState
from smaajob.errors import InvalidInput
from smaajob.network.models import Opening
from smaajob.organisation.models import User


def _require_consent(citizen: Citizen, opening: Opening, on: date) -> None:
    """Refuse a match the matching engine would refuse for missing consent (003 §3.4.3)."""
    from smaajob.matching.model import FACT_DA, Fact

    missing = missing_consents(citizen, opening, on)
    if missing:
        facts = " og ".join(FACT_DA[Fact(f)] for f in sorted(missing))
        raise InvalidInput(
            f"Virksomheden skal have oplyst {facts}, men borgeren har ikke givet samtykke til at "
            "videregive det. Registrér samtykket under ressourceafdækningen først.",
            field="consent",
            code="consent_missing",
        )


def _ranking(citizen: Citizen, opening: Opening, on: date) -> tuple[float | None, str]:
    """The engine's score and explanation of this one match; none where it cannot rank (an
    address not yet located, an opening it finds infeasible)."""
    result = suggested_openings(citizen, Opening.objects.filter(pk=opening.pk), on, kept_pool=False,
                                avoid_clashes=False)
    if not result.suggestions:
        return None, ""
    best = result.suggestions[0]
    return best.score, best.explanation.text() if best.explanation else ""


@transaction.atomic
def propose_match(
    *,
    actor: User,
    course: Course,
    opening: Opening,
    on: date,
) -> MatchProposal:
    """Ask the employer first: the proposal is hidden from the citizen until they agree (001).

    The proposal keeps the matching engine's score and Danish explanation for this citizen and
    opening (``_ranking``), whichever page or API call proposes it.
    """
    if course.state == CourseState.EXITED:
        raise InvalidInput("Forløbet er afsluttet.", field="course")
    if opening.status != "open":
        raise InvalidInput("Jobåbningen er ikke åben længere.", field="opening")
    live = MatchProposal.objects.filter(course=course, opening=opening).exclude(
        status__in=[ProposalStatus.DECLINED, ProposalStatus.WITHDRAWN]
    )
    if live.exists():
        raise InvalidInput("Borgeren er allerede foreslået til denne opgave.", field="opening")
    _require_consent(course.citizen, opening, on)
    score, explanation = _ranking(course.citizen, opening, on)
    row = MatchProposal.objects.create(
        course=course, opening=opening, proposed_by=actor, proposed_on=on, score=score, explanation=explanation[:4000]
    )
    if course.state in (CourseState.VISITED, CourseState.MAPPED):
        _walk_to(actor=actor, course=course, target=CourseState.MATCHING, on=on)
    _log(actor, AuditAction.CREATE, row, course.citizen_id, f"jobåbning {opening.pk}")
    return row


@transaction.atomic
def answer_proposal(*, actor: User, proposal: MatchProposal, agrees: bool, on: date, note: str = "") -> MatchProposal:
    """The employer (or the consultant on the employer's behalf) answers about pay."""
    if proposal.status != ProposalStatus.ASKED:
        raise InvalidInput("Forslaget er allerede besvaret.", field="status")
    if actor.role == "employer" and proposal.opening.company_id != actor.company_id:
        raise InvalidInput("Forslaget hører til en anden virksomhed.", field="proposal")
    if agrees:
        # The citizen may have withdrawn consent since the proposal was made.
        _require_consent(proposal.course.citizen, proposal.opening, on)
    proposal.status = ProposalStatus.AGREED if agrees else ProposalStatus.DECLINED
    proposal.answered_on = on
    proposal.employer_note = note[:2000]
    proposal.save(update_fields=["status", "answered_on", "employer_note"])
    _log(actor, AuditAction.UPDATE, proposal, proposal.course.citizen_id, proposal.status)
    return proposal


@transaction.atomic
def book_match_meeting(*, actor: User, proposal: MatchProposal, at: Any, place: str = "") -> MatchProposal:
    """Book the match meeting (matchmøde) once the employer has agreed."""
    if proposal.status not in (ProposalStatus.AGREED, ProposalStatus.MEETING):
        raise InvalidInput("Book først matchmødet, når virksomheden har sagt ja til at overveje løn.", field="status")
    if at is None:
        raise InvalidInput("Angiv dato og tid for matchmødet.", field="meeting_at")
    proposal.status = ProposalStatus.MEETING
    proposal.meeting_at = at
    proposal.meeting_place = place[:200]
    proposal.save(update_fields=["status", "meeting_at", "meeting_place"])
    course = proposal.course
    if course.state in (CourseState.VISITED, CourseState.MAPPED, CourseState.MATCHING):
        _walk_to(actor=actor, course=course, target=CourseState.MATCH_MEETING, on=at.date())
    _log(actor, AuditAction.UPDATE, proposal, course.citizen_id, "matchmøde")
    return proposal
