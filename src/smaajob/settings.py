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
* ``SMAAJOB_CPR_KEYS``, ``SMAAJOB_CPR_HASH_KEY`` — the CPR encryption keys and the lookup-hash
  secret (``smaajob.cpr_vault``); required unless ``SMAAJOB_DEBUG=1`` or ``SMAAJOB_DEMO=1``.
* ``SMAAJOB_DEMO`` — ``1`` for an installation of synthetic demo data only (``scripts/demo``).
* ``SMAAJOB_STORAGE``, ``SMAAJOB_S3_*`` — where files live (``smaajob.files.configuration``).
* ``SMAAJOB_CACHE`` — ``local`` or ``database`` (shared by several app servers; ``smaajob.ops.caches``).
* ``SMAAJOB_LOG_FORMAT`` (``text``/``json``), ``SMAAJOB_LOG_LEVEL``, ``SMAAJOB_METRICS_TOKEN``,
  ``SMAAJOB_EXTRA_READINESS_CHECKS``, ``SMAAJOB_JOB_QUEUE_DEPTH`` — operations (``smaajob.ops``).
* ``SMAAJOB_SQLITE_BUSY_SECONDS`` — how long a save on SQLite waits for another's to finish (30).
* ``SMAAJOB_RETENTION_YEARS`` — years after a case closed before ``smaajob retention run``
  anonymises it (``smaajob.privacy.retention``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import dj_database_url

from smaajob.files.configuration import StorageSettingError, storages_from_environment
from smaajob.ops.caches import caches_from_environment
from smaajob.ops.log_format import logging_from_environment
from smaajob.secretkey import load_or_create_secret_key
from smaajob.web import design_system as _design_system

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("SMAAJOB_VAR_DIR", Path.cwd() / "var"))

DEBUG = os.environ.get("SMAAJOB_DEBUG", "0") == "1"
SECRET_KEY = os.environ.get("SMAAJOB_SECRET_KEY") or load_or_create_secret_key(VAR_DIR)
# The public development CPR keys (smaajob.cpr_vault) only in development (SMAAJOB_DEBUG=1) and
# an installation of synthetic demo data (SMAAJOB_DEMO=1, set by scripts/demo and the tests).
# Anything else is production and refuses to start without SMAAJOB_CPR_KEYS.
SMAAJOB_CPR_DEVELOPMENT_KEYS = DEBUG or os.environ.get("SMAAJOB_DEMO", "0") == "1"

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
    "smaajob.offers",
    "smaajob.money",
    "smaajob.intermediary",
    "smaajob.corrections",
    "smaajob.reports",
    "smaajob.apitokens",
    "smaajob.imports",
    "smaajob.web",
    "smaajob.identity",
    "django_tasks_db",
    "smaajob.jobs",
]

# Background jobs (issue 16; docs/decisions/0004-background-jobs.md): Django's tasks framework
# with django-tasks-db's queue in the application's own database, run by ``smaajob worker``.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A failed job is tried again after this many seconds × its attempt number (three attempts).
SMAAJOB_JOB_RETRY_SECONDS = int(os.environ.get("SMAAJOB_JOB_RETRY_SECONDS", "60"))
# The built-in schedule, local time (smaajob.jobs.schedule); an empty value turns it off.
SMAAJOB_SCHEDULE = os.environ.get(
    "SMAAJOB_SCHEDULE", "rule_statuses=02:00,retention=03:00,payslip_reminders=06:00"
)

MIDDLEWARE = [
    # Outermost: the request id, the request log line and the metrics see every answer, refusals too.
    "smaajob.ops.requests.RequestObservationMiddleware",
    # First: refuses an over-large body before anything (CSRF, sessions) reads it.
    "smaajob.edge.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (django-csp) and Permissions-Policy on every answer (docs/security.md).
    "csp.middleware.CSPMiddleware",
    # form-action also names the identity providers: log-out posts and is sent on to them.
    "smaajob.identity.csp.ProviderFormActionMiddleware",
    "smaajob.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, so static files keep their cache headers; pages for a logged-in user don't.
    "smaajob.edge.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Idle timeout and absolute lifetime of a log-in (smaajob.identity.sessions).
    "smaajob.identity.sessions.SessionTimeoutMiddleware",
    # The audit log's channel and actor for everything the request does (smaajob.audit.context).
    "smaajob.web.operation.OperationMiddleware",
    # An API call with a bearer token acts as the token's account, within its scope, and is
    # audit-logged under the token's name (smaajob.api.bearer); before the role gate.
    "smaajob.api.bearer.ApiTokenMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # The role gate: a page or API operation not declared for the user's role answers 404
    # (smaajob.access.pages); after authentication, before any view.
    "smaajob.web.page_gate.PageGateMiddleware",
    # A save that met a locked SQLite database answers 503 »prøv igen«, not 500 (nothing is saved).
    "smaajob.web.errors.DatabaseBusyMiddleware",
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
            # Danish numbers and dates in every template without {% load %} (smaajob.danish_numbers).
            "builtins": ["smaajob.web.templatetags.danish"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "smaajob.web.navigation.nav_items",
                "smaajob.web.design_system.design_system",
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


def sqlite_options(environ: Mapping[str, str] = os.environ) -> dict[str, object]:
    """How every SQLite connection is opened: one writer at a time, and the others queue.

    * WAL lets the web server read while a save, the demo loader or a nightly job writes.
    * ``BEGIN IMMEDIATE`` takes the write lock when a transaction begins, so a transaction that
      read first never fails on upgrading to a writer; it waits like any other writer.
    * A writer waits up to ``SMAAJOB_SQLITE_BUSY_SECONDS`` (30) for the lock. Python's default,
      5 seconds, was too short on a busy machine: under 20 concurrent users a save waited longer,
      failed with »database is locked« and answered 500, and a session's activity stamp failed
      the same way, which Django answers 400 (its session looks deleted). A wait still longer
      answers 503 »prøv igen« (``smaajob.web.errors.DatabaseBusyMiddleware``), nothing saved.
    """
    return {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": float(environ.get("SMAAJOB_SQLITE_BUSY_SECONDS", "30")),
    }


if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(sqlite_options())

# Reports from a read replica (smaajob.replica): DATABASE_REPLICA_URL names a streaming
# replica of the same PostgreSQL database; dashboards, exports and evaluation PDFs read from it.
# In tests the alias mirrors "default" (Django's TEST MIRROR); tests/reports/test_read_replica.py
# points it at the real replica.
if os.environ.get("DATABASE_REPLICA_URL"):
    from django.core.exceptions import ImproperlyConfigured

    try:
        DATABASES["replica"] = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"], conn_max_age=60)
    except (ValueError, dj_database_url.UnknownSchemeError) as exc:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL kan ikke læses: brug "
            f"postgresql://bruger:adgangskode@vært:5432/navn ({type(exc).__name__})."
        ) from None
    if DATABASES["replica"]["ENGINE"] != DATABASES["default"]["ENGINE"]:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL skal pege på samme slags database som DATABASE_URL (PostgreSQL)."
        )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["smaajob.replica.ReplicaRouter"]

# "matching": the matching engine's pool of open openings, kept between requests
# (smaajob.courses.selectors.opening_pool). Per machine by default; shared in the database for
# several app servers with SMAAJOB_CACHE=database (smaajob.ops.caches).
try:
    CACHES = caches_from_environment(os.environ, var_dir=VAR_DIR)
except ValueError as exc:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(str(exc)) from None

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "organisation.User"

AUTHENTICATION_BACKENDS = [
    # django-axes first, so a throttled login is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    # The password (off with SMAAJOB_PASSWORD_LOGIN=0) and the OpenID Connect providers.
    "smaajob.identity.backends.PasswordBackend",
    "smaajob.identity.backends.ProviderBackend",
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

# Log-in (docs/security.md, "Log-in and sessions"; docs/administration.md). The OpenID Connect
# providers as a JSON list (smaajob.identity.providers); password log-in stays for the demo and
# emergencies and is turned off in production with SMAAJOB_PASSWORD_LOGIN=0.
SMAAJOB_OIDC_PROVIDERS = os.environ.get("SMAAJOB_OIDC_PROVIDERS", "")
SMAAJOB_PASSWORD_LOGIN = os.environ.get("SMAAJOB_PASSWORD_LOGIN", "1").lower() not in {"0", "false", "nej", "no"}
# Sessions (smaajob.identity.sessions): ended after 30 minutes unused, with a notice 2 minutes
# before; ended 10 hours after log-in however busy; exemption decisions and exports of personal
# data need a log-in within the last 10 minutes. Seconds, each a municipal choice.
SMAAJOB_SESSION_IDLE_SECONDS = int(os.environ.get("SMAAJOB_SESSION_IDLE_SECONDS", "1800"))
SMAAJOB_SESSION_WARNING_SECONDS = int(os.environ.get("SMAAJOB_SESSION_WARNING_SECONDS", "120"))
SMAAJOB_SESSION_ABSOLUTE_SECONDS = int(os.environ.get("SMAAJOB_SESSION_ABSOLUTE_SECONDS", "36000"))
SMAAJOB_REAUTH_SECONDS = int(os.environ.get("SMAAJOB_REAUTH_SECONDS", "600"))
# The cookie lives no longer than the session may, and not past closing the browser.
SESSION_COOKIE_AGE = SMAAJOB_SESSION_ABSOLUTE_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

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
# Uploaded and generated files: local disk (MEDIA_ROOT) by default, an S3-compatible object store
# with SMAAJOB_STORAGE=s3 and the SMAAJOB_S3_* variables (smaajob.files.configuration).
try:
    STORAGES = storages_from_environment(os.environ)
except StorageSettingError as exc:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(str(exc)) from None
WHITENOISE_USE_FINDERS = True
# Det Fælles Designsystem under /static/dkfds/ when scripts/fetch-dkfds has installed it
# (smaajob.web.design_system); without it the pages use Småjob's own stylesheet.
STATICFILES_DIRS = _design_system.staticfiles_dirs()
MEDIA_ROOT = VAR_DIR / "media"

# The worklist's "venter på match" alert: a citizen in matching with no contact (a follow-up, or
# the day matching began) for more than this many days (docs/working-tool.md). A municipal
# choice, not a legal limit; 30 days by default.
SMAAJOB_MATCH_WAIT_DAYS = int(os.environ.get("SMAAJOB_MATCH_WAIT_DAYS", "30"))

# The worklist warns "frist om N dage" this many days before a rettidighed deadline (samtale,
# tilbud, praktikkens 13 uger; docs/deadlines.md). A municipal choice, not a legal limit.
SMAAJOB_DEADLINE_ALERT_DAYS = int(os.environ.get("SMAAJOB_DEADLINE_ALERT_DAYS", "14"))
# Retention (smaajob.privacy.retention, docs/privacy.md): years after a citizen's last case
# closed before the record is anonymised. 6 by default, the KLE deadline code P2190D ("6 år efter
# sagsafslutning", from bogføringslovens § 12) because the cases hold payslips and payments; a
# municipality without payment data may choose 5 (P1825D). A municipal decision, not a legal limit.
SMAAJOB_RETENTION_YEARS = os.environ.get("SMAAJOB_RETENTION_YEARS", "6")

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

# Content-Security-Policy (issue 14, item 5; docs/security.md "Headers and CSP"): scripts, styles,
# images and fonts only from Småjob itself, no inline script, style or event handler anywhere
# (templates keep their JavaScript and CSS in static files), no plug-ins, never framed, forms
# only posted back to Småjob. ``data:`` images: the charts' and Swagger UI's small icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Browser features no page of Småjob uses, switched off for every page (smaajob.headers).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)

# Django calls this with LOGGING; it also puts the CPR filter on Django's own handlers. Text lines,
# or one JSON object a line with SMAAJOB_LOG_FORMAT=json; each with the request id (smaajob.ops).
LOGGING_CONFIG = "smaajob.logfilters.configure_logging"
try:
    LOGGING = logging_from_environment(os.environ)
except ValueError as exc:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(str(exc)) from None

# Readiness (/sundhed/klar/, smaajob.ops.checks): what must work before this server takes traffic.
# An installation with a job worker adds its heartbeat check here (comma-separated dotted paths).
SMAAJOB_READINESS_CHECKS = ["smaajob.ops.checks.database", "smaajob.ops.checks.storage"] + [
    path.strip() for path in os.environ.get("SMAAJOB_EXTRA_READINESS_CHECKS", "").split(",") if path.strip()
]
# Metrics (/drift/metrics, Prometheus' format): only with this bearer token; off without one.
SMAAJOB_METRICS_TOKEN = os.environ.get("SMAAJOB_METRICS_TOKEN", "")
# The job queue's depth per state for the metrics: a dotted path to a function returning
# {state: count}; by default the background jobs by state (smaajob.jobs.metrics); empty: none.
SMAAJOB_JOB_QUEUE_DEPTH = os.environ.get("SMAAJOB_JOB_QUEUE_DEPTH", "smaajob.jobs.metrics.queue_depth")
