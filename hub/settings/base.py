"""Settings shared by every environment, read from it with django-environ."""

from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def git_commit(folder: Path) -> str:
    """The commit checked out in `folder`, read from .git without running git."""
    head = folder / ".git" / "HEAD"
    try:
        ref = head.read_text().strip()
        if ref.startswith("ref: "):
            name = ref.removeprefix("ref: ")
            loose = folder / ".git" / name
            if loose.exists():
                return loose.read_text().strip()
            for line in (folder / ".git" / "packed-refs").read_text().splitlines():
                if line.endswith(" " + name):
                    return line.split()[0]
        return ref
    except OSError:
        return "unversioned"


VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default=None)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "core",
    "home",
    "campaigns",
    "pledges",
    "blog",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
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
    "django_ratelimit",
    "axes",
    "csp",
    "rest_framework",
    "django_tasks_db",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.HubCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a clear refusal.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out address is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
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

# SQLite under var/ by default, so a fresh clone runs with no services at all.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: it costs PostgreSQL about 200 ms on a query with many joins
    # (search results' summaries) and saves nothing on queries this size.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Every cache is shared by every process (app servers, the task worker, the scheduler):
# Redis when REDIS_URL is set, else Django's database cache on the site's own database,
# so the default set-up needs no service. The page cache (core/page_cache.py) has a
# cache of its own, so that a burst of pages never pushes rate-limit counters out.
REDIS_URL = env("REDIS_URL", default=None)
CACHE_KEY_PREFIX = env("CACHE_KEY_PREFIX", default="hub")
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
        for alias, prefix in [
            ("default", CACHE_KEY_PREFIX),
            ("pages", f"{CACHE_KEY_PREFIX}-pages"),
        ]
    }
else:
    CACHES = {
        "default": {
            # Django's, with increments that lose no count (core/cache.py).
            "BACKEND": "core.cache.DatabaseCache",
            "LOCATION": "hub_cache",
            # Rate-limit counts (an address's minute) and the public forms' used
            # tokens (an hour each) must not be culled at Django's default of 300.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "hub_page_cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
# Wagtail would keep each image rendition it looks up in a cache: a copy of a row of
# its own table, a second cache of content behind the page cache. Listings prefetch
# their renditions; a page reads its few from the database.
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
# The public forms' rate limit (django-ratelimit) counts in the default cache, which
# every process shares. The library warns (W001) of any cache it does not know by
# name: it knows django-redis, not Django's own Redis cache, which increments with
# Redis's INCRBY, nor ours, which increments in a transaction that holds the row. Its
# E003 stays on: it refuses a cache of one process's own, or one that loses counts
# (local memory, dummy, file, Django's plain database cache).
RATELIMIT_USE_CACHE = "default"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
# Django serves image renditions at MEDIA_URL itself with DEBUG on, or with this on
# (`make serve` does, on 127.0.0.1); in production a web server or object storage
# serves them (README, Security). Nothing else in MEDIA_ROOT is served from there.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
PAGE_CACHE_ALIAS = "pages"
# How long an anonymous page is kept: also how far a new pledge or the clock (a week
# going live, an event finishing) may lag on it. Editors' changes and a withdrawn pledge
# invalidate at once; 0 turns the page cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)
# What is deployed: part of every page-cache key, so a deploy starts afresh. Set it to
# the release's version or commit; unset, the checkout's commit.
RELEASE = env("RELEASE", default=None) or git_commit(BASE_DIR)

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="hub@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Infant Mental Health Awareness Week"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
# No SVG, HTML or XML: a browser runs the script they may carry. Images are never SVG
# either (Wagtail's default WAGTAILIMAGES_EXTENSIONS).
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "png",
    "pptx",
    "txt",
    "xlsx",
    "zip",
]
# Documents only through Wagtail's view, which checks a private collection's rights, as
# downloads with `Content-Security-Policy: default-src 'none'` (PDFs included), never
# from MEDIA_URL (hub/urls.py serves only renditions there).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Wagtail's Draftail, with content it cannot read refused as a form error, not a 500.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "core.rich_text.CheckedDraftailRichTextArea"}
}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

# The public forms (pledge, event proposals): per-address limit on the shared cache.
PUBLIC_FORM_RATE_LIMIT = env("PUBLIC_FORM_RATE_LIMIT", default="10/m")
# A private page's or document collection's password: wrong guesses per address and
# restriction, on the shared cache (core/views.py).
PAGE_PASSWORD_RATE_LIMIT = env("PAGE_PASSWORD_RATE_LIMIT", default="10/h")
# Pages not republished for this long are listed in the admin's "Due for review" report.
CONTENT_REVIEW_DAYS = env.int("CONTENT_REVIEW_DAYS", default=365)
# Pledge signatures older than this are deleted by `manage.py purge_pledges`.
PLEDGE_RETENTION_DAYS = env.int("PLEDGE_RETENTION_DAYS", default=730)

# The public API is read-only and anonymous: JSON only, no browsable HTML forms (our
# endpoints take these renderers, core/api.py), so `?format=` has nothing to choose.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "URL_FORMAT_OVERRIDE": None,
}
WAGTAILAPI_LIMIT_MAX = 100

# --- Security, for every environment (production.py adds HTTPS-only settings) ---

# The public site: no inline script or style, nothing from other origins but the video
# players editors may embed.
EMBED_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *EMBED_ORIGINS],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin needs inline scripts and styles (FACTS.md: its date pickers).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", "https:"],
        "frame-src": [SELF, "blob:", *EMBED_ORIGINS],
        # The page preview shows the page in a frame of the admin.
        "frame-ancestors": [SELF],
    }
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Wagtail's preview views allow their own same-origin framing.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 12)

# Admin login: five wrong passwords for one account from one address lock it for an
# hour (django-axes, counted in the database so every app server agrees).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# No avatars fetched from gravatar.com: it would tell a third party who uses the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Background work (search index updates, reference index, file clean-up) goes through
# django-tasks. Here tasks run at once, in the request; production queues them in the
# database for `manage.py db_worker` (`make worker`).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# A CDN or caching proxy in front of the app servers, purged when a page is published
# or unpublished (Wagtail's frontend cache; the purge is a background task). Set one:
# FRONTEND_CACHE_PURGE_URL for a proxy that takes HTTP PURGE requests (Varnish, nginx,
# Fastly), or CLOUDFLARE_BEARER_TOKEN with CLOUDFLARE_ZONE_ID. Pages tell shared caches
# to keep them for PAGE_CACHE_SECONDS at most, so what a purge does not reach (the
# listings that show a new post) is that fresh too.
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_PURGE_URL := env("FRONTEND_CACHE_PURGE_URL", default=None):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }
if CLOUDFLARE_BEARER_TOKEN := env("CLOUDFLARE_BEARER_TOKEN", default=None):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": CLOUDFLARE_BEARER_TOKEN,
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
