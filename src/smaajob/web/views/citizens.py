# SPDX-License-Identifier: MPL-2.0
"""The citizen's case (journey 1): visitation, resource mapping, referral to a consultant,
the 225-hour status and exemption decision, the whole course on one timeline, and the exit."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import ModelChoiceField
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from smaajob import access, cases
from smaajob.access import offers as access_offers
from smaajob.access.requests import AuthenticatedRequest
from smaajob.citizens import services as citizen_services
from smaajob.citizens.benefit_today import derived_benefit
from smaajob.citizens.models import DisclosableFact, ExemptionDecision, TransferRequest, TransferStatus
from smaajob.citizens.selectors import consented_facts_on
from smaajob.corrections.selectors import history_for_citizen
from smaajob.courses import selectors as course_selectors
from smaajob.courses import services as course_services
from smaajob.courses.models import Course
from smaajob.courses.work_duty import work_duty_on
from smaajob.identity.sessions import require_recent_login
from smaajob.offers import selectors as offer_selectors
from smaajob.organisation.models import Role, User
from smaajob.slots import describe_slots
from smaajob.web import home_pages
from smaajob.web.errors import renders_errors
from smaajob.web.form_pages import form_page, page_for
from smaajob.web.forms.cases import EndCourseForm, ExemptionForm, ReferralForm, ResourceMappingForm, VisitationForm
from smaajob.web.templatetags.danish import kort_dato


def consented_labels(facts: Iterable[str]) -> list[str]:
    """What the citizen agreed the employer may be told, by Danish name in the consent form's order."""
    given = set(facts)
    return [str(fact.label).lower() for fact in DisclosableFact if fact.value in given]


# The referral form lists every consultant of the municipality; rendering that select costs more
# than the rest of the citizen page, and its HTML depends only on the language, the day (the
# form's start date) and the consultants. So it is rendered once per such combination.
_REFERRAL_FIELDS: dict[tuple[object, ...], str] = {}

# The visiting caseworker's whole answer when the citizen has another caseworker.
TRANSFER_REQUESTED = (
    "Der er sendt en anmodning om overdragelse til borgerens nuværende rådgiver og koordinator. "
    "Du får adgang til borgeren, når anmodningen er accepteret."
)


def _referral_fields(user: User) -> str:
    form = ReferralForm(user=user)
    queryset = cast("ModelChoiceField[Any]", form.fields["consultant"]).queryset
    assert queryset is not None  # ReferralForm always gives the consultants it offers
    consultants = tuple(queryset.values_list("pk", "first_name", "last_name", "username"))
    key = (get_language(), date.today(), consultants)
    html = _REFERRAL_FIELDS.get(key)
    if html is None:
        html = render_to_string("web/_fields.html", {"form": form})
        if len(_REFERRAL_FIELDS) >= 32:
            _REFERRAL_FIELDS.clear()
        _REFERRAL_FIELDS[key] = html
    return html


def ids_url(name: str, *args: object) -> Callable[[int], str]:
    """``reverse(name, args=(*args, pk))`` for many ``pk`` of one URL: reversed once, with a
    marker id whose digits the page's ids are written in place of (``<id:…>`` writes an id as
    its digits, ``smaajob.ids.IdConverter``). A page lists dozens of such links."""
    marker = 918273645546372819
    head, tail = reverse(name, args=(*args, marker)).split(str(marker))
    return lambda pk: f"{head}{int(pk)}{tail}"


def follow_up_rows(course: Course, *, may_write: bool, url: Callable[[int], str]) -> list[tuple[object, ...]]:
    """What the course card writes for each follow-up, in the prefetched order: the day, the
    channel and the attendance as the template's ``|date:"j.n.Y"`` and ``|lower`` wrote them,
    and the correction link (empty for a reader who may not write)."""
    return [
        (
            kort_dato(f.happened_on),
            str(f.get_channel_display()).lower(),
            str(f.get_attendance_display()).lower(),
            url(f.pk) if may_write else "",
        )
        for f in course.follow_ups.all()
    ]


@login_required
@renders_errors
def citizen_detail(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    user = request.user
    # The benefit office works with income and payment data only (DOMAIN.md §2), through the
    # payslip pages; the case is refused like a citizen that is not theirs (as in the API).
    access.require_case_reader(user)
    citizen = access.get_citizen(user, citizen_id, purpose="borgerside")
    if user.role in (Role.CITIZEN, Role.EMPLOYER):
        # Their own views live on their home page; this page is the staff's case view.
        return redirect("web:home")
    today = date.today()
    context = home_pages.citizen_page(citizen, today)
    # This page lists courses without their transitions (the timeline has them); its actions
    # act on the open course ``courses.selectors.open_course`` names, and it lists the others.
    # The follow-ups each course card lists, one query for all courses (the template asked
    # twice per course); the related manager's own queryset, so the same rows in the same order.
    courses = list(citizen.courses.select_related("project").prefetch_related("follow_ups").order_by("-started_on"))
    may_write = access.may_write_cases(user)
    follow_up_url = ids_url("web:record_history", "opfoelgning")
    for each in courses:
        each.follow_up_rows = follow_up_rows(each, may_write=may_write, url=follow_up_url)  # type: ignore[attr-defined]
    hours_225, hours_225_last = cases.hours_requirement_now_and_last(citizen, today)
    # The open courses are among those just read: the same rule (``open_courses_among``).
    open_courses = course_selectors.open_courses_among(courses)
    course = open_courses.current
    context.update(
        {
            "courses": courses,
            "course": course,
            "other_open_courses": open_courses.others,
            "timeline": offer_selectors.citizen_timeline(citizen),
            "hours_225": hours_225,
            "hours_225_last": hours_225_last,
            "orders": access_offers.orders_for(user).filter(citizen=citizen).select_related("offer__provider"),
            "derived": derived_benefit(citizen, today, benefit=context["benefit"], readiness=context["readiness"]),
            "sick_leave": citizen.sick_leave.order_by("-starts_on")[:10],
            "commitments": [(c, describe_slots(c.slots)) for c in citizen.commitments.order_by("-starts_on")[:10]],
            "work_duty": work_duty_on(citizen, today),
            "exemptions": citizen.exemptions.order_by("-decided_on"),
            "corrections": history_for_citizen(citizen.pk),
            # In the order of the consent form, by their Danish names ("Navn", not "name").
            "consented": consented_labels(consented_facts_on(citizen, today)),
            "proposals": access.proposals_for(user).filter(course__citizen=citizen).select_related("opening__company"),
            "schedule": course_selectors.follow_up_schedule(course, today) if course else [],
            "follow_ups": course.follow_ups.order_by("-happened_on")[:5] if course else [],
            "may_write": may_write,
            "is_authority": user.role == Role.CASEWORKER,
            "referral_fields": _referral_fields(user) if may_write else "",
            "transfers": [
                t
                for t in citizen.transfer_requests.filter(status=TransferStatus.PENDING)
                .select_related("requested_by", "citizen")
                .order_by("requested_at")
                if citizen_services.may_answer_transfer(user, t, on=today)
            ],
        }
    )
    return render(request, "web/citizens/detail.html", context)


@login_required
@renders_errors
def visitation(request: AuthenticatedRequest) -> HttpResponse:
    access.require_authority(request.user)
    form = VisitationForm(request.POST or None, user=request.user)

    def save(data: dict[str, Any]) -> Any:
        return course_services.visit_citizen(
            actor=request.user,
            cpr=data["cpr"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            project=data["project"],
            started_on=data["started_on"],
            readiness=data["readiness"],
            benefit_type=data["benefit_type"],
            benefit_rate=data["benefit_rate"],
            address=data["address"],
            postcode=data["postcode"],
            city=data["city"],
            reason=data["reason"],
        )

    def done(course: Any) -> str:
        if isinstance(course, TransferRequest):
            # Nothing about the citizen until the transfer is accepted: not even the name.
            return TRANSFER_REQUESTED
        return f"{course.citizen.full_name} er visiteret til {course.project.name}."

    return form_page(
        request,
        form,
        save=save,
        done=done,
        then=lambda course: (
            ("web:home",) if isinstance(course, TransferRequest) else ("web:resources", course.citizen_id)
        ),
        context={"title": "Visitér borger", "submit": "Visitér"},
    )


@login_required
@require_POST
@renders_errors
def transfer_answer(request: AuthenticatedRequest, transfer_id: int, answer: str) -> HttpResponse:
    """The current caseworker or coordinator accepts or refuses a transfer request."""
    decide = citizen_services.accept_transfer if answer == "accept" else citizen_services.refuse_transfer
    transfer = decide(
        actor=request.user, transfer_id=transfer_id, on=date.today(), note=request.POST.get("note", "")[:1000]
    )
    if transfer.status == TransferStatus.ACCEPTED:
        messages.success(request, f"{transfer.requested_by.get_full_name()} er nu borgerens rådgiver.")
        return redirect("web:home")
    messages.success(request, "Anmodningen om overdragelse er afvist.")
    return redirect("web:citizen", transfer.citizen_id)


@login_required
@renders_errors
def resources(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    """Resource mapping: capacity, times, restrictions, language, consent, job goal, sub-goals."""
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, purpose="ressourceafdækning")
    course = course_selectors.open_course(citizen)
    today = date.today()
    initial = {
        "weekly_hours_capacity": citizen.weekly_hours_capacity,
        "availability": citizen.availability,
        "restriction_tags": citizen.restriction_tags,
        "restriction_text": citizen.restriction_text,
        "danish_level": citizen.danish_level,
        "competences": citizen.competences,
        "certificates": citizen.certificates,
        "wished_sectors": citizen.wished_sectors,
        "wishes": citizen.wishes,
        "job_goal": citizen.job_goal,
        "travel_limit_km": citizen.travel_limit_km,
        "consent": sorted(consented_facts_on(citizen, today)),
        "sub_goals": "\n".join(course.sub_goals) if course else "",
    }
    form = ResourceMappingForm(request.POST or None, initial=initial)

    def save(cleaned: dict[str, Any]) -> None:
        data = dict(cleaned)
        consent = data.pop("consent")
        goals = data.pop("sub_goals").splitlines()
        course_services.map_resources(
            actor=request.user, citizen=citizen, course=course, consent=consent, sub_goals=goals, on=today, **data
        )

    return form_page(
        request,
        form,
        save=save,
        done="Ressourceafdækningen er gemt.",
        then=("web:citizen", citizen.pk),
        context=page_for(citizen, f"Ressourceafdækning: {citizen.full_name}", "Gem"),
    )


@login_required
@renders_errors
def referral(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    """Refer the citizen to a company consultant (the consultant then sees the citizen)."""
    access.require_case_writer(request.user)
    citizen = access.get_citizen(request.user, citizen_id, purpose="henvisning")
    form = ReferralForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: citizen_services.assign_staff(
            actor=request.user,
            citizen=citizen,
            staff=data["consultant"],
            staff_role="consultant",
            valid_from=data["valid_from"],
        ),
        done=lambda _: f"{citizen.full_name} er henvist til {form.cleaned_data['consultant']}.",
        then=("web:citizen", citizen.pk),
        context=page_for(citizen, f"Henvis {citizen.full_name} til en virksomhedskonsulent", "Henvis"),
    )


@login_required
@require_recent_login
@renders_errors
def exemption(request: AuthenticatedRequest, citizen_id: int) -> HttpResponse:
    """The caseworker's exemption decision under the 225-hour rule, with the computed status."""
    access.require_authority(request.user)
    citizen = access.get_citizen(request.user, citizen_id, purpose="fritagelse")
    form = ExemptionForm(request.POST or None)
    return form_page(
        request,
        form,
        save=lambda data: citizen_services.decide_exemption(actor=request.user, citizen=citizen, **data),
        done="Afgørelsen om fritagelse er registreret.",
        then=("web:citizen", citizen.pk),
        template="web/citizens/exemption.html",
        context=lambda: {
            "citizen": citizen,
            "hours_225": cases.hours_requirement_for(citizen, date.today()),
            "decisions": ExemptionDecision.objects.filter(citizen=citizen).order_by("-decided_on"),
        },
    )


@login_required
@renders_errors
def end_course(request: AuthenticatedRequest, course_id: int) -> HttpResponse:
    access.require_case_writer(request.user)
    course = access.get_course(request.user, course_id, purpose="afslut forløb")
    form = EndCourseForm(request.POST or None)
    return form_page(
        request,
        form,
        save=lambda data: course_services.end_course(actor=request.user, course=course, **data),
        done="Forløbet er afsluttet.",
        then=("web:citizen", course.citizen_id),
        context=page_for(course.citizen, f"Afslut forløbet for {course.citizen.full_name}", "Afslut forløb"),
    )
