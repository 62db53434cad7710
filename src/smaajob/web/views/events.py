# SPDX-License-Identifier: MPL-2.0
"""Network events (issue 13): the calendar, an event with invitations, registrations and the
attendance list (ticked off in one go), call days, and the period report."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from smaajob import access
from smaajob.access.events import events_for, get_event, may_edit_events, require_event_editor
from smaajob.access.requests import AuthenticatedRequest
from smaajob.errors import InvalidInput, SmaajobError
from smaajob.events import selectors, services
from smaajob.events.models import Event, EventKind
from smaajob.network.models import Buddy, Company, Contact
from smaajob.web.errors import form_error, renders_errors
from smaajob.web.form_pages import form_page
from smaajob.web.forms.events import EventForm, InviteForm, RegistrationForm, ReportForm


@login_required
@renders_errors
def event_list(request: AuthenticatedRequest) -> HttpResponse:
    events = events_for(request.user)
    return render(
        request,
        "web/events/list.html",
        {
            "coming": selectors.coming(events),
            "past": selectors.with_counts(events.filter(ends_at__lt=selectors._start_of(date.today()))).order_by(
                "-starts_at"
            )[:30],
            "may_edit": may_edit_events(request.user),
        },
    )


@login_required
@renders_errors
def event_new(request: AuthenticatedRequest) -> HttpResponse:
    require_event_editor(request.user)
    return form_page(
        request,
        EventForm(request.POST or None),
        save=lambda data: services.create_event(
            actor=request.user, municipality=access.own_municipality(request.user), **data
        ),
        done=lambda event: f"{event.title} er oprettet.",
        then=lambda event: ("web:event", event.pk),
        context={"title": "Nyt arrangement", "submit": "Opret"},
    )


def _companies(event: Event) -> list[Company]:
    invited = Company.objects.filter(event_invitations__event=event).distinct()
    if invited.exists():
        return list(invited.order_by("name"))
    return list(Company.objects.filter(municipality_id=event.municipality_id).order_by("name"))


def _participant_choices(event: Event) -> list[tuple[str, str]]:
    companies = _companies(event)
    if event.kind == EventKind.BUDDY_TRAINING:
        return [
            (f"buddy:{b.pk}", f"{b.name} ({b.company.name})")
            for b in Buddy.objects.filter(company__in=companies)
            .select_related("company")
            .order_by("company__name", "name")
        ]
    return [
        (f"contact:{c.pk}", f"{c.name} ({c.company.name})")
        for c in Contact.objects.filter(company__in=companies)
        .select_related("company")
        .order_by("company__name", "name")
    ]


def _context(request: AuthenticatedRequest, event: Event, **forms: object) -> dict[str, object]:
    may_edit = may_edit_events(request.user)
    registrations = event.registrations.select_related("company")
    if not may_edit:  # an employer contact sees its own company's participants only
        company_id = request.user.company_id
        registrations = registrations.filter(company_id=company_id) if company_id is not None else registrations.none()
    context: dict[str, object] = {
        "event": event,
        "registrations": registrations,
        "attended": sum(r.attended for r in registrations),
        "invited": event.invitations.select_related("company", "contact").order_by("company__name"),
        "calls": event.calls.select_related("outreach__company").order_by("outreach__company__name"),
        "may_edit": may_edit,
        "is_call_day": event.kind == EventKind.CALL_DAY,
    }
    if may_edit:
        context["registration_form"] = forms.get("registration_form") or RegistrationForm(
            choices=_participant_choices(event)
        )
        company_choices = [
            (str(c.pk), c.name) for c in Company.objects.filter(municipality_id=event.municipality_id).order_by("name")
        ]
        context["invite_form"] = forms.get("invite_form") or InviteForm(choices=company_choices)
    context["attendance_error"] = forms.get("attendance_error")
    return context


@login_required
@renders_errors
def event_detail(request: AuthenticatedRequest, event_id: int) -> HttpResponse:
    event = get_event(request.user, event_id)
    return render(request, "web/events/detail.html", _context(request, event))


@login_required
@renders_errors
def event_action(request: AuthenticatedRequest, event_id: int, action: str) -> HttpResponse:
    """Invite, register, record attendance or log a call; errors shown on the event page."""
    require_event_editor(request.user)
    event = get_event(request.user, event_id)
    if request.method != "POST":
        return redirect("web:event", event.pk)
    extra: dict[str, object] = {}
    try:
        if action == "inviter":
            form = InviteForm(
                request.POST,
                choices=[(str(c.pk), c.name) for c in Company.objects.filter(municipality_id=event.municipality_id)],
            )
            extra["invite_form"] = form
            if form.is_valid():
                company = access.get_company(request.user, form.cleaned_data["company"])
                services.invite(event=event, company=company, contacts=company.contacts.all())
                messages.success(request, f"{company.name} er inviteret.")
                return redirect("web:event", event.pk)
        elif action == "tilmeld":
            registration_form = RegistrationForm(request.POST, choices=_participant_choices(event))
            extra["registration_form"] = registration_form
            if registration_form.is_valid():
                kind, _, pk = registration_form.cleaned_data["participant"].partition(":")
                if kind == "buddy":
                    buddy = Buddy.objects.select_related("company").get(pk=pk)
                    services.register(event=event, company=buddy.company, buddy=buddy)
                else:
                    contact = Contact.objects.select_related("company").get(pk=pk)
                    services.register(event=event, company=contact.company, contact=contact)
                messages.success(request, "Deltageren er tilmeldt.")
                return redirect("web:event", event.pk)
        elif action == "fremmoede":
            count = services.record_attendance(event=event, attended_ids=request.POST.getlist("attended"))
            messages.success(request, f"Fremmødet er gemt: {count} mødte.")
            return redirect("web:event", event.pk)
        elif action == "opkald":
            company = access.get_company(request.user, request.POST.get("company", ""))
            services.log_call(actor=request.user, event=event, company=company, note=request.POST.get("note", ""))
            messages.success(request, f"Opkaldet til {company.name} er skrevet i kontaktloggen.")
            return redirect("web:event", event.pk)
        else:
            raise InvalidInput("Ukendt handling.")
    except SmaajobError as error:
        if action == "fremmoede" or action == "opkald":
            extra["attendance_error"] = error.message
        else:
            for f in extra.values():
                form_error(f, error)
        return render(request, "web/events/detail.html", _context(request, event, **extra), status=400)
    return render(request, "web/events/detail.html", _context(request, event, **extra), status=400)


@login_required
@renders_errors
def event_report(request: AuthenticatedRequest) -> HttpResponse:
    today = date.today()
    form = ReportForm(request.GET or None, initial={"start": date(today.year, 1, 1), "end": today})
    start, end = date(today.year, 1, 1), today
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        if end < start:
            form.add_error("end", "Til-datoen skal ligge samme dag som eller efter fra-datoen.")
    data = selectors.report(events_for(request.user), start=start, end=end) if not form.errors else None
    return render(request, "web/events/report.html", {"form": form, "report": data})
