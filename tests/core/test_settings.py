"""Each settings module is imported in a fresh interpreter with a chosen environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import json, django; from django.conf import settings as s; django.setup(); "
    "print(json.dumps({'debug': s.DEBUG, 'engine': s.DATABASES['default']['ENGINE'],"
    " 'db_name': str(s.DATABASES['default']['NAME']),"
    " 'cache': s.CACHES['default']['BACKEND'], 'hosts': s.ALLOWED_HOSTS,"
    " 'tz': s.TIME_ZONE, 'lang': s.LANGUAGE_CODE, 'media': str(s.MEDIA_ROOT),"
    " 'email': s.EMAIL_BACKEND, 'demo': s.HUB_DEMO_MODE,"
    " 'tasks': s.TASKS['default']['BACKEND']}))"
)


def load_settings(module: str, **environ: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG"}
    }
    env.update(DJANGO_SETTINGS_MODULE=module, **environ)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_dev_settings_need_no_services():
    result = load_settings("hub.settings.dev")
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["debug"] is True
    assert loaded["engine"] == "django.db.backends.sqlite3"
    assert loaded["db_name"].endswith("var/db.sqlite3")
    # Shared by every process, with no service to run: the database cache.
    assert loaded["cache"].endswith("DatabaseCache")
    assert loaded["tz"] == "Europe/London"
    assert loaded["lang"] == "en-gb"
    assert loaded["demo"] is True


def test_settings_read_database_redis_and_email_from_the_environment():
    result = load_settings(
        "hub.settings.dev",
        DATABASE_URL="postgres://hub:secret@db.example:5432/hub",
        REDIS_URL="redis://cache.example:6379/1",
        EMAIL_URL="smtp://user:pass@mail.example:587",
        MEDIA_ROOT="/srv/media",
        DEBUG="false",
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["engine"] == "django.db.backends.postgresql"
    assert loaded["db_name"] == "hub"
    assert loaded["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert loaded["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert loaded["media"] == "/srv/media"
    assert loaded["debug"] is False


def test_production_settings_load_with_a_secret_key():
    result = load_settings(
        "hub.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="imhaw.example.org,www.imhaw.example.org",
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["debug"] is False
    assert loaded["hosts"] == ["imhaw.example.org", "www.imhaw.example.org"]
    assert loaded["demo"] is False
    assert loaded["tasks"] == "django_tasks_db.DatabaseBackend"


def test_production_settings_refuse_to_start_without_secret_key():
    result = load_settings("hub.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
