# SPDX-License-Identifier: MPL-2.0
"""The audit log: who read or changed which personal record, when, and through what.

Rows are only ever added (``smaajob.audit.services.record``); the citizen reference is a
plain id so that the log outlives a deleted record, as the law on logging requires. Each row
is chained to the one before by a hash (``smaajob.audit.chain``); ``AuditChainHead`` holds the
last hash and is the lock that keeps the chain from forking.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    READ = "read", _("Læst")
    CREATE = "create", _("Oprettet")
    UPDATE = "update", _("Ændret")
    DELETE = "delete", _("Slettet")
    DENIED = "denied", _("Adgang nægtet")


class AuditChannel(models.TextChoices):
    WEB = "web", _("Web")
    API = "api", _("API")
    CLI = "cli", _("Kommandolinje")
    ADMIN = "admin", _("Administration")
    IMPORT = "import", _("Indlæsning")
    # Scheduled jobs and anything outside a request, a command or an import.
    SYSTEM = "system", _("System")


class AuditEntry(models.Model):
    # Set by ``record`` before the hash is computed (not auto_now_add, which would set it after).
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", db_constraint=False
    )
    actor_username = models.CharField(max_length=150)
    action = models.CharField(_("handling"), max_length=8, choices=AuditAction.choices)
    channel = models.CharField(_("kanal"), max_length=8, choices=AuditChannel.choices)
    object_type = models.CharField(_("posttype"), max_length=50)
    object_id = models.BigIntegerField(_("post-id"), null=True)
    citizen_id = models.BigIntegerField(_("borger-id"), null=True, db_index=True)
    detail = models.CharField(_("detalje"), max_length=200, blank=True)
    prev_hash = models.CharField(_("forrige posts hash"), max_length=64, default="")
    entry_hash = models.CharField(_("postens hash"), max_length=64, default="")

    class Meta:
        verbose_name = _("logpost")
        verbose_name_plural = _("adgangslog")
        ordering = ["-at"]


class AuditChainHead(models.Model):
    """One row (pk 1): the hash of the last audit entry. Writers lock it (``SELECT … FOR
    UPDATE``) while they add entries, so the chain has one line of descent."""

    last_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("logkædens hoved")


class HandledAlert(models.Model):
    """A worklist alert someone marked as handled, with why (issue 21).

    ``key`` names the alert's rule and the state of its condition (for a follow-up: the course
    and the due date), so the alert leaves the worklist until the condition changes, and then a
    new alert with a new key appears. Only ever added, like the log.
    """

    key = models.CharField(_("advarsel"), max_length=200, db_index=True)
    code = models.CharField(_("regel"), max_length=40)
    citizen_id = models.BigIntegerField(_("borger-id"), db_index=True)
    reason = models.TextField(_("begrundelse"))
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    handled_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("håndteret advarsel")
        verbose_name_plural = _("håndterede advarsler")
        ordering = ["-handled_at", "-id"]
