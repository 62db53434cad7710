# SPDX-License-Identifier: MPL-2.0
"""Intermediary employers, their contracts with companies, the placements they employ, and the
monthly run: one invoice per company (lines per citizen and week) and one wage statement per
citizen, whose payslip is registered in the payslip flow.

Writes go through ``smaajob.intermediary.services``. Amounts are ``Decimal`` kroner with øre;
an invoice line is rounded to the øre on its own and the invoice total is the sum of its lines
(docs/intermediary.md, "Afrunding").
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smaajob.choices import QuickChoiceLabels
from smaajob.citizens.models import Citizen
from smaajob.courses.models import Placement
from smaajob.money.models import Payslip
from smaajob.network.models import Company
from smaajob.organisation.models import Municipality


class Intermediary(models.Model):
    """An organisation that employs citizens on behalf of companies (an *anden aktør*)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="intermediaries")
    name = models.CharField(_("navn"), max_length=200)
    cvr = models.CharField(_("CVR-nummer"), max_length=8)
    invoice_prefix = models.CharField(_("fakturapræfiks"), max_length=10, default="ML")
    # The demo's intermediary (``smaajob demo --reset`` removes it with the other demo data).
    is_synthetic = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mellemled")
        verbose_name_plural = _("mellemled")
        constraints = [models.UniqueConstraint(fields=["municipality", "cvr"], name="intermediary_unique_cvr")]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A log-in with the intermediary role belongs to one intermediary."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intermediary_membership"
    )
    intermediary = models.ForeignKey(Intermediary, on_delete=models.CASCADE, related_name="members")

    class Meta:
        verbose_name = _("bruger hos mellemled")
        verbose_name_plural = _("brugere hos mellemled")


class EmploymentBasis(models.TextChoices):
    """The legal character of the hours: ordinary, unsubsidised paid hours with the intermediary as
    employer of record (seed 000 L2938–2946: "ansættelsesforholdet lå et andet sted"; L5432:
    "Code of Care ordinære timer"). Wage subsidy (løntilskud) is not ordinary work (DOMAIN.md §7.1)
    and cannot be employed through an intermediary here."""

    ORDINARY = "ordinary", _("Ordinær, ustøttet ansættelse hos mellemleddet (timerne er ordinære løntimer)")


class Contract(QuickChoiceLabels, models.Model):
    """The intermediary's agreement with one company: the price per hour invoiced, the wage per
    hour paid to the citizen, and the legal basis of the employment."""

    intermediary = models.ForeignKey(Intermediary, on_delete=models.PROTECT, related_name="contracts")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="intermediary_contracts")
    hourly_price = models.DecimalField(_("timepris faktureret (kr. ekskl. moms)"), max_digits=8, decimal_places=2)
    hourly_wage = models.DecimalField(_("timeløn til borgeren (kr.)"), max_digits=8, decimal_places=2)
    employment_basis = models.CharField(
        _("ansættelsens karakter"), max_length=12, choices=EmploymentBasis.choices, default=EmploymentBasis.ORDINARY
    )
    basis_reference = models.TextField(_("grundlag (aftale, overenskomst)"))
    valid_from = models.DateField(_("gælder fra"))
    valid_to = models.DateField(_("gælder til og med"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("kontrakt med mellemled")
        verbose_name_plural = _("kontrakter med mellemled")
        ordering = ["company__name", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["intermediary", "company", "valid_from"], name="contract_unique_start"),
            models.CheckConstraint(
                condition=models.Q(hourly_price__gt=0, hourly_wage__gt=0), name="contract_amounts_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="contract_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.intermediary.name} – {self.company.name}"


class Employment(models.Model):
    """A placement whose employer of record is the intermediary (the workplace is the company).

    Kept beside the placement (one-to-one) so that the courses app is unchanged."""

    placement = models.OneToOneField(Placement, on_delete=models.PROTECT, related_name="intermediary_employment")
    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="employments")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ansættelse gennem mellemled")
        verbose_name_plural = _("ansættelser gennem mellemled")


class MonthlyRun(models.Model):
    """The month's run for one intermediary; re-running it replaces its figures with the same
    computation from the confirmed weeks (``times_run`` counts the runs)."""

    intermediary = models.ForeignKey(Intermediary, on_delete=models.PROTECT, related_name="runs")
    month = models.DateField(_("måned (første dag)"))
    first_run_at = models.DateTimeField(default=timezone.now)
    last_run_at = models.DateTimeField(default=timezone.now)
    last_run_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    times_run = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("månedskørsel")
        verbose_name_plural = _("månedskørsler")
        ordering = ["-month"]
        constraints = [models.UniqueConstraint(fields=["intermediary", "month"], name="monthly_run_once")]


class Invoice(models.Model):
    """One company's invoice for the month: the confirmed hours of the citizens employed for it."""

    run = models.ForeignKey(MonthlyRun, on_delete=models.CASCADE, related_name="invoices")
    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="invoices")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="intermediary_invoices")
    number = models.CharField(_("fakturanummer"), max_length=40)
    hours = models.DecimalField(_("timer i alt"), max_digits=8, decimal_places=2)
    amount = models.DecimalField(_("beløb i alt (kr. ekskl. moms)"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("faktura")
        verbose_name_plural = _("fakturaer")
        ordering = ["company__name"]
        constraints = [
            models.UniqueConstraint(fields=["run", "company"], name="invoice_once_per_company"),
            models.UniqueConstraint(fields=["number"], name="invoice_number_unique"),
        ]


class InvoiceLine(models.Model):
    """One citizen's confirmed paid hours in one ISO week × the contract's price, to the øre."""

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="+")
    citizen = models.ForeignKey(Citizen, on_delete=models.PROTECT, related_name="+")
    week_start = models.DateField(_("uge (mandag)"))
    hours = models.DecimalField(_("timer"), max_digits=6, decimal_places=2)
    hourly_price = models.DecimalField(_("timepris"), max_digits=8, decimal_places=2)
    amount = models.DecimalField(_("beløb"), max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["citizen__last_name", "citizen__first_name", "week_start"]
        constraints = [
            models.UniqueConstraint(fields=["invoice", "placement", "week_start"], name="invoice_line_once_per_week")
        ]


class WageStatement(models.Model):
    """The citizen's wage for the month from the intermediary; its payslip is in the payslip flow."""

    run = models.ForeignKey(MonthlyRun, on_delete=models.CASCADE, related_name="wage_statements")
    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="+")
    citizen = models.ForeignKey(Citizen, on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("periode fra"))
    period_end = models.DateField(_("periode til og med"))
    hours = models.DecimalField(_("timer"), max_digits=6, decimal_places=2)
    hourly_wage = models.DecimalField(_("timeløn"), max_digits=8, decimal_places=2)
    gross_wage = models.DecimalField(_("bruttoløn"), max_digits=10, decimal_places=2)
    weeks = models.JSONField(_("ugerne (mandag, timer)"), default=list)
    payslip = models.ForeignKey(Payslip, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("lønopgørelse")
        verbose_name_plural = _("lønopgørelser")
        ordering = ["citizen__last_name", "citizen__first_name"]
        constraints = [models.UniqueConstraint(fields=["run", "placement"], name="wage_statement_once")]
