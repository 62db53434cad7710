# SPDX-License-Identifier: MPL-2.0
"""The link between a user and an identity at an OpenID Connect provider.

A provider names a person by ``sub`` (stable at that provider, never reassigned). After the
first log-in the link, not a name or e-mail address, says who it is: a renamed employee or a
citizen whose CPR look-up would find another record keeps the same user.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExternalIdentity(models.Model):
    provider = models.CharField(_("udbyder"), max_length=40)
    subject = models.CharField(_("id hos udbyderen (sub)"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_identities", verbose_name=_("bruger")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_login_at = models.DateTimeField(_("sidst logget ind"), null=True, blank=True)

    class Meta:
        verbose_name = _("ekstern identitet")
        verbose_name_plural = _("eksterne identiteter")
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="external_identity_unique_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.provider}: {self.user}"
