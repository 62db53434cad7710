# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "smaajob.identity"
    label = "identity"
    verbose_name = "Log-in og sessioner"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from smaajob.identity.sessions import mark_authenticated

        # Every log-in (password or provider) starts the session's clocks.
        user_logged_in.connect(mark_authenticated, dispatch_uid="smaajob.identity.mark_authenticated")
