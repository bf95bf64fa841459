"""Settings shared by every environment; each has a sane default.

Everything that differs per deployment is read from the environment (see
README, "Configuratie"). ``dev``, ``test`` and ``production`` only change what
they must.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url

from .deployment import (
    read_replica_paths,
    read_replicas,
    read_search_backends,
    read_task_queue,
    sqlite_options,
)
from .environment import env, parse_client_urls

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env("DEBUG", False)
ALLOWED_HOSTS = env("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS", [])

# The layers are in README "What is in it" (.importlinter keeps them). The
# order here is the order signal handlers and templates have always had.
INSTALLED_APPS = [
    "contenthub",
    "gemeenten",
    "publicatie",
    "taalcheck",
    "toegankelijkheid",
    "renderers",
    "chatbot",
    "api",
    "koppelingen",
    "demo",
    "graphene_django",
    "wagtail_headless_preview",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "publicatie.middleware.PublicationBlockedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "contenthub.security.SecurityHeadersMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "contenthub.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "contenthub.wsgi.application"

# One voice in the admin: Wagtail's Dutch strings in the formal "u"
# (contenthub/locale, made by scripts/wagtail_formeel.py, compiled by
# scripts/setup). Read before the apps' own translations.
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# No external avatar service: editors' e-mail hashes never leave the hub.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Database: DATABASE_URL, for example postgres://user@host:5432/name.
# Without it the hub runs on a SQLite file in the project folder.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# SQLite (the default): WAL, a busy timeout and BEGIN IMMEDIATE, so the task
# worker, a command and requests can write at the same time (deployment.py).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        **sqlite_options(busy_timeout=env("DATABASE_SQLITE_TIMEOUT", 20)),
        **DATABASES["default"].get("OPTIONS", {}),
    }
# A request that fails half-way (a publication the gate stops inside a
# workflow approval, say) leaves nothing half-written.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Read replicas (DATABASE_REPLICA_URLS, comma separated): the public read
# APIs read from them, everything else uses "default" (contenthub/db_router.py,
# docs/schaal.md). Without the variable nothing changes.
_REPLICAS = read_replicas(conn_max_age=env("DATABASE_CONN_MAX_AGE", 60))
if _REPLICAS:
    DATABASES.update(_REPLICAS)
    DATABASE_REPLICAS = list(_REPLICAS)
    DATABASE_ROUTERS = ["contenthub.db_router.ReplicaRouter"]
    DATABASE_REPLICA_PATHS = read_replica_paths()
    # Before anything that reads the database (sessions, users, redirects).
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
        "contenthub.db_router.ReplicaReadsMiddleware",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (Django's own Redis backend), otherwise
# a local memory cache per process.
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "contenthub",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "contenthub",
        }
    }

# Brute-force protection of the admin login (django-axes, contenthub/security.py):
# after AXES_FAILURE_LIMIT wrong passwords for one account, or from one
# address, logging in is blocked for AXES_COOLOFF_MINUTES minutes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "contenthub.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "contenthub.security.client_ip"
AXES_CLIENT_STR_CALLABLE = "contenthub.security.client_description"
# Where the client's address is read (admin login); behind a proxy
# "HTTP_X_FORWARDED_FOR". The chatbot's CHATBOT_CLIENT_IP_HEADER defaults to it.
CONTENTHUB_CLIENT_IP_HEADER = env("CONTENTHUB_CLIENT_IP_HEADER", "REMOTE_ADDR")
# Content-Security-Policy header (contenthub/security.py); on in production.
CONTENTHUB_CSP = env("CONTENTHUB_CSP", False)

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
# Dutch is the source; English translations of the products are Wagtail
# pages in the "en" locale (contenthub/talen.py), served under /en/.
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Every public page (home, theme, product, search, errors) loads these, in
# this order, then the gemeente's colour (/huisstijl.css). scripts/frontend
# installs the NL Design System CSS and the fonts from the npm registry.
CONTENTHUB_PUBLIC_STYLESHEETS = [
    "renderers/nlds/component-library.css",
    "renderers/nlds/voorbeeld-theme.css",
    "renderers/fonts.css",
    "renderers/site.css",
]
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = env("CONTENTHUB_NAAM", "Contenthub")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
# The admin stays Dutch (formal "u"), also for an English translation.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
# The database backend (Dutch stemming on PostgreSQL), or Elasticsearch /
# OpenSearch with WAGTAILSEARCH_URL and WAGTAILSEARCH_BACKEND (docs/schaal.md).
WAGTAILSEARCH_BACKENDS = read_search_backends()
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx"]
TAGGIT_CASE_INSENSITIVE = True

# The organisation's taalniveau: the publication gate checks every text at it.
CONTENTHUB_TAALNIVEAU = env("CONTENTHUB_TAALNIVEAU", "B1")

# Background tasks (re-rendering after a snippet changes, the doorwerking of
# a basistekst) wait in a queue for a worker, never in the editor's request:
# the database queue by default (worker: manage.py db_worker, which
# scripts/run starts), Redis with TASKS_BACKEND=redis (docs/schaal.md). The
# immediate backend (TASKS_BACKEND=immediate) runs them in the request; only
# the test settings use it.
_TASK_QUEUE = read_task_queue(redis_url=REDIS_URL, default="database")
TASKS = _TASK_QUEUE.tasks
INSTALLED_APPS += _TASK_QUEUE.apps
if _TASK_QUEUE.rq_queues:
    RQ_QUEUES = _TASK_QUEUE.rq_queues

# Log lines and error reports go through the chatbot's scrubber: no BSN,
# e-mail address or phone number of a citizen ends up in a log or a report.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"persoonsgegevens": {"()": "chatbot.privacy.ScrubbingLogFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["persoonsgegevens"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Every background task logs its start and end at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": env("LOG_LEVEL", "WARNING")},
    },
}

DEFAULT_EXCEPTION_REPORTER = "chatbot.privacy.ScrubbingExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "chatbot.privacy.ScrubbingExceptionReporterFilter"

# GraphQL API (api) and headless preview: see docs/api.md.
GRAPHENE = {
    "SCHEMA": "api.schema.schema",
    "SCHEMA_OUTPUT": "schema.graphql",
    # No mutations: the API only reads. Nothing is batched into one request.
    "ATOMIC_MUTATIONS": False,
}
CONTENTHUB_API_DEFAULT_PAGE_SIZE = env("CONTENTHUB_API_DEFAULT_PAGE_SIZE", 20)
CONTENTHUB_API_MAX_PAGE_SIZE = env("CONTENTHUB_API_MAX_PAGE_SIZE", 100)
CONTENTHUB_API_MAX_DEPTH = env("CONTENTHUB_API_MAX_DEPTH", 10)
CONTENTHUB_API_MAX_ALIASES = env("CONTENTHUB_API_MAX_ALIASES", 20)
CONTENTHUB_API_MAX_COST = env("CONTENTHUB_API_MAX_COST", 30_000)
CONTENTHUB_API_MAX_QUERY_BYTES = env("CONTENTHUB_API_MAX_QUERY_BYTES", 20_000)
CONTENTHUB_API_MAX_QUERY_TOKENS = env("CONTENTHUB_API_MAX_QUERY_TOKENS", 2_000)
CONTENTHUB_API_MAX_FIELDS = env("CONTENTHUB_API_MAX_FIELDS", 300)
CONTENTHUB_API_MAX_BODY_BYTES = env("CONTENTHUB_API_MAX_BODY_BYTES", 1_000_000)
# JSON in the body or in variables nested deeper than this is refused.
CONTENTHUB_API_MAX_JSON_DEPTH = env("CONTENTHUB_API_MAX_JSON_DEPTH", 32)
# The largest answer in bytes; a larger one is refused (ANTWOORD_TE_GROOT).
CONTENTHUB_API_MAX_RESPONSE_BYTES = env("CONTENTHUB_API_MAX_RESPONSE_BYTES", 5_000_000)
# The server-side response cache keeps no answer over the first bound, and
# at most the second in bytes per process (the oldest answers go first).
CONTENTHUB_API_CACHE_MAX_ENTRY_BYTES = env(
    "CONTENTHUB_API_CACHE_MAX_ENTRY_BYTES", 500_000
)
CONTENTHUB_API_CACHE_MAX_TOTAL_BYTES = env(
    "CONTENTHUB_API_CACHE_MAX_TOTAL_BYTES", 50_000_000
)
# Browsers and proxies may reuse a public answer this long (Cache-Control).
CONTENTHUB_API_MAX_AGE = env("CONTENTHUB_API_MAX_AGE", 60)
# The server-side response cache; publishing invalidates it at once, this
# only bounds how long an answer lives (and staleness in a process that does
# not share the cache: use REDIS_URL with more than one process).
CONTENTHUB_API_CACHE_SECONDS = env("CONTENTHUB_API_CACHE_SECONDS", 300)
CONTENTHUB_API_PREVIEW_TOKEN_MINUTES = env("CONTENTHUB_API_PREVIEW_TOKEN_MINUTES", 10)
# Wagtail's REST API (wagtail.api.v2) at /api/v2/, only for the benchmark
# that compares it with the GraphQL API (bench/graphql_vs_rest.py).
CONTENTHUB_API_REST_VERGELIJKING = env("CONTENTHUB_API_REST_VERGELIJKING", False)
if CONTENTHUB_API_REST_VERGELIJKING:
    INSTALLED_APPS += ["wagtail.api.v2", "rest_framework"]
    WAGTAILAPI_LIMIT_MAX = CONTENTHUB_API_MAX_PAGE_SIZE
# The external front-end per gemeente, as "hostname=url" pairs separated by
# commas; "default=url" for every other site ({SITE_ROOT_URL} is filled in).
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": parse_client_urls(env("CONTENTHUB_PREVIEW_CLIENT_URLS", [])),
    "REDIRECT_ON_PREVIEW": False,
}

# Chatbot (issue 8): POST /api/chatbot/vraag. See chatbot/README.md.
# Questions per client per period ("30/m", "500/h"; "0" switches it off).
CHATBOT_RATE_LIMIT = env("CHATBOT_RATE_LIMIT", "30/m")
# Where the client's address is read; behind a proxy "HTTP_X_FORWARDED_FOR"
# (the right-most address, the one the hub's own proxy added, is used).
CHATBOT_CLIENT_IP_HEADER = env("CHATBOT_CLIENT_IP_HEADER", CONTENTHUB_CLIENT_IP_HEADER)
# Longest question in characters, and largest request body in bytes.
CHATBOT_MAX_VRAAG_LENGTE = env("CHATBOT_MAX_VRAAG_LENGTE", 500)
CHATBOT_MAX_BERICHT_BYTES = env("CHATBOT_MAX_BERICHT_BYTES", 8192)
# Below this score (0 to 1) the chatbot hands over to a person. Fitted on the
# development half of bench/chatbot/vragen_extern.csv (see chatbot/README.md).
CHATBOT_DREMPEL = float(env("CHATBOT_DREMPEL", "0.12"))
# How long a session remembers the last product, for follow-up questions.
CHATBOT_SESSIEDUUR_SECONDEN = env("CHATBOT_SESSIEDUUR_SECONDEN", 1800)
# Days a logged question is kept; "manage.py vraaglog_opschonen" removes older ones.
CHATBOT_BEWAARTERMIJN_DAGEN = env("CHATBOT_BEWAARTERMIJN_DAGEN", 90)
# The contactpunt (its naam) for a handover when the question matched nothing
# close; empty: the contactpunt of most of the gemeente's products.
CHATBOT_CONTACTPUNT = env("CHATBOT_CONTACTPUNT", "")
# After a publication, build a gemeente's new index in a background thread
# while questions get the previous one (only a process's first index is built
# while the question waits). False: the first question after it waits.
CHATBOT_INDEX_ACHTERGROND = env("CHATBOT_INDEX_ACHTERGROND", True)

# Koppelingen (issue 21): national and internal consumers. See README.md.
# SDG invoervoorziening: "manage.py sdg_verzenden" posts every live SDG product
# to SDG_API_URL with "Authorization: Token SDG_API_TOKEN", in the catalogus
# SDG_CATALOGUS_URL (the URL of the gemeente's catalogus there).
SDG_API_URL = env("SDG_API_URL", "")
SDG_API_TOKEN = env("SDG_API_TOKEN", "")
SDG_CATALOGUS_URL = env("SDG_CATALOGUS_URL", "")
SDG_TIMEOUT_SECONDS = env("SDG_TIMEOUT_SECONDS", 30)
# KCC (KISS): the Objects API at /api/objects/v2/objects serves kennisartikelen
# and VAC's with the agents' notes, so it needs "Authorization: Token ..."
# with this token; empty switches the endpoint off. The objecttype URLs are
# the ones registered in the gemeente's Objecttypes API (KISS filters on
# them); empty: any type URL ending in /kennisartikel or /vac.
KCC_OBJECTS_API_TOKEN = env("KCC_OBJECTS_API_TOKEN", "")
KCC_OBJECTTYPE_KENNISARTIKEL = env("KCC_OBJECTTYPE_KENNISARTIKEL", "")
KCC_OBJECTTYPE_VAC = env("KCC_OBJECTTYPE_VAC", "")
