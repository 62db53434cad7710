# SPDX-License-Identifier: MPL-2.0
"""WSGI entry for production servers (``smaajob serve`` runs gunicorn on it; waitress on Windows)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smaajob.settings")
application = get_wsgi_application()

# Refuse to serve without the CPR keys (production) rather than fail on the first citizen.
from smaajob import cpr_vault  # noqa: E402

cpr_vault.current_keys()
