# SPDX-License-Identifier: MPL-2.0
"""The company network: companies, contacts, buddies, outreach and openings (small tasks).

Contacts and openings belong to the municipality's shared network, not to the consultant
who recruited them, so they survive staff changes (DOMAIN.md §10).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from smaajob.annulment import Annullable
from smaajob.choices import QuickChoiceLabels
from smaajob.organisation.models import Municipality
from smaajob.places.location import LOCATION_SOURCES


class CompanySize(models.TextChoices):
    MICRO = "micro", _("1–9 ansatte")
    SMALL = "small", _("10–49 ansatte")
    MEDIUM = "medium", _("50–249 ansatte")
    LARGE = "large", _("250+ ansatte")


class Maturity(models.TextChoices):
    """How ready the company is to take citizens (modning)."""

    NEW = "new", _("Ny kontakt")
    INTERESTED = "interested", _("Interesseret")
    READY = "ready", _("Klar til forløb")
    EXPERIENCED = "experienced", _("Erfaren samarbejdspartner")


class Company(QuickChoiceLabels, models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="companies")
    cvr = models.CharField(_("CVR-nummer"), max_length=8, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    industry_code = models.CharField(_("branchekode (DB07)"), max_length=6, blank=True)
    industry_name = models.CharField(_("branche"), max_length=200, blank=True)
    sector = models.CharField(_("sektor"), max_length=60, blank=True, db_index=True)
    size = models.CharField(_("størrelse"), max_length=10, choices=CompanySize.choices, blank=True)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    postcode = models.CharField(_("postnummer"), max_length=4, blank=True)
    city = models.CharField(_("by"), max_length=100, blank=True)
    latitude = models.FloatField(_("breddegrad"), null=True, blank=True)
    longitude = models.FloatField(_("længdegrad"), null=True, blank=True)
    # Where the coordinates come from: the postcode table, typed by hand, or none (smaajob.places).
    location_source = models.CharField(_("placering"), max_length=10, choices=LOCATION_SOURCES, blank=True)
    partner_declaration_on = models.DateField(_("partnererklæring underskrevet"), null=True, blank=True)
    cluster = models.CharField(_("klyngenetværk"), max_length=100, blank=True)
    social_economy = models.BooleanField(_("socialøkonomisk virksomhed"), default=False)
    maturity = models.CharField(_("modning"), max_length=12, choices=Maturity.choices, default=Maturity.NEW)
    willingness_to_pay_tested = models.BooleanField(_("betalingsvilje afprøvet"), default=False)
    min_paid_hours = models.DecimalField(
        _("mindste antal løntimer pr. uge"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    placement_only = models.BooleanField(_("tilbyder kun praktik"), default=False)
    headcount_cap = models.PositiveSmallIntegerField(_("højst antal borgere ad gangen"), null=True, blank=True)
    accommodation_capacity = models.TextField(_("hvad virksomheden kan rumme"), blank=True)
    language_requirement = models.CharField(_("sprogkrav"), max_length=20, blank=True)
    recruited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recruited_companies",
        verbose_name=_("rekrutteret af"),
    )
    is_synthetic = models.BooleanField(_("syntetisk demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("virksomhed")
        verbose_name_plural = _("virksomheder")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# The order a company's contacts are shown in: the primary contact first, then by name (the
# company page lists them so, and the openings export names the first as the company's contact).
CONTACTS_FIRST = ("-is_primary", "name", "pk")


class Contact(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("navn"), max_length=200)
    title = models.CharField(_("stilling"), max_length=100, blank=True)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_primary = models.BooleanField(_("primær kontakt"), default=False)

    class Meta:
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self) -> str:
        return self.name


class Buddy(models.Model):
    """A workplace buddy (makker) who receives the citizen at the company."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="buddies")
    name = models.CharField(_("navn"), max_length=200)
    trained_on = models.DateField(_("buddy-uddannet den"), null=True, blank=True)

    class Meta:
        verbose_name = _("buddy")
        verbose_name_plural = _("buddies")

    def __str__(self) -> str:
        return self.name


class OutreachKind(models.TextChoices):
    VISIT = "visit", _("Besøg")
    CALL = "call", _("Opkald")
    CALL_DAY = "call_day", _("Ringedag")
    EMAIL = "email", _("E-mail")
    MEETING = "meeting", _("Netværksmøde")


class OutreachEntry(QuickChoiceLabels, models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="outreach")
    kind = models.CharField(_("type"), max_length=10, choices=OutreachKind.choices)
    happened_on = models.DateField(_("dato"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("kontaktlog")
        verbose_name_plural = _("kontaktlog")
        ordering = ["-happened_on"]


class OpeningKind(models.TextChoices):
    PLACEMENT = "placement", _("Virksomhedspraktik")
    PAID = "paid", _("Småjob (ordinære løntimer)")
    HYBRID = "hybrid", _("Hybridpraktik (løntimer + praktik)")
    WAGE_SUBSIDY = "wage_subsidy", _("Løntilskud")


class OpeningStatus(models.TextChoices):
    OPEN = "open", _("Åben")
    FILLED = "filled", _("Besat")
    CLOSED = "closed", _("Lukket")


class DanishLevel(models.IntegerChoices):
    """Ordered scale, shared with smaajob.matching (higher is better Danish)."""

    NONE = 0, _("Intet dansk")
    BASIC = 1, _("Lidt dansk")
    CONVERSATIONAL = 2, _("Kan føre en samtale")
    FLUENT = 3, _("Flydende")


class Opening(QuickChoiceLabels, Annullable):
    """A small task at a company (jobåbning): the unit a citizen is matched to."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="openings")
    title = models.CharField(_("opgave"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    sector = models.CharField(_("sektor"), max_length=60, blank=True)
    hours_min = models.DecimalField(_("timer pr. uge (mindst)"), max_digits=4, decimal_places=1)
    hours_max = models.DecimalField(_("timer pr. uge (højst)"), max_digits=4, decimal_places=1)
    slots = models.JSONField(_("ugedage og tider"), default=list, blank=True)
    required_certificates = models.JSONField(_("krævede certifikater"), default=list, blank=True)
    required_competences = models.JSONField(_("krævede kompetencer"), default=list, blank=True)
    language_requirement = models.PositiveSmallIntegerField(
        _("sprogkrav"), choices=DanishLevel.choices, default=DanishLevel.NONE
    )
    accommodation_tags = models.JSONField(_("hensyn virksomheden kan tage"), default=list, blank=True)
    kind = models.CharField(_("type"), max_length=12, choices=OpeningKind.choices)
    capacity = models.PositiveSmallIntegerField(_("antal pladser"), default=1)
    buddy = models.ForeignKey(Buddy, on_delete=models.SET_NULL, null=True, blank=True, related_name="openings")
    status = models.CharField(_("status"), max_length=8, choices=OpeningStatus.choices, default=OpeningStatus.OPEN)
    opens_on = models.DateField(_("fra"), null=True, blank=True)
    closes_on = models.DateField(_("til"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("jobåbning")
        verbose_name_plural = _("jobåbninger")
        constraints = [
            models.CheckConstraint(condition=models.Q(hours_min__gte=0), name="opening_hours_min_nonnegative"),
            models.CheckConstraint(condition=models.Q(hours_max__lte=168), name="opening_hours_max_168"),
            models.CheckConstraint(
                condition=models.Q(hours_max__gte=models.F("hours_min")), name="opening_hours_max_ge_min"
            ),
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="opening_capacity_positive"),
            models.CheckConstraint(
                condition=models.Q(closes_on__isnull=True)
                | models.Q(opens_on__isnull=True)
                | models.Q(closes_on__gte=models.F("opens_on")),
                name="opening_closes_after_opens",
            ),
        ]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.company})"
