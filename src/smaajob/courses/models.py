# SPDX-License-Identifier: MPL-2.0
"""Courses (forløb), their dated transitions, placements with stepped hours, the weekly
hours ledger and follow-ups. Writes go through ``smaajob.courses.services``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from smaajob.annulment import Annullable
from smaajob.choices import QuickChoiceLabels
from smaajob.citizens.models import Citizen
from smaajob.courses.states import CourseState, ExitOutcome, StopReason
from smaajob.network.models import Company, Opening, OpeningKind
from smaajob.organisation.models import Project


class Course(QuickChoiceLabels, Annullable):
    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="courses")
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="courses")
    state = models.CharField(_("status"), max_length=16, choices=CourseState.choices, default=CourseState.VISITED)
    started_on = models.DateField(_("visiteret den"))
    ended_on = models.DateField(_("afsluttet den"), null=True, blank=True)
    exit_outcome = models.CharField(_("resultat"), max_length=16, choices=ExitOutcome.choices, blank=True)
    stop_reason = models.CharField(_("årsag til stop"), max_length=20, choices=StopReason.choices, blank=True)
    sub_goals = models.JSONField(_("delmål"), default=list, blank=True)

    class Meta:
        verbose_name = _("forløb")
        verbose_name_plural = _("forløb")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="course_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="exited") | ~models.Q(exit_outcome=""),
                name="course_exit_has_outcome",
            ),
        ]
        indexes = [models.Index(fields=["state"]), models.Index(fields=["project", "started_on"])]


class CourseTransition(QuickChoiceLabels, models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=16, choices=CourseState.choices, blank=True)
    to_state = models.CharField(max_length=16, choices=CourseState.choices)
    happened_on = models.DateField(_("dato"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("begrundelse"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["happened_on", "id"]
        verbose_name = _("forløbsskift")
        verbose_name_plural = _("forløbsskift")


class Placement(QuickChoiceLabels, Annullable):
    """A citizen at a company: praktik, paid hours, hybrid or wage subsidy."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="placements")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="placements")
    opening = models.ForeignKey(Opening, on_delete=models.SET_NULL, null=True, blank=True, related_name="placements")
    kind = models.CharField(_("type"), max_length=12, choices=OpeningKind.choices)
    planned_start = models.DateField(_("planlagt start"))
    planned_end = models.DateField(_("planlagt slut"), null=True, blank=True)
    actual_start = models.DateField(_("faktisk start"), null=True, blank=True)
    actual_end = models.DateField(_("faktisk slut"), null=True, blank=True)
    slots = models.JSONField(_("ugedage og tider"), default=list, blank=True)
    tasks = models.TextField(_("opgaver"), blank=True)
    previous = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="converted_to",
        verbose_name=_("omdannet fra"),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("placering")
        verbose_name_plural = _("placeringer")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end__isnull=True) | models.Q(planned_end__gte=models.F("planned_start")),
                name="placement_planned_period",
            ),
            models.CheckConstraint(
                condition=models.Q(actual_end__isnull=True)
                | models.Q(actual_start__isnull=True)
                | models.Q(actual_end__gte=models.F("actual_start")),
                name="placement_actual_period",
            ),
        ]


class HoursStep(models.Model):
    """Planned hours per week from a date: the step-up 2 → 6 → 12 that VITAS cannot express."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="steps")
    from_date = models.DateField(_("fra"))
    hours_per_week = models.DecimalField(_("timer pr. uge"), max_digits=4, decimal_places=1)

    class Meta:
        ordering = ["from_date"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "from_date"], name="hours_step_unique_date"),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gte=0) & models.Q(hours_per_week__lte=168),
                name="hours_step_in_week",
            ),
        ]


class HoursSource(models.TextChoices):
    CONSULTANT = "consultant", _("Registreret af konsulent")
    EMPLOYER = "employer", _("Indberettet af virksomhed")
    PAYSLIP = "payslip", _("Lønseddel")


class WeeklyHours(QuickChoiceLabels, Annullable):
    """The hours ledger: one row per placement and ISO week (``week_start`` is a Monday).

    Paid ≠ effective (001: Omar paid 6 h, effective 4); paid and training task hours are
    kept sharply apart in hybrid placements.
    """

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="weeks")
    week_start = models.DateField(_("uge (mandag)"))
    hours_present = models.DecimalField(_("timer til stede"), max_digits=5, decimal_places=2, default=0)
    hours_paid = models.DecimalField(_("løntimer"), max_digits=5, decimal_places=2, default=0)
    hours_effective = models.DecimalField(_("effektive timer"), max_digits=5, decimal_places=2, default=0)
    hours_training = models.DecimalField(_("timer med oplæringsopgaver"), max_digits=5, decimal_places=2, default=0)
    source = models.CharField(max_length=12, choices=HoursSource.choices, default=HoursSource.CONSULTANT)
    confirmed_by_employer = models.BooleanField(_("bekræftet af virksomheden"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["week_start"]
        verbose_name = _("ugens timer")
        verbose_name_plural = _("timeregnskab")
        constraints = [
            # One week in force per placement; an annulled week stays beside the one that replaced it.
            models.UniqueConstraint(
                fields=["placement", "week_start"],
                condition=models.Q(annulled_at__isnull=True),
                name="weekly_hours_one_per_week",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    hours_present__gte=0, hours_paid__gte=0, hours_effective__gte=0, hours_training__gte=0
                ),
                name="weekly_hours_nonnegative",
            ),
            models.CheckConstraint(condition=models.Q(hours_present__lte=168), name="weekly_hours_max_168"),
            models.CheckConstraint(
                condition=models.Q(hours_paid__lte=models.F("hours_present"))
                & models.Q(hours_effective__lte=models.F("hours_present")),
                name="weekly_hours_within_present",
            ),
        ]
        indexes = [models.Index(fields=["week_start"])]


class Channel(models.TextChoices):
    VISIT = "visit", _("Besøg på arbejdspladsen")
    PHONE = "phone", _("Telefon")
    MEETING = "meeting", _("Møde i jobcentret")
    VIDEO = "video", _("Video")
    EMPLOYER = "employer", _("Svar fra virksomheden")


class Attendance(models.TextChoices):
    AS_AGREED = "as_agreed", _("Som aftalt")
    PARTLY = "partly", _("Delvist")
    ABSENT = "absent", _("Udeblevet")
    SICK = "sick", _("Syg")


class FollowUp(QuickChoiceLabels, Annullable):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="follow_ups")
    placement = models.ForeignKey(
        Placement, on_delete=models.SET_NULL, null=True, blank=True, related_name="follow_ups"
    )
    happened_on = models.DateField(_("dato"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(_("kanal"), max_length=10, choices=Channel.choices)
    attendance = models.CharField(_("fremmøde"), max_length=10, choices=Attendance.choices)
    tasks = models.TextField(_("opgaver"), blank=True)
    effectiveness = models.PositiveSmallIntegerField(_("effektivitet (0–10)"), null=True, blank=True)
    notes = models.TextField(_("noter"), blank=True)
    next_on = models.DateField(_("næste opfølgning"), null=True, blank=True)

    class Meta:
        ordering = ["-happened_on"]
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(effectiveness__isnull=True) | models.Q(effectiveness__lte=10),
                name="follow_up_effectiveness_0_10",
            ),
            models.CheckConstraint(
                condition=models.Q(next_on__isnull=True) | models.Q(next_on__gte=models.F("happened_on")),
                name="follow_up_next_after",
            ),
        ]


class ProposalStatus(models.TextChoices):
    """A proposed match: the employer is asked about pay before the citizen hears of it (001 L289)."""

    ASKED = "asked", _("Virksomheden er spurgt")
    AGREED = "agreed", _("Virksomheden vil overveje løn")
    DECLINED = "declined", _("Virksomheden sagde nej")
    MEETING = "meeting", _("Matchmøde booket")
    WITHDRAWN = "withdrawn", _("Trukket tilbage")


# The citizen sees a proposal only once the employer has agreed to consider pay.
VISIBLE_TO_CITIZEN = frozenset({ProposalStatus.AGREED, ProposalStatus.MEETING})


class MatchProposal(QuickChoiceLabels, models.Model):
    """A consultant's proposal of a citizen for an opening, and the match meeting it leads to."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="proposals")
    opening = models.ForeignKey(Opening, on_delete=models.CASCADE, related_name="proposals")
    status = models.CharField(_("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.ASKED)
    score = models.FloatField(_("matchscore"), null=True, blank=True)
    explanation = models.TextField(_("forklaring"), blank=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_on = models.DateField(_("foreslået den"))
    answered_on = models.DateField(_("besvaret den"), null=True, blank=True)
    employer_note = models.TextField(_("virksomhedens svar"), blank=True)
    meeting_at = models.DateTimeField(_("matchmøde"), null=True, blank=True)
    meeting_place = models.CharField(_("mødested"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("matchforslag")
        verbose_name_plural = _("matchforslag")
        ordering = ["-proposed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="meeting") | models.Q(meeting_at__isnull=False),
                name="proposal_meeting_has_time",
            ),
        ]


class MatchingPoolChange(models.Model):
    """An opening, company or placement was saved or deleted: the kept matching pools read the
    openings concerned again (``smaajob.courses.selectors.opening_pool``). Not a history: rows
    older than a few days are deleted when a pool is built afresh."""

    opening_id = models.BigIntegerField(null=True)
    company_id = models.BigIntegerField(null=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("ændring til matchpuljen")
