# SPDX-License-Identifier: MPL-2.0
"""Matching (journey 3): suggested openings for a citizen and citizens for an opening, each
with the engine's explanation; propose a match (the employer is asked about pay first, and
the citizen sees nothing until the employer agrees); book the match meeting."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.courses import selectors, services
from smaajob.errors import SmaajobError
from smaajob.web.errors import form_error, renders_errors
from smaajob.web.forms.employer import MeetingForm, ProposalAnswerForm


def _page[S](result: selectors.Suggestions[S]) -> dict[str, object]:
    return {
        "suggestions": result.suggestions,
        "note": result.note,
        "rejected": result.rejected,
        "problem": result.problem,
        "unlocated_companies": result.unlocated_companies,
    }


@login_required
@renders_errors
def for_citizen(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, purpose="match: jobåbninger")
    result = selectors.suggested_openings(citizen, access.openings_for(request.user), date.today())
    return render(request, "web/matching/for_citizen.html", {"citizen": citizen, **_page(result)})


@login_required
@renders_errors
def for_opening(request: AuthenticatedRequest, opening_id: int) -> HttpResponse:
    access.require_case_writer(request.user)
    opening = access.get_opening(request.user, opening_id)
    result = selectors.suggested_citizens(opening, access.citizens_for(request.user), date.today())
    access.log_list_read(request.user, [s.citizen.pk for s in result.suggestions], purpose="match: borgere")
    return render(request, "web/matching/for_opening.html", {"opening": opening, **_page(result)})


@login_required
@renders_errors
def propose(request: AuthenticatedRequest) -> HttpResponse:
    access.require_case_writer(request.user)
    if request.method != "POST":
        return redirect("web:home")
    citizen = access.get_citizen(request.user, request.POST.get("borger", ""), purpose="matchforslag")
    opening = access.get_opening(request.user, request.POST.get("jobaabning", ""))
    course = selectors.require_open_course(citizen)
    proposal = services.propose_match(actor=request.user, course=course, opening=opening, on=date.today())
    messages.success(
        request,
        f"{citizen.full_name} er foreslået til »{opening.title}«. Spørg {opening.company.name} om løn, "
        "før borgeren hører om det.",
    )
    return redirect("web:proposal", proposal.pk)


@login_required
@renders_errors
def proposal_detail(request: AuthenticatedRequest, proposal_id: int) -> HttpResponse:
    access.require_case_writer(request.user)
    proposal = access.get_proposal(request.user, proposal_id, purpose="matchforslag")
    answer_form = (
        ProposalAnswerForm(request.POST or None) if request.POST.get("handling") == "svar" else ProposalAnswerForm()
    )
    meeting_form = MeetingForm(request.POST or None) if request.POST.get("handling") == "mode" else MeetingForm()
    if request.method == "POST":
        try:
            if request.POST.get("handling") == "svar" and answer_form.is_valid():
                services.answer_proposal(
                    actor=request.user,
                    proposal=proposal,
                    agrees=answer_form.cleaned_data["agrees"],
                    on=date.today(),
                    note=answer_form.cleaned_data["note"],
                )
                messages.success(request, "Virksomhedens svar er registreret.")
                return redirect("web:proposal", proposal.pk)
            if request.POST.get("handling") == "mode" and meeting_form.is_valid():
                services.book_match_meeting(
                    actor=request.user,
                    proposal=proposal,
                    at=meeting_form.cleaned_data["at"],
                    place=meeting_form.cleaned_data["place"],
                )
                messages.success(request, "Matchmødet er booket.")
                return redirect("web:proposal", proposal.pk)
        except SmaajobError as error:
            form_error(answer_form if request.POST.get("handling") == "svar" else meeting_form, error)
    return render(
        request,
        "web/matching/proposal.html",
        {
            "proposal": proposal,
            "answer_form": answer_form,
            "meeting_form": meeting_form,
            "citizen": proposal.course.citizen,
        },
    )
