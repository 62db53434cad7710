# SPDX-License-Identifier: MPL-2.0
"""The weekly follow-up (journey 5): one short form with defaults, and the schedule."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from smaajob import access
from smaajob.courses import selectors, services
from smaajob.courses.selectors import active_on
from smaajob.errors import SmaajobError
from smaajob.web.errors import form_error, renders_errors
from smaajob.web.forms.followups import FollowUpForm


@login_required
@renders_errors
def follow_up_new(request: HttpRequest, course_id: int) -> HttpResponse:
    access.require_case_writer(request.user)
    course = access.get_course(request.user, course_id, purpose="opfølgning")
    today = date.today()
    placements = course.placements.filter(active_on(today)).select_related("company")
    form = FollowUpForm(
        request.POST or None, placements=placements, interval_days=course.project.follow_up_interval_days
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_follow_up(actor=request.user, course=course, **form.cleaned_data)
        except SmaajobError as error:
            form_error(form, error)
        else:
            messages.success(request, f"Opfølgningen for {course.citizen.full_name} er gemt.")
            if request.GET.get("tilbage") == "arbejdsliste":
                return redirect("web:worklist")
            return redirect("web:citizen", course.citizen_id)
    return render(
        request,
        "web/followups/new.html",
        {
            "form": form,
            "course": course,
            "citizen": course.citizen,
            "due": selectors.follow_up_due(course, today),
            "today": today,
            "schedule": selectors.follow_up_schedule(course, today),
            "last": course.follow_ups.order_by("-happened_on").first(),
        },
    )
