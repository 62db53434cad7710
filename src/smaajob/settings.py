# SPDX-License-Identifier: MPL-2.0
"""Django settings for Småjob.

Configuration comes from the environment so that one code base runs on a laptop (SQLite
file, zero set-up) and in production (PostgreSQL):

* ``DATABASE_URL`` — ``sqlite:///path/to/file.sqlite3`` (default: ``var/smaajob.sqlite3``
  in the working directory) or ``postgresql://user:pass@host:5432/name``.
* ``SMAAJOB_SECRET_KEY`` — the signing key; without it a random key is created once in
  ``var/secret-key`` (readable by the owner only) and reused.
* ``SMAAJOB_DEBUG`` — ``1`` for development; the demo command sets it.
* ``SMAAJOB_ALLOWED_HOSTS`` — comma separated; defaults to localhost only.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from smaajob.secretkey import load_or_create_secret_key

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("SMAAJOB_VAR_DIR", Path.cwd() / "var"))

DEBUG = os.environ.get("SMAAJOB_DEBUG", "0") == "1"
SECRET_KEY = os.environ.get("SMAAJOB_SECRET_KEY") or load_or_create_secret_key(VAR_DIR)

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("SMAAJOB_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    # django-ninja serves the API documentation (Swagger UI) from its own static files only
    # when it is an installed app; otherwise the page loads the UI from the internet.
    "ninja",
    "axes",
    "smaajob.organisation",
    "smaajob.audit",
    "smaajob.citizens",
    "smaajob.network",
    "smaajob.courses",
    "smaajob.progression",
    "smaajob.events",
    "smaajob.money",
    "smaajob.corrections",
    "smaajob.reports",
    "smaajob.imports",
    "smaajob.web",
]

MIDDLEWARE = [
    # First: refuses an over-large body before anything (CSRF, sessions) reads it.
    "smaajob.edge.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, so static files keep their cache headers; pages for a logged-in user don't.
    "smaajob.edge.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The audit log's channel and actor for everything the request does (smaajob.audit.context).
    "smaajob.web.operation.OperationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # The role gate: a page or API operation not declared for the user's role answers 404
    # (smaajob.access.pages); after authentication, before any view.
    "smaajob.web.page_gate.PageGateMiddleware",
    # Last, as django-axes documents: it must see the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "smaajob.urls"
WSGI_APPLICATION = "smaajob.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "smaajob.web.navigation.nav_items",
            ],
        },
    },
]

_default_db = f"sqlite:///{VAR_DIR / 'smaajob.sqlite3'}"
try:
    DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", _default_db), conn_max_age=60)}
except (ValueError, dj_database_url.UnknownSchemeError) as exc:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "DATABASE_URL kan ikke læses: brug sqlite:///sti/til/fil.sqlite3 eller "
        f"postgresql://bruger:adgangskode@vært:5432/navn ({type(exc).__name__})."
    ) from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the demo loader or a nightly job writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "organisation.User"

AUTHENTICATION_BACKENDS = [
    # django-axes first, so a throttled login is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Log-in lock-out (smaajob.web.lockout, docs/administration.md): an account after 5 failures,
# an address (a town hall's staff share one) only after 50, both for 15 minutes; a Danish page.
AXES_HANDLER = "smaajob.web.lockout.AccountAndAddressHandler"
AXES_FAILURE_LIMIT = 5
SMAAJOB_ADDRESS_FAILURE_LIMIT = 50
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_LOCKOUT_CALLABLE = "smaajob.web.lockout.lockout_page"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"

LANGUAGE_CODE = "da"
# Danish only: there are no English catalogues (docs/testing.md, "Sprog"); with English listed, a
# browser asking for English got Django's own texts in English among the Danish ones.
LANGUAGES = [("da", "Dansk")]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise serves app static files through the finders; collectstatic is optional, but
# WhiteNoise warns when its root is missing, so make sure it exists.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "media"

# The worklist's "venter på match" alert: a citizen in matching with no contact (a follow-up, or
# the day matching began) for more than this many days (docs/working-tool.md). A municipal
# choice, not a legal limit; 30 days by default.
SMAAJOB_MATCH_WAIT_DAYS = int(os.environ.get("SMAAJOB_MATCH_WAIT_DAYS", "30"))

# Analysts' reports show a count of fewer than this many citizens as "< 5" (docs/reports.md).
REPORT_MIN_CELL = int(os.environ.get("SMAAJOB_REPORT_MIN_CELL", "5"))

# Request and upload size (issue 23, item 6). The largest thing anyone sends is a payslip,
# at most SMAAJOB_MAX_UPLOAD_BYTES (smaajob.money.attachments reads it); a request may carry
# that plus its form fields. A larger declared body is refused with 413 before it is read
# (smaajob.edge). Uploads up to the limit stay in memory, so nothing reaches a temporary file
# on disk; the file is written to MEDIA_ROOT only once it has been checked.
SMAAJOB_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
SMAAJOB_MAX_REQUEST_BYTES = SMAAJOB_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = SMAAJOB_MAX_REQUEST_BYTES
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # form fields and JSON bodies, files not counted (Django default, stated)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10

# Behind HTTPS in production (SMAAJOB_HTTPS=1): cookies only over TLS, and HSTS.
HTTPS = os.environ.get("SMAAJOB_HTTPS", "0") == "1"
# Four eyes on money: a payslip's calculation (a manual amount too) is approved by a second
# person of the benefit office. On unless a municipality with a one-person office turns it off
# (docs/calculator.md).
FOUR_EYES_APPROVAL = os.environ.get("SMAAJOB_FOUR_EYES", "1") == "1"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("SMAAJOB_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Django calls this with LOGGING; it also puts the CPR filter on Django's own handlers.
LOGGING_CONFIG = "smaajob.logfilters.configure_logging"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # CPR numbers must never reach a log line, whatever logs them.
        "redact_cpr": {"()": "smaajob.logfilters.RedactCprFilter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_cpr"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("SMAAJOB_LOG_LEVEL", "WARNING")},
}
