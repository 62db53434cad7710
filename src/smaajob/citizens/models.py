# SPDX-License-Identifier: MPL-2.0
"""Citizens and the dated facts about them that the effort and the benefit rules need.

The CPR number is sensitive: it is stored once, encrypted (``smaajob.citizens.cpr_fields``),
never put in a URL, a log line or a list (lists show ``masked_cpr``), and records are looked up
by their internal id; by CPR only through ``smaajob.citizens.selectors.citizen_by_cpr``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from smaajob.annulment import Annullable
from smaajob.choices import QuickChoiceLabels
from smaajob.citizens.cpr_fields import CprHashField, EncryptedCprField
from smaajob.dated import DatedFact
from smaajob.network.models import DanishLevel
from smaajob.organisation.models import Project, TargetGroup
from smaajob.places.location import LOCATION_SOURCES
from smaajob.rules.case import EXEMPTION_GROUND_TEXT, ExemptionGround, SpouseSupport
from smaajob.validators import mask_cpr


class MaritalStatus(models.TextChoices):
    SINGLE = "single", _("Enlig")
    MARRIED = "married", _("Gift / registreret partnerskab")
    COHABITING = "cohabiting", _("Samlevende")


def full_name_of(first_name: str, last_name: str) -> str:
    """A citizen's name as ``Citizen.full_name`` writes it, for readers of plain rows."""
    return f"{first_name} {last_name}"


class Citizen(QuickChoiceLabels, models.Model):
    # Unique within a municipality, not across them: each municipality keeps its own record
    # of a person (it is its own data controller), so that a visitation in one municipality
    # never meets, and never learns about, another municipality's record.
    # Encrypted at rest (a Fernet token in the column); found and kept unique through the
    # keyed hash ``cpr_hash``, which every write computes from ``cpr`` (docs/security.md).
    cpr = EncryptedCprField(_("CPR-nummer"))
    cpr_hash = CprHashField(_("CPR-opslagsnøgle"))
    first_name = models.CharField(_("fornavn"), max_length=100)
    last_name = models.CharField(_("efternavn"), max_length=100)
    birth_date = models.DateField(_("fødselsdato"))
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    postcode = models.CharField(_("postnummer"), max_length=4, blank=True)
    city = models.CharField(_("by"), max_length=100, blank=True)
    latitude = models.FloatField(_("breddegrad"), null=True, blank=True)
    longitude = models.FloatField(_("længdegrad"), null=True, blank=True)
    # Where the coordinates come from: the postcode table, typed by hand, or none (smaajob.places).
    location_source = models.CharField(_("placering"), max_length=10, choices=LOCATION_SOURCES, blank=True)
    municipality = models.ForeignKey("organisation.Municipality", on_delete=models.PROTECT, related_name="citizens")
    marital_status = models.CharField(
        _("civilstand"), max_length=12, choices=MaritalStatus.choices, default=MaritalStatus.SINGLE
    )
    spouse = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="spouse_of",
        verbose_name=_("ægtefælle"),
    )
    weekly_hours_capacity = models.DecimalField(
        _("kan arbejde timer pr. uge"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    availability = models.JSONField(_("kan arbejde (ugedage og tider)"), default=list, blank=True)
    restriction_tags = models.JSONField(_("skånehensyn (kategorier)"), default=list, blank=True)
    restriction_text = models.TextField(_("skånehensyn (beskrivelse)"), blank=True)
    competences = models.JSONField(_("kompetencer"), default=list, blank=True)
    certificates = models.JSONField(_("certifikater"), default=list, blank=True)
    wished_sectors = models.JSONField(_("ønskede brancher"), default=list, blank=True)
    wishes = models.TextField(_("ønsker"), blank=True)
    job_goal = models.CharField(_("jobmål"), max_length=200, blank=True)
    danish_level = models.PositiveSmallIntegerField(
        _("danskniveau"), choices=DanishLevel.choices, default=DanishLevel.FLUENT
    )
    travel_limit_km = models.PositiveSmallIntegerField(_("kan rejse højst (km)"), default=15)
    waiting_since = models.DateField(_("venter på match siden"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="citizen",
        verbose_name=_("borgerens log-in"),
    )
    is_synthetic = models.BooleanField(_("syntetisk demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set by the retention job (smaajob.privacy.retention): the record names nobody any more.
    anonymised_on = models.DateField(_("anonymiseret den"), null=True, blank=True)

    class Meta:
        verbose_name = _("borger")
        verbose_name_plural = _("borgere")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weekly_hours_capacity__isnull=True)
                | (models.Q(weekly_hours_capacity__gte=0) & models.Q(weekly_hours_capacity__lte=168)),
                name="citizen_capacity_in_week",
            ),
            models.CheckConstraint(condition=~models.Q(spouse=models.F("id")), name="citizen_not_own_spouse"),
            models.UniqueConstraint(fields=["municipality", "cpr_hash"], name="citizen_cpr_unique_in_municipality"),
        ]

    def __str__(self) -> str:
        # Deliberately without CPR: __str__ ends up in admin messages and logs.
        return self.full_name

    @property
    def full_name(self) -> str:
        return full_name_of(self.first_name, self.last_name)

    @property
    def masked_cpr(self) -> str:
        return mask_cpr(self.cpr)


class ReadinessCategory(models.TextChoices):
    JOBPARAT = "jobparat", _("Jobparat")
    AKTIVITETSPARAT = "aktivitetsparat", _("Aktivitetsparat")
    UDDANNELSESPARAT = "uddannelsesparat", _("Uddannelsesparat")
    AKTIVITETSPARAT_UDDANNELSESHJAELP = "aktivitetsparat_uh", _("Aktivitetsparat (uddannelseshjælp)")
    # Before 2014 (SFI 2012, Kap. 2): the three match groups.
    MATCHGRUPPE_1 = "matchgruppe_1", _("Matchgruppe 1 – jobklar")
    MATCHGRUPPE_2 = "matchgruppe_2", _("Matchgruppe 2 – indsatsklar")
    MATCHGRUPPE_3 = "matchgruppe_3", _("Matchgruppe 3 – midlertidig passiv")
    # The employment reform (lov nr. 1750 af 29/12/2025 and the agreement of 9 April 2025,
    # "13 målgrupper bliver til 5"): the five groups, named as in the expert group's
    # recommendation "Fremtidens beskæftigelsesindsats" (juni 2024, BEU Alm.del bilag 205).
    # The categories above stay for history: old rows keep the category they were given.
    DAGPENGEINDSATS = "dagpengeindsats", _("Dagpengeindsats (dagpengemodtagere)")
    JOBSOEGNINGSINDSATS = (
        "jobsoegningsindsats",
        _("Jobsøgningsindsats (jobparate kontanthjælps- og ledighedsydelsesmodtagere)"),
    )
    JOBHJAELPSINDSATS = (
        "jobhjaelpsindsats",
        _("Jobhjælpsindsats (kontanthjælpsmodtagere med behov for hjælp ud over ledighed)"),
    )
    SYGEDAGPENGEINDSATS = "sygedagpengeindsats", _("Sygedagpengeindsats (sygemeldte)")
    OEVRIGE = "oevrige", _("Indsats for øvrige borgere (førtidspension, selvforsørgende, unge under 18)")


# The target groups of the 2026 reform, offered for new records; the others are history.
REFORM_2026_TARGET_GROUPS = (
    ReadinessCategory.DAGPENGEINDSATS,
    ReadinessCategory.JOBSOEGNINGSINDSATS,
    ReadinessCategory.JOBHJAELPSINDSATS,
    ReadinessCategory.SYGEDAGPENGEINDSATS,
    ReadinessCategory.OEVRIGE,
)


class Readiness(DatedFact):
    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="readiness_history")
    category = models.CharField(_("visitationskategori"), max_length=20, choices=ReadinessCategory.choices)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta(DatedFact.Meta):
        verbose_name = _("visitationskategori")
        verbose_name_plural = _("visitationskategorier")
        constraints = [DatedFact.period_constraint("readiness_period")]


class BenefitType(models.TextChoices):
    KONTANTHJAELP = "kontanthjaelp", _("Kontanthjælp")
    UDDANNELSESHJAELP = "uddannelseshjaelp", _("Uddannelseshjælp")
    INTEGRATIONSYDELSE = "integrationsydelse", _(
        "Integrationsydelse / selvforsørgelses- og hjemrejseydelse / overgangsydelse"
    )
    RESSOURCEFORLOEBSYDELSE = "ressourceforloebsydelse", _("Ressourceforløbsydelse")
    LEDIGHEDSYDELSE = "ledighedsydelse", _("Ledighedsydelse")
    REVALIDERING = "revalidering", _("Revalideringsydelse")
    DAGPENGE = "dagpenge", _("Dagpenge")
    SYGEDAGPENGE = "sygedagpenge", _("Sygedagpenge")
    NONE = "none", _("Ingen ydelse")


class BenefitRate(models.TextChoices):
    FULL = "full", _("Fuld sats (forsørger / højeste)")
    LOWER = "lower", _("Lavere sats")


class Benefit(DatedFact):
    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="benefit_history")
    benefit_type = models.CharField(_("ydelse"), max_length=30, choices=BenefitType.choices)
    rate = models.CharField(_("sats"), max_length=8, choices=BenefitRate.choices, default=BenefitRate.FULL)
    monthly_amount = models.DecimalField(
        _("månedligt beløb (kr.)"), max_digits=9, decimal_places=2, null=True, blank=True
    )

    class Meta(DatedFact.Meta):
        verbose_name = _("ydelse")
        verbose_name_plural = _("ydelser")
        constraints = [DatedFact.period_constraint("benefit_period")]


class RateFacts(DatedFact):
    """The facts the kontanthjælp rate follows from since 1 July 2025 (the kontanthjælp reform,
    lov nr. 1655 af 30/12/2024), as the caseworker recorded them; age comes from the birth date.

    ``None`` means "not recorded": rows made by the migration for citizens registered before
    these facts existed carry only what older data told (``migrated``), and the rate is not
    derived until the missing facts are recorded.
    """

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="rate_facts_history")
    children = models.PositiveSmallIntegerField(_("børn under 18, som borgeren forsørger"), null=True, blank=True)
    single = models.BooleanField(_("enlig (hverken gift eller samlevende)"), null=True, blank=True)
    lives_with_parent = models.BooleanField(_("bor hos en forælder"), null=True, blank=True)
    full_time_work_years_last_10 = models.DecimalField(
        _("år med ordinært fuldtidsarbejde de seneste 10 år"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    residence_requirement_met = models.BooleanField(
        _("opholds- og beskæftigelseskravet er opfyldt"), null=True, blank=True
    )
    migrated = models.BooleanField(_("udfyldt ved opdatering (ikke registreret af en medarbejder)"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta(DatedFact.Meta):
        verbose_name = _("oplysninger til satsen")
        verbose_name_plural = _("oplysninger til satsen")
        constraints = [
            DatedFact.period_constraint("rate_facts_period"),
            models.CheckConstraint(
                condition=models.Q(full_time_work_years_last_10__isnull=True)
                | (models.Q(full_time_work_years_last_10__gte=0) & models.Q(full_time_work_years_last_10__lte=10)),
                name="rate_facts_work_years_in_ten",
            ),
        ]


# What a married citizen's spouse lives on, as the 225-hour rule asks (LAS § 13 f; the codes are
# ``smaajob.rules.case.SpouseSupport``'s, the labels Danish).
SPOUSE_SUPPORT_LABELS = {
    SpouseSupport.KONTANT_ELLER_UDDANNELSESHJAELP: _("Kontanthjælp eller uddannelseshjælp"),
    SpouseSupport.INTEGRATIONSYDELSE: _("Integrationsydelse / selvforsørgelses- og hjemrejseydelse / overgangsydelse"),
    SpouseSupport.RESSOURCEFORLOEBSYDELSE: _("Ressourceforløbsydelse"),
    SpouseSupport.PENSION: _("Pension (folkepension eller førtidspension)"),
    SpouseSupport.SU: _("SU"),
    SpouseSupport.EFTERLOEN: _("Efterløn"),
    SpouseSupport.OTHER: _("Andet (fx arbejde eller dagpenge)"),
}
SPOUSE_SUPPORT_CHOICES = [(kind.value, label) for kind, label in SPOUSE_SUPPORT_LABELS.items()]
EXEMPTION_GROUND_CHOICES = [
    (ground.value, EXEMPTION_GROUND_TEXT[ground][0].upper() + EXEMPTION_GROUND_TEXT[ground][1:])
    for ground in ExemptionGround
]


class CoverageFacts(DatedFact):
    """The facts who is covered by the 225-hour rule follows from, beyond the benefit itself
    (``Benefit.benefit_type``) and the marital status, as the caseworker recorded them
    (issue 20 item 7; ``smaajob.rules.hours_requirement.coverage_by_benefit``).

    ``spouse_support``: what a married citizen's spouse lives on (blank: not recorded; a linked
    spouse's own benefit answers then). ``provider``: the couple has forsørgelsespligt over for
    børn (``None``: not recorded; the rate facts' number of children answers then).
    ``full_child_benefit_from``: the day the family became entitled to full børne- og ungeydelse.
    """

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="coverage_facts_history")
    spouse_support = models.CharField(
        _("ægtefællen lever af"), max_length=40, choices=SPOUSE_SUPPORT_CHOICES, blank=True
    )
    provider = models.BooleanField(_("ægteparret forsørger børn"), null=True, blank=True)
    full_child_benefit_from = models.DateField(_("ret til fuld børne- og ungeydelse fra"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta(DatedFact.Meta):
        verbose_name = _("oplysninger om, hvem der er omfattet af 225-timersreglen")
        verbose_name_plural = _("oplysninger om, hvem der er omfattet af 225-timersreglen")
        constraints = [DatedFact.period_constraint("coverage_facts_period")]


class WorkDuty(DatedFact):
    """The citizen is subject to the work duty (arbejdspligt) from ``valid_from``: a recorded
    decision with its legal basis and the duty hours planned per week (``None``: not planned yet).
    Ordinary paid hours (a småjob) count towards the duty (star.dk, "Om arbejdspligt")."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="work_duties")
    legal_basis = models.CharField(_("hjemmel"), max_length=200)
    planned_hours_per_week = models.DecimalField(
        _("planlagte timer i arbejdspligten pr. uge"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    note = models.TextField(_("bemærkning"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta(DatedFact.Meta):
        verbose_name = _("arbejdspligt")
        verbose_name_plural = _("arbejdspligt")
        constraints = [
            DatedFact.period_constraint("work_duty_period"),
            models.CheckConstraint(
                condition=models.Q(planned_hours_per_week__isnull=True)
                | (models.Q(planned_hours_per_week__gte=0) & models.Q(planned_hours_per_week__lte=37)),
                name="work_duty_hours_at_most_37",
            ),
            models.CheckConstraint(condition=~models.Q(legal_basis=""), name="work_duty_has_legal_basis"),
        ]


class WorkDutyWeek(models.Model):
    """Hours the citizen attended in the work duty's activities in one ISO week (Monday).

    Småjob hours are not typed here: they come from the hours ledger and are added when the
    week is shown (``smaajob.courses.work_duty``)."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="work_duty_weeks")
    week_start = models.DateField(_("uge (mandag)"))
    attended_hours = models.DecimalField(_("fremmødte timer"), max_digits=4, decimal_places=1)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["week_start"]
        verbose_name = _("fremmøde i arbejdspligten")
        verbose_name_plural = _("fremmøde i arbejdspligten")
        constraints = [
            models.UniqueConstraint(fields=["citizen", "week_start"], name="work_duty_week_once"),
            models.CheckConstraint(
                condition=models.Q(attended_hours__gte=0) & models.Q(attended_hours__lte=168),
                name="work_duty_week_hours_in_week",
            ),
        ]


class ProjectMembership(DatedFact):
    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="project_memberships")
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="memberships")
    target_group = models.ForeignKey(TargetGroup, on_delete=models.PROTECT, null=True, blank=True)

    class Meta(DatedFact.Meta):
        verbose_name = _("projektdeltagelse")
        verbose_name_plural = _("projektdeltagelser")
        constraints = [DatedFact.period_constraint("membership_period")]


class StaffRole(models.TextChoices):
    CASEWORKER = "caseworker", _("Rådgiver")
    CONSULTANT = "consultant", _("Virksomhedskonsulent")


class Assignment(DatedFact):
    """Which caseworker and which company consultant hold the citizen, when."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="assignments")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments")
    staff_role = models.CharField(_("rolle"), max_length=12, choices=StaffRole.choices)

    class Meta(DatedFact.Meta):
        verbose_name = _("tilknyttet medarbejder")
        verbose_name_plural = _("tilknyttede medarbejdere")
        constraints = [DatedFact.period_constraint("assignment_period")]
        indexes = [models.Index(fields=["staff", "staff_role", "valid_to"])]


class DisclosableFact(models.TextChoices):
    """What an employer may be told, each only with the citizen's explicit consent (003 §3.4.3)."""

    NAME = "name", _("Navn")
    CONTACT = "contact", _("Telefon og adresse")
    RESTRICTIONS = "restrictions", _("Skånehensyn")
    HEALTH = "health", _("Helbred og diagnoser")
    LANGUAGE = "language", _("Danskniveau")
    COMPETENCES = "competences", _("Kompetencer og certifikater")
    BENEFIT = "benefit", _("Ydelse og forløbstype")
    JOB_GOAL = "job_goal", _("Jobmål og ønsker")


class Consent(DatedFact):
    """The facts the citizen agreed an employer may see; a new row replaces the old one."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="consents")
    facts = models.JSONField(_("må oplyses til virksomheden"), default=list)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta(DatedFact.Meta):
        verbose_name = _("samtykke til videregivelse")
        verbose_name_plural = _("samtykker til videregivelse")
        constraints = [DatedFact.period_constraint("consent_period")]


class Commitment(models.Model):
    """Other fixed activities (language school, treatment) that block weekly time slots."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="commitments")
    description = models.CharField(_("aktivitet"), max_length=200)
    slots = models.JSONField(_("ugedage og tider"), default=list)
    starts_on = models.DateField(_("fra"))
    ends_on = models.DateField(_("til"), null=True, blank=True)

    class Meta:
        verbose_name = _("anden aktivitet")
        verbose_name_plural = _("andre aktiviteter")


class SickLeave(models.Model):
    """Recorded sick leave; it extends the 225-hour window (000 Bilag 3)."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="sick_leave")
    starts_on = models.DateField(_("fra"))
    ends_on = models.DateField(_("til og med"))

    class Meta:
        verbose_name = _("sygeperiode")
        verbose_name_plural = _("sygeperioder")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="sick_leave_period")
        ]


class ExemptionDecision(QuickChoiceLabels, Annullable):
    """A caseworker's decision that the 225-hour rule does not apply (LAS § 13 f, stk. 9).

    Always a person's decision with reason, legal basis and a review date — never automatic.
    """

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="exemptions")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField(_("afgjort den"))
    valid_from = models.DateField(_("gælder fra"))
    valid_to = models.DateField(_("gælder til og med"), null=True, blank=True)
    reason = models.TextField(_("begrundelse"))
    legal_basis = models.CharField(_("hjemmel"), max_length=200, default="LAS § 13 f, stk. 9")
    # The named legal ground of the exemption (LAS § 13 f stk. 9 and the guidance's cases).
    ground = models.CharField(
        _("grundlag"), max_length=40, choices=EXEMPTION_GROUND_CHOICES, default=ExemptionGround.WORK_CAPACITY.value
    )
    review_on = models.DateField(_("revurderes senest"))

    class Meta:
        verbose_name = _("fritagelse fra 225-timersreglen")
        verbose_name_plural = _("fritagelser fra 225-timersreglen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="exemption_period",
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="exemption_has_reason"),
        ]


class TransferStatus(models.TextChoices):
    PENDING = "pending", _("Afventer svar")
    ACCEPTED = "accepted", _("Accepteret")
    REFUSED = "refused", _("Afvist")


class TransferRequest(QuickChoiceLabels, models.Model):
    """A caseworker's request to take over a citizen who already has another caseworker.

    A visitation that finds the citizen held by someone else makes one of these instead of
    reassigning. The current caseworker or their coordinator accepts or refuses it; only an
    acceptance changes the caseworker (a dated ``Assignment``, as any reassignment).
    """

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="transfer_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("anmodet af")
    )
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("rådgiver ved anmodningen")
    )
    reason = models.TextField(_("begrundelse"))
    requested_at = models.DateTimeField(_("anmodet"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=TransferStatus.choices, default=TransferStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("besvaret"), null=True, blank=True)
    decision_note = models.TextField(_("svar"), blank=True)

    class Meta:
        verbose_name = _("anmodning om overdragelse")
        verbose_name_plural = _("anmodninger om overdragelse")
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="transfer_has_reason"),
            models.UniqueConstraint(
                fields=["citizen", "requested_by"],
                condition=models.Q(status="pending"),
                name="transfer_one_pending_per_requester",
            ),
        ]
