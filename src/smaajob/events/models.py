# SPDX-License-Identifier: MPL-2.0
"""Network events (arrangementer) of a municipality's company network.

An event belongs to the municipality, like the network itself (DOMAIN.md §10). Companies and
their contacts are invited, contacts (or buddies) register, and attendance is ticked off on the
day. A buddy who attends a buddy training is recorded as trained (``Buddy.trained_on``). ERFA
meetings come as a series (every 6–8 weeks, seed 003 VTA §2, "ERFA-møder hver 6.-8. uge").
A call day (outreach campaign) logs each call in the company's existing outreach log.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from smaajob.choices import QuickChoiceLabels
from smaajob.network.models import Buddy, Company, Contact, OutreachEntry
from smaajob.organisation.models import Municipality


class EventKind(models.TextChoices):
    CLUSTER = "cluster", _("Klyngemøde")
    BUDDY_TRAINING = "buddy_training", _("Buddytræning")
    ERFA = "erfa", _("ERFA-møde")
    MENTOR_COURSE = "mentor_course", _("Virksomhedsmentorkursus")
    CALL_DAY = "call_day", _("Ringedag (opsøgning)")


class EventSeries(models.Model):
    """A recurring series, e.g. ERFA meetings every 6–8 weeks."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="event_series")
    kind = models.CharField(_("type"), max_length=16, choices=EventKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    interval_weeks = models.PositiveSmallIntegerField(_("uger mellem møderne"))

    class Meta:
        verbose_name = _("mødeserie")
        verbose_name_plural = _("mødeserier")

    def __str__(self) -> str:
        return self.title


class Event(QuickChoiceLabels, models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="events")
    series = models.ForeignKey(EventSeries, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    kind = models.CharField(_("type"), max_length=16, choices=EventKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"))
    place = models.CharField(_("sted"), max_length=200, blank=True)
    organiser = models.CharField(_("arrangør"), max_length=200, blank=True)
    agenda = models.TextField(_("dagsorden"), blank=True)
    capacity = models.PositiveSmallIntegerField(_("antal pladser"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_synthetic = models.BooleanField(_("syntetisk demodata"), default=False)

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=1), name="event_capacity_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Invitation(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="event_invitations")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "company", "contact"], name="invitation_once")]


class Registration(models.Model):
    """One participant: a company's contact or buddy (or a named guest of the company)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="event_registrations")
    contact = models.ForeignKey(Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    buddy = models.ForeignKey(Buddy, on_delete=models.SET_NULL, null=True, blank=True, related_name="registrations")
    name = models.CharField(_("deltager"), max_length=200)
    registered_at = models.DateTimeField(auto_now_add=True)
    attended = models.BooleanField(_("deltog"), default=False)

    class Meta:
        ordering = ["company__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "contact"], name="registration_contact_once"),
            models.UniqueConstraint(fields=["event", "buddy"], name="registration_buddy_once"),
        ]


class CampaignCall(models.Model):
    """A call made on a call day; the call itself lives in the company's outreach log."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="calls")
    outreach = models.OneToOneField(OutreachEntry, on_delete=models.CASCADE, related_name="campaign_call")
