"""Settings for the clinic assessment and plan builder, read from the environment.

Every value that differs between a laptop and a clinic's server comes from an
environment variable (see README, "Running in production"); nothing secret lives here.
"""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from clinic.env import (
    cache_from_url,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    sqlite_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DJANGO_DEBUG", default=False)
# The site's own address, for links made without a request (the program link on a handout
# the worker renders): e.g. https://clinic.example.org. Empty: no program link is printed.
SITE_URL = env_str("DJANGO_SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "")

SECRET_KEY = env_str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY (50+ random characters) or DJANGO_DEBUG=true for development."
        )
    # Development only: a fixed key is harmless because DEBUG is on and nothing is deployed.
    SECRET_KEY = "development-only-key-never-used-in-production-0123456789abcdef"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "clinic.apps.ClinicConfig",
    "assessments.apps.AssessmentsConfig",
    "treatment.apps.TreatmentConfig",
    "plans.apps.PlansConfig",
    "episodes.apps.EpisodesConfig",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Inside whitenoise (static files keep their caching): no page is cached (shared computers).
    "clinic.middleware.cache.NeverCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Health data: every view needs a login unless it opts out explicitly.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # A database that stops answering mid-request: a 503 "not saved, try again" page.
    "clinic.middleware.faults.DatabaseUnavailableMiddleware",
    # Signs a user out after SESSION_IDLE_SECONDS without a request (shared clinic computers).
    "clinic.middleware.session.IdleSessionMiddleware",
    # Last, as django-axes asks: turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic.urls"
WSGI_APPLICATION = "clinic.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clinic.context_processors.membership",
            ],
            "string_if_invalid": "",
        },
    },
    # Only the assessment grid's rows (assessments/templatetags/assessment_grid.py): pages
    # stay Django templates.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "clinic.jinja_environment.environment"},
    },
]

DATABASES = {
    "default": database_from_url(
        "DATABASE_URL",
        default=sqlite_url(VAR_DIR / "db.sqlite3"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", default=60, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_PREPARED_STATEMENTS", default=True
):
    # Server-side binding lets psycopg prepare a statement after it has run 5 times on a
    # connection, so PostgreSQL stops re-planning our multi-join, clinic-scoped reads
    # (planning was most of their time: docs/performance.md). Connections persist
    # (conn_max_age), so the plans are reused. Set it false behind a transaction-pooling
    # PgBouncer older than 1.21, which cannot keep prepared statements.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database is shared by the web server and the task worker (make run).
    # IMMEDIATE transactions take SQLite's write lock when they begin, so two writers
    # queue up instead of both reading "not done yet" (select_for_update does nothing on
    # SQLite): a handout is rendered once. The wait for the lock is bounded by `timeout`.
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work: Django's task framework (the django-tasks backport until Django 6) with
# the database backend, so there is no broker to run and several workers can share the
# database (`manage.py db_worker`). "immediate" runs each task at once, in the process
# that queued it: for tests and for a server without a worker.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_tasks_backend = env_str("DJANGO_TASKS_BACKEND", default="database")
if _tasks_backend not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"DJANGO_TASKS_BACKEND={_tasks_backend!r} is not one of: {', '.join(TASK_BACKENDS)}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_tasks_backend]}}

CACHES = {"default": cache_from_url(env_str("CACHE_URL", default="locmem://hipplan"))}

# Argon2 first (OWASP's recommendation); the others only verify old hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out username + address before a password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "client_list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = env_str("DJANGO_TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Where collectstatic gathers files for whitenoise; empty (tests) means none.
STATIC_ROOT = env_str("DJANGO_STATIC_ROOT", default=str(VAR_DIR / "static")) or None
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
]
STORAGES = {
    # No model stores files: logos live in the database so app servers keep no local state.
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("DJANGO_STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env_int("EMAIL_PORT", default=587, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", default="clinic@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Transport security: on by default in production, off for local HTTP development.
_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=_SECURE)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=_SECURE)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", default=31_536_000 if _SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=_SECURE)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=_SECURE)
if env_bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Lax, not Strict: a link to the app from an email or a bookmark still arrives signed in.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Forms carry the token in a hidden field (htmx requests include the form), so no script
# ever needs to read the cookie.
CSRF_COOKIE_HTTPONLY = True
# Clinic computers are shared: a session ends after a working day at most (counted from
# sign-in), and after SESSION_IDLE_SECONDS without a request (clinic/middleware_session.py).
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_SECONDS", default=8 * 3600, minimum=60)
SESSION_IDLE_SECONDS = env_int("DJANGO_SESSION_IDLE_SECONDS", default=30 * 60, minimum=60)

# Login throttling (django-axes). After AXES_FAILURE_LIMIT wrong passwords for one username
# from one address, that pair is refused (HTTP 429, templates/registration/lockout.html)
# until AXES_COOLOFF_TIME has passed since its last failure; other usernames and other
# addresses are unaffected, so an attacker cannot lock a whole clinic out. 5 tries within
# 15 minutes is lenient for a mistyped password and slows guessing to 20 an hour. Attempts
# are kept in the database, so every app server sees them; a success clears them, and
# `manage.py axes_reset_username NAME` unlocks at once. Tries made while locked out are
# refused without extending the pause (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT).
AXES_ENABLED = env_bool("DJANGO_LOGIN_THROTTLE", default=True)
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", default=5, minimum=1)
AXES_COOLOFF_TIME = timedelta(
    seconds=env_int("DJANGO_LOGIN_COOLOFF_SECONDS", default=15 * 60, minimum=1)
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
# The address in that pair. Behind proxies REMOTE_ADDR is the proxy's, so set
# DJANGO_TRUSTED_PROXY_COUNT to the number of proxies in front of the app that each append
# to X-Forwarded-For (1 for one nginx/Caddy); the client is that many entries from its
# right (clinic/client_ip.py says why not the leftmost). 0 (default): REMOTE_ADDR only.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", default=0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "clinic.client_ip.client_ip_address"
# The maintenance area is its own AdminSite (clinic/admin.py); axes would register on the
# default one, which is not served.
AXES_ENABLE_ADMIN = False

# Content Security Policy (django-csp), enforced: scripts, styles and images only from our
# own origin (images also as data: URIs: Bootstrap's icons, the handout preview's logo); no
# inline script or style anywhere (templates carry none: tests/clinic/test_csp.py, and
# base.html turns off htmx's injected indicator <style>); no plugins, no <base>, no framing,
# and forms submit only to us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Clinic logos are stored in the database (see README), so uploads stay small.
CLINIC_LOGO_MAX_BYTES = 512 * 1024
# A clinic's own exercise pictures are stored in the database too (docs/library.md).
CLINIC_PICTURE_MAX_BYTES = 512 * 1024
CLIENTS_PER_PAGE = 25
# Validates a clinic's clinical cut-off overrides; lives with the norms it overrides.
CLINIC_CUTOFF_VALIDATOR = "assessments.norms.validate_overrides"
# Sections of the client page contributed by the apps built on the clinic app.
CLIENT_PAGE_PANELS = [
    "episodes.panel.episode_panel",
    "assessments.progress.panel.progress_panel",
    "plans.program.panel.program_panel",
    "plans.panels.history_panel",
]
# Sections of the visit page's Plan (its SOAP order) contributed by the apps built on the
# assessments app: dotted paths to callables taking (request, assessment) and returning a
# clinic.panels Panel.
VISIT_PAGE_SECTIONS = [
    "plans.visit_section.plan_section",
    "treatment.panel.treatment_section",
]
# What the apps built on the assessments app offer to fill a new visit with (the client's
# own answers): callables taking (request, client, last visit or None) and returning an
# assessments.start_offers.StartOffer or None.
VISIT_START_OFFERS = ["plans.program.answers.offer.answers_offer"]
# Marks on the client list from the apps built on the clinic app: callables taking the
# page's client ids and returning {client id: words} (one query each for the page).
CLIENT_LIST_MARKS = [
    "plans.program.selectors.low_adherence_marks",
    "episodes.selectors.reassessment_marks",
]
# Sections the apps built on plans add to a client's record exports (JSON and FHIR):
# dotted paths to plans.export.sections.RecordSection objects (docs/interchange.md).
CLIENT_RECORD_SECTIONS = ["episodes.export.SECTION"]
# Blocks the apps built on assessments add to the comparison of two visits: callables
# taking (request, client, earlier visit, later visit) and returning a Panel.
COMPARE_VISIT_PANELS = [
    "treatment.compare.treatment_between_panel",
    "plans.program.compare.program_between_panel",
]
# What is kept per client in the cache (clinic/panels/cache.py), forgotten when a client
# is erased: two client-page panels' HTML and the findings the plan builder shows
# (assessments/interpretation.py).
CLIENT_PAGE_CACHED_PANELS = ["progress", "history", "findings"]
# What those panels are made of, as one value read in one query (any visit or plan change
# moves it): a callable taking the client.
CLIENT_PAGE_STAMP = "plans.panels.client_page_stamp"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Program links' tokens never reach the log (plans/program/log_filter.py).
    "filters": {"program_tokens": {"()": "plans.program.log_filter.RedactProgramTokens"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["program_tokens"]}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", default="INFO")},
    # WeasyPrint reports every rendering step at INFO; only its problems are worth a line.
    # django-axes: failed and locked-out sign-ins are warnings; every success is INFO noise.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# "Forgot password" and the set-password links clinic admins send (clinic/password_reset.py).
# A link works once, for PASSWORD_RESET_TIMEOUT seconds: a day is enough to open an email,
# and short enough that an old message in a shared inbox is no way in. Reset requests are
# counted per email address and per client address (clinic/client_ip.py, as for sign-in)
# in the cache; past PASSWORD_RESET_LIMIT in a window the answer is the same but no email
# goes out, so nobody can flood an inbox or try a list of addresses from one machine.
PASSWORD_RESET_TIMEOUT = env_int("DJANGO_PASSWORD_RESET_SECONDS", default=24 * 3600, minimum=60)
PASSWORD_RESET_LIMIT = env_int("DJANGO_PASSWORD_RESET_LIMIT", default=5, minimum=1)
PASSWORD_RESET_WINDOW_SECONDS = env_int(
    "DJANGO_PASSWORD_RESET_WINDOW_SECONDS", default=3600, minimum=60
)
