# SPDX-License-Identifier: MPL-2.0
"""The API token: a named system's access, by role, municipality and scopes, until it expires."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smaajob.organisation.models import Municipality, Role


class ApiToken(models.Model):
    name = models.CharField(
        _("navn"), max_length=60, unique=True, help_text=_("Systemets navn, fx esdh-sbsys; står i adgangsloggen.")
    )
    description = models.CharField(_("beskrivelse"), max_length=200, blank=True)
    # No ``choices``: the roles are checked by the service (``TOKEN_ROLES``), so a new role in the
    # organisation app needs no migration here.
    role = models.CharField(_("rolle"), max_length=20)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="api_tokens")
    scopes = models.JSONField(_("adgange"), default=list, help_text=_('Fx ["borgere:read", "loensedler:write"].'))
    # The account the token acts as: the role gate and the access predicates take a user. It has
    # no usable password, so nobody logs in with it; revoking the token deactivates it too.
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_token", verbose_name=_("konto")
    )
    # The first characters of the secret, to recognise a token in a list; never enough to use it.
    prefix = models.CharField(_("begyndelse"), max_length=16, db_index=True)
    # SHA-256 of the secret. The secret has 256 bits of randomness, so a fast hash is enough and
    # lets a request be looked up by it (a slow password hash would cost every API call).
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("oprettet af")
    )
    expires_at = models.DateTimeField(_("udløber"))
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tilbagekaldt af"),
    )
    last_used_at = models.DateTimeField(_("sidst brugt"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-nøgle")
        verbose_name_plural = _("API-nøgler")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def is_usable(self, at: datetime | None = None) -> bool:
        return self.revoked_at is None and self.expires_at > (at or timezone.now())

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label) if self.role in Role.values else self.role

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "tilbagekaldt"
        if self.expires_at <= timezone.now():
            return "udløbet"
        return "aktiv"
