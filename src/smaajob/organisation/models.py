# SPDX-License-Identifier: MPL-2.0
"""Who works in the effort: municipalities, teams, projects and users with their roles.

A user has exactly one role. Staff roles follow DOMAIN.md §2; employer contacts are linked
to a company, citizen users to their own citizen record (set on the citizen side).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from smaajob.choices import QuickChoiceLabels


class Municipality(models.Model):
    code = models.CharField(_("kommunekode"), max_length=3, unique=True)
    name = models.CharField(_("navn"), max_length=100)

    class Meta:
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(_("navn"), max_length=100)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="team_unique_name")]

    def __str__(self) -> str:
        return self.name


class Project(models.Model):
    """A local effort such as VTA or STV, with its own target groups and follow-up rhythm."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="projects")
    name = models.CharField(_("navn"), max_length=100)
    description = models.TextField(_("beskrivelse"), blank=True)
    follow_up_interval_days = models.PositiveSmallIntegerField(
        _("opfølgning hver N. dag"),
        default=7,
        help_text=_("VTA følger op hver uge (7); STV hver 3.–4. uge (21–28)."),
    )
    weeks_without_pay_alert = models.PositiveSmallIntegerField(_("advarsel efter N uger uden løntimer"), default=8)
    starts_on = models.DateField(_("startdato"), null=True, blank=True)
    ends_on = models.DateField(_("slutdato"), null=True, blank=True)

    class Meta:
        verbose_name = _("projekt")
        verbose_name_plural = _("projekter")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="project_unique_name"),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class TargetGroup(models.Model):
    """A project's own target group (VTA has four, STV two: AK and RF)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="target_groups")
    code = models.CharField(_("kode"), max_length=20)
    name = models.CharField(_("navn"), max_length=200)

    class Meta:
        verbose_name = _("målgruppe")
        verbose_name_plural = _("målgrupper")
        constraints = [models.UniqueConstraint(fields=["project", "code"], name="target_group_unique_code")]

    def __str__(self) -> str:
        return f"{self.project.name}: {self.name}"


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Rådgiver (sagsbehandler)")
    CONSULTANT = "consultant", _("Virksomhedskonsulent")
    COORDINATOR = "coordinator", _("Koordinator / leder")
    BENEFIT_OFFICE = "benefit_office", _("Ydelseskontor")
    ANALYST = "analyst", _("Analytiker / evaluator")
    ADMINISTRATOR = "administrator", _("Administrator")
    EMPLOYER = "employer", _("Virksomhedskontakt")
    CITIZEN = "citizen", _("Borger")
    PROVIDER = "provider", _("Leverandør (anden aktør, kursussted, mentor)")
    # The data-protection officer (GDPR art. 37–39): reads the audit trail and answers
    # data-subject requests; never a case or the company network (smaajob.access.privacy).
    DPO = "dpo", _("Databeskyttelsesrådgiver")
    # The intermediary employer (anden aktør holding the employment, seed 000 L1657–1671).
    INTERMEDIARY = "intermediary", _("Mellemled (arbejdsgiver)")


# Roles that belong to a municipality but are not case staff (no network, no payslips).
MUNICIPAL_OVERSIGHT_ROLES = frozenset({Role.DPO})

STAFF_ROLES = frozenset(
    {
        Role.CASEWORKER,
        Role.CONSULTANT,
        Role.COORDINATOR,
        Role.BENEFIT_OFFICE,
        Role.ANALYST,
        Role.ADMINISTRATOR,
    }
)


class User(QuickChoiceLabels, AbstractUser):
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="members")
    # Employer contacts belong to one company; the FK lives here so that a company can have
    # several log-ins. String reference: the network app sits beside this one.
    company = models.ForeignKey(
        "network.Company",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="employer_users",
    )
    # Provider users (anden aktør, AMU, language school, mentor) belong to one provider, as
    # employer contacts to a company. String reference: the offers app sits above this one.
    provider = models.ForeignKey(
        "offers.Provider",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="users",
    )

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")
        constraints = [
            models.CheckConstraint(condition=models.Q(role__in=[r.value for r in Role]), name="user_role_known"),
            models.CheckConstraint(
                condition=~models.Q(role="employer") | models.Q(company__isnull=False),
                name="employer_user_has_company",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="provider") | models.Q(provider__isnull=False),
                name="provider_user_has_provider",
            ),
        ]

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    def __str__(self) -> str:
        return self.get_full_name() or self.username
