# SPDX-License-Identifier: MPL-2.0
"""WSGI entry for production servers (``smaajob serve`` runs gunicorn on it; waitress on Windows)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smaajob.settings")
application = get_wsgi_application()
