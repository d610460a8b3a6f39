"""Parallax settings, read from the environment through one `env` object.

Development defaults apply only where they are harmless; with DEBUG off, SECRET_KEY
and ALLOWED_HOSTS must come from the environment.
"""

from datetime import timedelta
from importlib.util import find_spec
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    SECURE_SSL_REDIRECT=(bool, True),
    TASK_BACKEND=(str, "django_tasks_db.DatabaseBackend"),
)
# A developer may keep settings in .env; production sets real environment variables.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env("DEBUG")
TESTING = env.bool("PARALLAX_TESTING", default=False)

if DEBUG or TESTING:
    SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")
else:
    SECRET_KEY = env("SECRET_KEY", default="")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set (50+ random characters) when DEBUG is off. "
            "For local use run with DEBUG=1, or `make run`, which does."
        )

ALLOWED_HOSTS = env("ALLOWED_HOSTS") or (["127.0.0.1", "localhost"] if DEBUG or TESTING else [])
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",
    "ops",
    "accounts",
    "articles",
    "framing",
    "reports",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served from our static files (no CDN)
    "api",
]

MIDDLEWARE = [
    "parallax.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from the WSGI process (compressed, hashed names, far-future
    # caching), so a production install needs no separate web server for them.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "api.middleware.ApiConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "parallax.urls"
WSGI_APPLICATION = "parallax.wsgi.application"
ASGI_APPLICATION = "parallax.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

VAR_DIR = Path(env("PARALLAX_VAR_DIR", default=str(BASE_DIR / "var")))

# SQLite is the embedded default. WAL lets readers work while an import writes;
# IMMEDIATE transactions take the write lock up front so two writers queue on the
# busy timeout instead of failing with "database is locked" half-way through.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'parallax.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
            ),
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    # Hashing dominates view tests otherwise.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "login"
# Failed log-ins are throttled per account and per client address (accounts/throttle.py);
# the address is REMOTE_ADDR unless our own proxy appends it to X-Forwarded-For.
TRUST_X_FORWARDED_FOR = env.bool("TRUST_X_FORWARDED_FOR", default=False)
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# plotly.js is served from the installed plotly package (same version as the Python side
# that builds the figure JSON), never from a CDN and never copied into the repository.
# find_spec locates the package without importing it, which keeps start-up fast.
_PLOTLY_JS_DIR = Path(find_spec("plotly").submodule_search_locations[0]) / "package_data"
STATICFILES_DIRS = [BASE_DIR / "static", ("vendor/plotly", _PLOTLY_JS_DIR)]
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "static")))
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "media/"
# Uploaded sources and trained models go through Django's storage API: a shared volume
# (MEDIA_ROOT) or, with django-storages installed, S3-compatible storage
# (MEDIA_STORAGE=storages.backends.s3.S3Storage, MEDIA_STORAGE_OPTIONS as JSON), so workers
# on several hosts read the same files.
# Development and tests serve static files from the source folders (no collectstatic).
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
WHITENOISE_USE_FINDERS = DEBUG or TESTING
STORAGES = {
    "default": {
        "BACKEND": env("MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env.json("MEDIA_STORAGE_OPTIONS", default={}),
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads: Django refuses bodies past this; the ingestion limits apply per file on top.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# One number for Django's count of files per request and the import's own check.
IMPORT_MAX_FILES = env.int("IMPORT_MAX_FILES", default=100)
DATA_UPLOAD_MAX_NUMBER_FILES = IMPORT_MAX_FILES
# The request-size handler comes first: it stops reading a request whose files together pass
# MAX_REQUEST_BYTES, before they are all spooled to disk.
FILE_UPLOAD_HANDLERS = [
    "articles.imports.uploads.RequestSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Articles per analysis task (N workers share an event), and seconds a page-requested summary
# refresh waits so that a burst of annotation decisions makes one rebuild.
PARALLAX_ANALYSIS_BATCH = env.int("PARALLAX_ANALYSIS_BATCH", default=50)
PARALLAX_SUMMARY_DEBOUNCE = env.float("PARALLAX_SUMMARY_DEBOUNCE", default=10.0)
# Seconds a web process trusts its last check that an event's stored summary matches the
# database (reports.summary.fingerprints): a change made beside the services shows
# "updating…" at most this much later. 0: every page counts.
PARALLAX_SUMMARY_CHECK = env.float("PARALLAX_SUMMARY_CHECK", default=5.0)

# Exported files (data, reports) are kept this long, then deleted (reports/exports).
PARALLAX_EXPORTS = {"TTL_HOURS": env.int("EXPORT_TTL_HOURS", default=24)}
PARALLAX_IMPORT = {
    "MAX_FILES": IMPORT_MAX_FILES,
    "MAX_REQUEST_BYTES": env.int("IMPORT_MAX_REQUEST_BYTES", default=500 * 1024 * 1024),
    # one archive (a .zip upload, or the parts of a .docx): entries, and expanded bytes
    "MAX_ZIP_ENTRIES": env.int("IMPORT_MAX_ZIP_ENTRIES", default=1_000),
    "MAX_ZIP_TOTAL_BYTES": env.int("IMPORT_MAX_ZIP_TOTAL_BYTES", default=200 * 1024 * 1024),
}
# PDF, Word, HTML, e-mail and zip uploads are parsed in a child process with these limits
# (articles/ingestion/sandbox.py): memory beyond what the child starts with, processor seconds
# per document, and seconds the web process waits for one document before killing the child.
INGEST_CHILD_MEMORY_MB = env.int("INGEST_CHILD_MEMORY_MB", default=1024)
INGEST_CHILD_CPU_SECONDS = env.float("INGEST_CHILD_CPU_SECONDS", default=30.0)
INGEST_CHILD_TIMEOUT_SECONDS = env.float("INGEST_CHILD_TIMEOUT_SECONDS", default=60.0)

# Django 6.1's MAILERS. In development mail (password resets, invitations) is printed;
# production sends by SMTP (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
# EMAIL_USE_TLS).
if DEBUG or TESTING:
    _mailer = {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
else:
    _mailer = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env("EMAIL_HOST", default="localhost"),
            "port": env.int("EMAIL_PORT", default=25),
            "username": env("EMAIL_HOST_USER", default=""),
            "password": env("EMAIL_HOST_PASSWORD", default=""),
            "use_tls": env.bool("EMAIL_USE_TLS", default=False),
        },
    }
MAILERS = {"default": _mailer}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="parallax@localhost")
# How long a mailed invitation link may be used.
INVITATION_MAX_AGE = timedelta(days=env.int("INVITATION_MAX_AGE_DAYS", default=7))

# Counters of the API's rate limits. The default (one process's memory) counts per gunicorn
# worker; a shared cache (CACHE_URL=redis://… with its client installed, or
# dbcache://table after createcachetable) makes the limit exact across workers.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# The public API (/api/v1/, api/): tokens or the browser's session, one error body,
# cursor pages, per-token rate limits; the OpenAPI schema at /api/schema/.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.TokenAuthentication",
        "api.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Cursor",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PerTokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": env("API_RATE_LIMIT", default="600/min")},
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiAutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Parallax API",
    "DESCRIPTION": "Push articles, pull framing results, script the whole workflow.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "PATH_CONVERTER_OVERRIDES": {
        "id": {"type": "integer", "minimum": 1, "maximum": 999_999_999_999_999_999}
    },
    "ENUM_NAME_OVERRIDES": {
        "LabelKindEnum": "framing.models.LabelKind",
        "ImportItemKindEnum": "articles.models.ItemKind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_error_responses",
    ],
}

TASKS = {
    "default": {
        "BACKEND": (
            "django.tasks.backends.immediate.ImmediateBackend" if TESTING else env("TASK_BACKEND")
        ),
    }
}
# The team layout: RQ on a Redis server (TASK_BACKEND=ops.rq.RQBackend, REDIS_URL), so workers
# on several hosts share the queue and RQ re-queues the task of a worker that died. The
# database queue above stays the single-machine default. A job may run for an hour (training,
# reports); a dead worker's job is noticed by its missing heartbeat, not by this limit.
RQ_QUEUES = {
    "default": {
        "URL": env("REDIS_URL", default="redis://127.0.0.1:6379/0"),
        "DEFAULT_TIMEOUT": env.int("RQ_JOB_TIMEOUT", default=3600),
    }
}
if TASKS["default"]["BACKEND"] == "ops.rq.RQBackend":
    INSTALLED_APPS.append("django_rq")

# Content Security Policy (Django's own middleware). Scripts only from our origin or
# with the per-request nonce; no inline event handlers. plotly.js injects <style>
# elements at run time, so style-src allows 'unsafe-inline' — styles cannot run code,
# and a nonce cannot be given to elements a library creates after load.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "parallax.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Load balancers, monitors and systemd probe the app itself over plain HTTP on loopback.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
if not DEBUG and not TESTING:
    SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 30)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Anyone can send X-Forwarded-Proto; it means something only when our own proxy sets it
# (and drops what clients sent), so it is trusted only when the deployment says so.
if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Django's own loggers print through the root handler only (no line printed twice).
    "loggers": {
        "django": {"handlers": [], "propagate": True},
        # One JSON line per request (method, path, status, milliseconds, user); the dev
        # server prints its own access log, so this stays quiet there unless asked for.
        "parallax.request": {
            "level": env("REQUEST_LOG_LEVEL", default="WARNING" if DEBUG or TESTING else "INFO")
        },
    },
}
