# SPDX-License-Identifier: MPL-2.0
"""Placements (journey 4): register with a planned step-up in one form, the placement page,
convert to paid hours / hybrid / wage subsidy, end."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import HttpResponse
from django.shortcuts import redirect, render

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.courses import selectors, services
from smaajob.courses.models import Placement
from smaajob.courses.states import CourseState
from smaajob.errors import NotFound, SmaajobError
from smaajob.network.models import Opening
from smaajob.web.errors import form_error, renders_errors
from smaajob.web.form_pages import form_page, page_for
from smaajob.web.forms.placements import ConvertForm, EndPlacementForm, PlacementForm

# The most openings the placement form lists at once: a search narrows them down.
SHOWN_OPENINGS = 25


def _search(openings: QuerySet[Opening], text: str) -> QuerySet[Opening]:
    """Openings whose company or title holds every word of ``text`` (»netto opfyldning«)."""
    for word in text.split()[:6]:
        openings = openings.filter(Q(company__name__icontains=word) | Q(title__icontains=word))
    return openings


def _chosen_id(raw: str) -> int | None:
    return int(raw) if raw.isdigit() and len(raw) < 12 else None


@login_required
@renders_errors
def placement_new(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    """Register a placement. The opening is the one chosen on the matching page
    (``?jobaabning=``) or found with the search field (``?soeg=``, HTMX swaps the list as one
    types; without JavaScript the search button reloads the page): the select lists at most
    ``SHOWN_OPENINGS``, never the municipality's thousands. A save may still choose any of the
    user's open openings, and the service checks it as before."""
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, purpose="ny placering")
    course = selectors.require_open_course(citizen)
    openings = access.openings_for(request.user).filter(status="open").select_related("company")
    text = request.GET.get("soeg", "").strip()[:100]
    chosen = _chosen_id(request.POST.get("opening", "") or request.GET.get("jobaabning", ""))
    found = _search(openings, text)
    wanted = found | openings.filter(pk=chosen) if chosen is not None else found
    shown = wanted.annotate(
        first=Case(When(pk=chosen, then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("first", "company__name", "title")[:SHOWN_OPENINGS]
    total = found.count()
    if text and not total:
        empty = f"– ingen jobåbninger passer til »{text}« –"
    elif total > SHOWN_OPENINGS:
        empty = f"– {SHOWN_OPENINGS} af {total} jobåbninger; søg for at se andre –"
    else:
        empty = "– vælg opgave –"
    initial = {"opening": chosen} if chosen is not None else {}
    form = PlacementForm(request.POST or None, openings=openings, shown=shown, empty_label=empty, initial=initial)
    return form_page(
        request,
        form,
        save=lambda data: services.register_placement(
            actor=request.user,
            course=course,
            opening=data["opening"],
            kind=data["kind"],
            planned_start=data["planned_start"],
            planned_end=data["planned_end"],
            step_up=data["step_up"],
            step_every_weeks=data["step_every_weeks"],
            tasks=data["tasks"],
            deviation_reason=data["deviation_reason"],
        ),
        done=lambda _: f"Placeringen hos {form.cleaned_data['opening'].company.name} er registreret.",
        then=lambda placement: ("web:placement", placement.pk),
        template="web/placements/new.html",
        context=page_for(citizen, f"Registrér placering: {citizen.full_name}", "Registrér placering",
                         search=text, shown_limit=SHOWN_OPENINGS),
    )


@login_required
@renders_errors
def placement_detail(request: AuthenticatedRequest, placement_id: int) -> HttpResponse:
    placement = access.get_placement(request.user, placement_id, purpose="placeringsside")
    if request.user.role in ("employer", "citizen"):
        return redirect("web:home")
    today = date.today()
    return render(
        request,
        "web/placements/detail.html",
        {
            "placement": placement,
            "citizen": placement.course.citizen,
            "steps": placement.steps.all(),
            "weeks": selectors.hours_ledger(placement),
            "planned_now": selectors.planned_hours_on(placement, today),
            "follow_ups": placement.follow_ups.order_by("-happened_on")[:10],
            "convert_form": ConvertForm(),
            "end_form": EndPlacementForm(),
            "may_write": access.may_write_cases(request.user),
            "successor": Placement.objects.filter(previous=placement).first(),
        },
    )


@login_required
@renders_errors
def placement_action(request: AuthenticatedRequest, placement_id: int, action: str) -> HttpResponse:
    """Start, convert or end a placement (POST)."""
    access.require_case_writer(request.user)
    placement = access.get_placement(request.user, placement_id, purpose="placering: " + action)
    forms = {"omdan": ConvertForm, "afslut": EndPlacementForm}
    if request.method != "POST":
        return redirect("web:placement", placement.pk)
    if action == "start":
        services.start_placement(actor=request.user, placement=placement, on=date.today())
        messages.success(request, "Placeringen er startet.")
        return redirect("web:placement", placement.pk)
    if action not in forms:
        raise NotFound("Ukendt handling.")
    form = forms[action](request.POST)
    if form.is_valid():
        try:
            if action == "omdan":
                data = form.cleaned_data
                steps = services.parse_step_up(data["step_up"], start=data["on"]) if data["step_up"] else None
                successor = services.convert_placement(
                    actor=request.user, placement=placement, to_kind=data["to_kind"], on=data["on"], steps=steps
                )
                course = placement.course
                if course.state == CourseState.PLACEMENT:
                    services.change_state(
                        actor=request.user,
                        course=course,
                        to_state=CourseState.PAID_HOURS,
                        on=data["on"],
                        reason=f"omdannet til {successor.get_kind_display().lower()}",
                    )
                messages.success(request, f"Omdannet til {successor.get_kind_display().lower()}.")
                return redirect("web:placement", successor.pk)
            services.end_placement(actor=request.user, placement=placement, on=form.cleaned_data["on"])
            messages.success(request, "Placeringen er afsluttet.")
            return redirect("web:placement", placement.pk)
        except SmaajobError as error:
            # The transaction was rolled back; the object in memory may still hold the attempt.
            placement.refresh_from_db()
            form_error(form, error)
    context = {
        "placement": placement,
        "citizen": placement.course.citizen,
        "steps": placement.steps.all(),
        "weeks": selectors.hours_ledger(placement),
        "follow_ups": placement.follow_ups.order_by("-happened_on")[:10],
        "convert_form": form if action == "omdan" else ConvertForm(),
        "end_form": form if action == "afslut" else EndPlacementForm(),
        "may_write": True,
    }
    return render(request, "web/placements/detail.html", context, status=400)
