# SPDX-License-Identifier: MPL-2.0
"""Providers, the offer catalogue, orders to providers and the providers' progress reports.

Seed 002 (SFI 2012, kap. 3) describes the jobcentre's side: a catalogue of offers, orders to
providers (anden aktør, AMU centres, language schools, mentors) and progress reports coming
back; seed 003 (VTA §2.6) adds competence lifts with unit prices (food hygiene ≈ 25 h × 600 kr,
a language lift ≈ 2,800 kr a week for 10–12 weeks). A provider is an organisation of the
municipality's own network of suppliers, not a company of the job network: it has contacts and
log-ins (``User.provider``) but no openings and no place in matching.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from smaajob.choices import QuickChoiceLabels
from smaajob.danish_numbers import format_date
from smaajob.offers.legal_basis import CHOICES as LEGAL_BASIS_CHOICES
from smaajob.organisation.models import Municipality


class ProviderKind(models.TextChoices):
    OTHER_ACTOR = "other_actor", _("Anden aktør")
    AMU = "amu", _("AMU-center")
    LANGUAGE_SCHOOL = "language_school", _("Sprogskole")
    MENTOR = "mentor", _("Mentorleverandør")
    OTHER = "other", _("Anden leverandør")


class Provider(QuickChoiceLabels, models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="providers")
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=ProviderKind.choices)
    cvr = models.CharField(_("CVR-nummer"), max_length=8, blank=True)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    is_synthetic = models.BooleanField(_("syntetisk demodata"), default=False)

    class Meta:
        verbose_name = _("leverandør")
        verbose_name_plural = _("leverandører")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="provider_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class ProviderContact(models.Model):
    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("navn"), max_length=200)
    title = models.CharField(_("stilling"), max_length=200, blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["name"]


class OfferKind(models.TextChoices):
    COURSE = "course", _("Kursus")
    COMPETENCE_LIFT = "competence_lift", _("Kompetenceløft")
    MENTOR = "mentor", _("Mentor")
    LANGUAGE_LIFT = "language_lift", _("Sprogløft")
    HEALTH = "health", _("Sundhedsrettet tilbud")
    OTHER = "other", _("Andet")


class PriceUnit(models.TextChoices):
    HOUR = "hour", _("pr. time")
    WEEK = "week", _("pr. uge")
    COURSE = "course", _("pr. forløb")


class Offer(QuickChoiceLabels, models.Model):
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="offers")
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=OfferKind.choices)
    content = models.TextField(_("indhold"), blank=True)
    duration_weeks = models.PositiveSmallIntegerField(_("varighed (uger)"))
    hours_per_week = models.DecimalField(_("timer pr. uge"), max_digits=4, decimal_places=1)
    price_kr = models.DecimalField(_("pris (kr.)"), max_digits=10, decimal_places=2)
    price_unit = models.CharField(_("pris pr."), max_length=8, choices=PriceUnit.choices)
    capacity = models.PositiveSmallIntegerField(_("pladser"), null=True, blank=True)
    # A tag in the same vocabulary as ``Opening.required_certificates`` and
    # ``Citizen.certificates`` (lower case), so a completed order makes the requirement met.
    certificate = models.CharField(_("giver certifikat"), max_length=100, blank=True)
    legal_basis = models.CharField(_("hjemmel"), max_length=20, choices=LEGAL_BASIS_CHOICES)
    is_active = models.BooleanField(_("i kataloget"), default=True)
    is_synthetic = models.BooleanField(_("syntetisk demodata"), default=False)

    class Meta:
        verbose_name = _("tilbud")
        verbose_name_plural = _("tilbud")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(price_kr__gte=0), name="offer_price_not_negative"),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gt=0) & models.Q(hours_per_week__lte=168),
                name="offer_hours_in_week",
            ),
            models.CheckConstraint(condition=models.Q(duration_weeks__gte=1), name="offer_lasts_a_week"),
        ]

    def __str__(self) -> str:
        return self.title


class OfferStart(models.Model):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="starts")
    starts_on = models.DateField(_("startdato"))

    class Meta:
        ordering = ["starts_on"]
        constraints = [models.UniqueConstraint(fields=["offer", "starts_on"], name="offer_start_once")]


class OrderState(models.TextChoices):
    ORDERED = "ordered", _("Bestilt")
    ACCEPTED = "accepted", _("Accepteret")
    STARTED = "started", _("I gang")
    COMPLETED = "completed", _("Gennemført")
    INTERRUPTED = "interrupted", _("Afbrudt")


# From each state, the states an order may move to; interrupted and completed are final.
ORDER_TRANSITIONS: dict[str, tuple[str, ...]] = {
    OrderState.ORDERED: (OrderState.ACCEPTED, OrderState.INTERRUPTED),
    OrderState.ACCEPTED: (OrderState.STARTED, OrderState.INTERRUPTED),
    OrderState.STARTED: (OrderState.COMPLETED, OrderState.INTERRUPTED),
    OrderState.COMPLETED: (),
    OrderState.INTERRUPTED: (),
}
OPEN_STATES = (OrderState.ORDERED, OrderState.ACCEPTED, OrderState.STARTED)


class Order(QuickChoiceLabels, models.Model):
    """A bestilling: one offer for one citizen, with its own period, hours, price and purpose."""

    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="orders")
    citizen = models.ForeignKey("citizens.Citizen", on_delete=models.CASCADE, related_name="offer_orders")
    # The course the order belongs to (its project), as ``courses.selectors.open_course`` names it.
    course = models.ForeignKey(
        "courses.Course", on_delete=models.SET_NULL, null=True, blank=True, related_name="offer_orders"
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("slut"))
    hours_per_week = models.DecimalField(_("timer pr. uge"), max_digits=4, decimal_places=1)
    price_kr = models.DecimalField(_("aftalt pris i alt (kr.)"), max_digits=10, decimal_places=2)
    purpose = models.TextField(_("formål"))
    report_every_days = models.PositiveSmallIntegerField(_("statusrapport hver N. dag"), default=28)
    state = models.CharField(_("status"), max_length=12, choices=OrderState.choices, default=OrderState.ORDERED)
    ordered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    certificate_added_on = models.DateField(_("certifikat tilføjet"), null=True, blank=True)
    is_synthetic = models.BooleanField(_("syntetisk demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bestilling")
        verbose_name_plural = _("bestillinger")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="order_ends_after_start"
            ),
            models.CheckConstraint(condition=models.Q(price_kr__gte=0), name="order_price_not_negative"),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gt=0) & models.Q(hours_per_week__lte=168),
                name="order_hours_in_week",
            ),
            models.CheckConstraint(condition=models.Q(state__in=OrderState.values), name="order_state_known"),
        ]

    def __str__(self) -> str:
        return f"{self.offer.title} ({format_date(self.starts_on)})"


class OrderTransition(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="transitions")
    to_state = models.CharField(_("til status"), max_length=12, choices=OrderState.choices)
    happened_on = models.DateField(_("dato"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField(_("begrundelse"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["happened_on", "pk"]


class Attendance(models.TextChoices):
    FULL = "full", _("Fuldt fremmøde")
    MOSTLY = "mostly", _("Stort set fremmøde")
    IRREGULAR = "irregular", _("Uregelmæssigt fremmøde")
    ABSENT = "absent", _("Udeblevet")


class ProgressReport(models.Model):
    """A statusrapport from the provider: attendance, progress against the purpose, next step."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="reports")
    reported_on = models.DateField(_("dato"))
    is_final = models.BooleanField(_("slutrapport"), default=False)
    attendance = models.CharField(_("fremmøde"), max_length=10, choices=Attendance.choices)
    hours_attended = models.DecimalField(_("timer deltaget i perioden"), max_digits=6, decimal_places=1, null=True)
    progress = models.TextField(_("progression i forhold til formålet"))
    next_step = models.TextField(_("anbefalet næste skridt"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reported_on", "pk"]
