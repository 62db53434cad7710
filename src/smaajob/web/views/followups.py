# SPDX-License-Identifier: MPL-2.0
"""The weekly follow-up (journey 5): one short form with defaults, and the schedule."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from smaajob import access
from smaajob.access.requests import AuthenticatedRequest
from smaajob.courses import selectors, services
from smaajob.courses.selectors import active_on
from smaajob.web.errors import renders_errors
from smaajob.web.form_pages import form_page
from smaajob.web.forms.followups import FollowUpForm


@login_required
@renders_errors
def follow_up_new(request: AuthenticatedRequest, course_id: int) -> HttpResponse:
    access.require_case_writer(request.user)
    course = access.get_course(request.user, course_id, purpose="opfølgning")
    today = date.today()
    placements = course.placements.filter(active_on(today)).select_related("company")
    form = FollowUpForm(
        request.POST or None, placements=placements, interval_days=course.project.follow_up_interval_days
    )
    return form_page(
        request,
        form,
        save=lambda data: services.record_follow_up(actor=request.user, course=course, **data),
        done=f"Opfølgningen for {course.citizen.full_name} er gemt.",
        then=("web:worklist",) if request.GET.get("tilbage") == "arbejdsliste" else ("web:citizen", course.citizen_id),
        template="web/followups/new.html",
        context={
            "course": course,
            "citizen": course.citizen,
            "due": selectors.follow_up_due(course, today),
            "today": today,
            "schedule": selectors.follow_up_schedule(course, today),
            "last": course.follow_ups.order_by("-happened_on").first(),
        },
    )
