"""Production settings pass Django's deployment checks with no warning."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args: str, **environ: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        # The browser tests' Playwright needs DJANGO_ALLOW_ASYNC_UNSAFE in this
        # process; a production server never has it, and the deploy check says so.
        if key not in {"DEBUG", "SECRET_KEY", "HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(DJANGO_SETTINGS_MODULE="hub.settings.production", **environ)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k" * 20 + "-Production-Secret-Key-0123456789abcdefghijklmnop",
        ALLOWED_HOSTS="imhaw.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_plain_http_mode_is_flagged_by_the_deploy_check():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k" * 20 + "-Production-Secret-Key-0123456789abcdefghijklmnop",
        HTTPS="false",
    )
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stdout + result.stderr


def test_rate_limits_count_the_address_the_proxy_passes():
    show = "from django.conf import settings; print(settings.RATELIMIT_IP_META_KEY)"
    secret = "k" * 20 + "-Production-Secret-Key-0123456789abcdefghijklmnop"
    behind_nginx = manage(
        "shell", "-c", show, SECRET_KEY=secret, CLIENT_IP_HEADER="HTTP_X_REAL_IP"
    )
    # The last line: the settings' logging writes to stdout too.
    assert behind_nginx.stdout.splitlines()[-1] == "HTTP_X_REAL_IP", behind_nginx.stderr
    direct = manage("shell", "-c", show, SECRET_KEY=secret)
    assert direct.stdout.splitlines()[-1] == "REMOTE_ADDR", direct.stderr
