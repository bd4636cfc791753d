"""Production: DEBUG off, secrets and hosts from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env("SECRET_KEY", default=None)
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production settings need a long random secret key "
        "in the SECRET_KEY environment variable, for example from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])

# Each worker keeps its database connection between requests: opening one costs
# PostgreSQL a new backend process, more than rendering most pages. Checked before
# reuse, so a restarted database costs one failed request nowhere.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The page cache is invalidated by writing to it: a cache of one process's own would
# let the others serve pages that publishing, or a withdrawn pledge, has made stale.
PER_PROCESS_CACHES = ("locmem.LocMemCache", "dummy.DummyCache")
if PAGE_CACHE_SECONDS > 0 and CACHES[PAGE_CACHE_ALIAS]["BACKEND"].endswith(  # noqa: F405
    PER_PROCESS_CACHES
):
    raise ImproperlyConfigured(
        "The page cache needs a cache every process shares: set REDIS_URL, or leave "
        "the database cache of the base settings, or set PAGE_CACHE_SECONDS=0."
    )

# Background tasks wait in the database for the worker process (`make worker`), so a
# publish returns at once and any number of web processes share one queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Demo accounts with printed passwords never exist in production.
HUB_DEMO_MODE = False

# HTTPS only, behind a proxy that terminates TLS and says so in X-Forwarded-Proto.
# HTTPS=false is for `make serve` on 127.0.0.1, which speaks plain HTTP.
HTTPS = env.bool("HTTPS", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
ONE_YEAR = 60 * 60 * 24 * 365
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=ONE_YEAR) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Load balancers ask over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Behind the proxy every request comes from the proxy's address, so the rate limits
# (public forms, passwords) would lock every visitor out together. They count by the
# address in this request.META key instead: a header the proxy overwrites with the
# visitor's address, e.g. HTTP_X_REAL_IP for X-Real-IP, never one a visitor can set.
RATELIMIT_IP_META_KEY = env("CLIENT_IP_HEADER", default="REMOTE_ADDR")

# One line per event on stdout, as key=value pairs a log collector can parse.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "logfmt": {
            "format": "time=%(asctime)s level=%(levelname)s logger=%(name)s "
            'process=%(process)d message="%(message)s"',
        }
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "logfmt",
        }
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", default="INFO")},
}
