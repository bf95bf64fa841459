"""Settings shared by every environment; each has a sane default.

Everything that differs per deployment is read from the environment (see
README, "Configuratie"). ``dev``, ``test`` and ``production`` only change what
they must.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from .deployment import (
    read_replica_paths,
    read_replicas,
    read_search_backends,
    read_task_queue,
)
from .environment import env, parse_client_urls

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env("DEBUG", False)
ALLOWED_HOSTS = env("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "contenthub",
    "contenthub.quality",
    "taalcheck",
    "toegankelijkheid",
    "renderers",
    "chatbot",
    "contenthub.api",
    "graphene_django",
    "wagtail_headless_preview",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "contenthub.quality.middleware.PublicationBlockedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
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
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
# The database backend (Dutch stemming on PostgreSQL), or Elasticsearch /
# OpenSearch with WAGTAILSEARCH_URL and WAGTAILSEARCH_BACKEND (docs/schaal.md).
WAGTAILSEARCH_BACKENDS = read_search_backends()
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx"]
TAGGIT_CASE_INSENSITIVE = True

# The organisation's taalniveau: the publication gate checks every text at it.
CONTENTHUB_TAALNIVEAU = env("CONTENTHUB_TAALNIVEAU", "B1")

# Background tasks (re-rendering after a snippet changes, the doorwerking of
# a basistekst). The immediate backend runs them in the request; with
# TASKS_BACKEND=database or =redis they wait in a queue for a worker
# (docs/schaal.md).
_TASK_QUEUE = read_task_queue(redis_url=REDIS_URL)
TASKS = _TASK_QUEUE.tasks
INSTALLED_APPS += _TASK_QUEUE.apps
if _TASK_QUEUE.rq_queues:
    RQ_QUEUES = _TASK_QUEUE.rq_queues

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Every background task logs its start and end at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": env("LOG_LEVEL", "WARNING")},
    },
}

# GraphQL API (contenthub.api) and headless preview: see docs/api.md.
GRAPHENE = {
    "SCHEMA": "contenthub.api.schema.schema",
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
CHATBOT_CLIENT_IP_HEADER = env("CHATBOT_CLIENT_IP_HEADER", "REMOTE_ADDR")
# Longest question in characters, and largest request body in bytes.
CHATBOT_MAX_VRAAG_LENGTE = env("CHATBOT_MAX_VRAAG_LENGTE", 500)
CHATBOT_MAX_BERICHT_BYTES = env("CHATBOT_MAX_BERICHT_BYTES", 8192)
# Below this score (0 to 1) the chatbot hands over to a person. Tuned on the
# "afstemming" half of bench/chatbot/vragen.csv (see chatbot/README.md).
CHATBOT_DREMPEL = float(env("CHATBOT_DREMPEL", "0.3"))
# How long a session remembers the last product, for follow-up questions.
CHATBOT_SESSIEDUUR_SECONDEN = env("CHATBOT_SESSIEDUUR_SECONDEN", 1800)
# Days a logged question is kept; "manage.py vraaglog_opschonen" removes older ones.
CHATBOT_BEWAARTERMIJN_DAGEN = env("CHATBOT_BEWAARTERMIJN_DAGEN", 90)
# The contactpunt (its naam) for a handover when the question matched nothing
# close; empty: the contactpunt of most of the gemeente's products.
CHATBOT_CONTACTPUNT = env("CHATBOT_CONTACTPUNT", "")
