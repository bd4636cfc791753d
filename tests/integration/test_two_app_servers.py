"""Two app servers side by side on one database and one shared cache, as in
production: PostgreSQL and Redis when DATABASE_URL and REDIS_URL say so, else a
SQLite file and its database cache, as `make serve` runs with no services.

Each is a real `make serve` (gunicorn, production settings) on its own port. A change
published through one, or by the scheduler in a process of its own, is what both
serve next, though both cache pages; a pledge signed through each is counted once.
"""

import http.cookiejar
import os
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

from django.core import signing

import environ
import pytest

from pledges.forms import STARTED_SALT

ROOT = Path(__file__).resolve().parents[2]
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
SECRET_KEY = "two-app-servers-test-key-" + "x" * 40  # noqa: S105
ADMIN_PASSWORD = "two-servers-admin-pw"  # noqa: S105
PORTS = (8731, 8732)

POSTGRES = DATABASE_URL.startswith("postgres")


class Forms(HTMLParser):
    """The forms of a page, each as its attributes and what a browser would send."""

    def __init__(self, html: str):
        super().__init__()
        self.forms: list[tuple[dict, list[tuple[str, str]]]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append((attrs, []))
        if not self.forms or "name" not in attrs and tag != "option":
            return
        fields = self.forms[-1][1]
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                fields.append((attrs["name"], attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea = attrs["name"]
            fields.append((self._textarea, ""))
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea:
            name, value = self.forms[-1][1].pop()
            self.forms[-1][1].append((name, value + data))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def find(self, action_part: str) -> tuple[str, list[tuple[str, str]]]:
        for attrs, fields in self.forms:
            if action_part in attrs.get("action", ""):
                return attrs["action"], fields
        raise AssertionError(f"no form posting to …{action_part}")


class Visitor:
    """A browser of one app server: cookies, and the headers a browser's form sends."""

    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str):
        return self._open(urllib.request.Request(self.base + path))  # noqa: S310

    def post(self, path: str, fields: list[tuple[str, str]]):
        request = urllib.request.Request(  # noqa: S310 - our own servers
            self.base + path,
            data=urllib.parse.urlencode(fields).encode(),
            headers={"Sec-Fetch-Site": "same-origin", "Origin": self.base},
        )
        return self._open(request)

    def _open(self, request):
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        return response.status, dict(response.headers), response.read().decode()


def manage(env: dict, *args: str) -> None:
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [str(ROOT / ".venv/bin/python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def wait_until_up(port: int, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"make serve on {port} stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(  # noqa: S310 - our own server on loopback
                f"http://127.0.0.1:{port}/healthz", timeout=2
            ):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"make serve on {port} did not answer:\n{log.read_text()}")


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    name = f"hub_two_servers_{os.getpid()}"
    if POSTGRES:
        import psycopg

        admin_url = environ.Env.db_url_config(DATABASE_URL)
        connect = {
            "host": admin_url["HOST"],
            "port": admin_url["PORT"] or 5432,
            "user": admin_url["USER"],
            "password": admin_url["PASSWORD"],
            "dbname": admin_url["NAME"],
            "autocommit": True,
        }
        with psycopg.connect(**connect) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        database_url = DATABASE_URL.rsplit("/", 1)[0] + "/" + name
    else:
        database_url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'hub.sqlite3'}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": name,
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        "SECRET_KEY": SECRET_KEY,
        "HTTPS": "false",
        "WEB_CONCURRENCY": "1",
        "PAGE_CACHE_SECONDS": "300",
        "DJANGO_SUPERUSER_USERNAME": "chief",
        "DJANGO_SUPERUSER_EMAIL": "chief@example.org",
        "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
    }
    running = []
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
        manage(env, "load_demo")
        manage(env, "createsuperuser", "--noinput")
        for port in PORTS:
            log = tmp_path_factory.mktemp("serve") / f"{port}.log"
            with log.open("w") as out:
                server = subprocess.Popen(  # noqa: S603
                    ["make", "--no-print-directory", "serve", f"PORT={port}"],  # noqa: S607
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            running.append(server)
            wait_until_up(port, server, log)
        yield env
    finally:
        for server in running:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)
        if POSTGRES:
            with psycopg.connect(**connect) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(env: dict, sql: str) -> list[str]:
    """The first column of `sql`'s rows, read by a process of its own, as the
    servers' other processes would."""
    result = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [
            str(ROOT / ".venv/bin/python"),
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from django.db import connection\n"
            "with connection.cursor() as cursor:\n"
            f"    cursor.execute({sql!r})\n"
            "    print(*(row[0] for row in cursor.fetchall()), sep='\\n')",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    # Less the production settings' log lines.
    return [row for row in result.stdout.split("\n") if row and "level=" not in row]


def test_a_change_published_through_one_server_is_served_by_the_other(servers):
    editor, visitor = Visitor(PORTS[0]), Visitor(PORTS[1])
    for _ in range(2):
        status, headers, page = visitor.get("/campaigns/")
    assert status == 200
    assert headers["X-Cache"] == "HIT"
    assert "Every week, kept" not in page

    _, _, login = editor.get("/admin/login/")
    action, fields = Forms(login).find("/admin/login/")
    fields += [("username", "chief"), ("password", ADMIN_PASSWORD)]
    editor.post(action, fields)
    (archive_id,) = query(
        servers, "SELECT page_ptr_id FROM campaigns_campaignindexpage"
    )
    _, _, edit = editor.get(f"/admin/pages/{archive_id}/edit/")
    action, fields = Forms(edit).find(f"/admin/pages/{archive_id}/edit/")
    fields = [(k, "Every week, kept" if k == "title" else v) for k, v in fields]
    status, _, _ = editor.post(action, [*fields, ("action-publish", "action-publish")])
    assert status == 200

    status, headers, page = visitor.get("/campaigns/")
    assert "Every week, kept" in page
    assert headers["X-Cache"] == "MISS"


def test_a_pledge_signed_through_each_server_is_counted_once(servers):
    signers, counts = [], []
    for number, port in enumerate(PORTS):
        visitor = Visitor(port)
        _, _, home = visitor.get("/")
        pledge_path = next(
            href.split('"')[0]
            for href in home.split('href="')[1:]
            if href.split('"')[0].endswith("/pledge/")
        )
        _, _, form = visitor.get(pledge_path)
        action, fields = Forms(form).find("/pledge/")
        email = f"signer{number}@example.org"
        answers = {
            "name": f"Signer {number}",
            "email": email,
            "role": "health_visitor",
            "consent": "on",
            # Signed with the servers' key as if the form had been open a minute.
            "started": signing.dumps(
                time.time() - 60, salt=STARTED_SALT, key=SECRET_KEY
            ),
        }
        fields = [(k, v) for k, v in fields if k not in answers] + list(answers.items())
        status, _, thanks = visitor.post(action, fields)
        assert status == 200
        assert "Thank you for taking the pledge" in thanks
        signers.append(email)
        counts.append(int(thanks.split("You are one of <strong>")[1].split("<")[0]))

    emails = query(servers, "SELECT email FROM pledges_pledgesignature")
    assert sorted(email for email in emails if email in signers) == signers
    assert counts[1] == counts[0] + 1


def test_a_page_the_scheduler_publishes_is_served_by_both_servers(servers):
    visitors = [Visitor(port) for port in PORTS]
    for visitor in visitors:
        for _ in range(2):
            _, headers, page = visitor.get("/")
        assert headers["X-Cache"] == "HIT"
        assert "Launched by the scheduler" not in page
    (home_id,) = query(servers, "SELECT page_ptr_id FROM home_homepage")
    manage(
        servers,
        "shell",
        "--no-imports",
        "-c",
        "from home.models import HomePage, StandardPage\n"
        f"home = HomePage.objects.get(pk={home_id})\n"
        "page = StandardPage(title='Launched by the scheduler', slug='launch', "
        "live=False, show_in_menus=True)\n"
        "home.add_child(instance=page)\n"
        "page.save_revision(approved_go_live_at=__import__('django').utils."
        "timezone.now())",
    )
    # What `manage.py run_scheduler` runs every minute, in a process of its own.
    manage(servers, "publish_scheduled")
    for visitor in visitors:
        _, headers, page = visitor.get("/")
        assert "Launched by the scheduler" in page
        assert headers["X-Cache"] == "MISS"
