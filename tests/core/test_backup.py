"""Backups that restore: a site backed up, restored into an empty database, intact.

The backup runs in this process, against the test database; the restore runs as
`manage.py` does for a person restoring, in a subprocess aimed at a new, empty database
(a SQLite file, or a PostgreSQL database made for the test) and a new media folder.
"""

import io
import json
import os
import subprocess
import sys
import tarfile
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from wagtail.models import Page

import pytest

from campaigns.models import CampaignPage
from pledges.models import PledgeSignature

# Real commits, so that pg_dump's own connection sees them; the migrations' home page
# is put back after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

POSTGRES = connection.vendor == "postgresql"
SIGNERS = [
    ("Amira Hussain", "amira.hussain@example.org", "health_visitor"),
    ("Tom Becker", "tom.becker@example.org", "midwife"),
    ("Ngozi Okafor", "ngozi.okafor@example.org", "researcher"),
]
# Everything an editor or a pledge signer would miss: pages with their own fields,
# revisions, snippets, images, documents, signatures, the site and its accounts.
CONTENT = [
    "wagtailcore.page",
    "wagtailcore.revision",
    "wagtailcore.site",
    "wagtailcore.collection",
    "core",
    "home",
    "campaigns",
    "pledges",
    "blog",
    "wagtailimages.image",
    "wagtaildocs.document",
    "taggit",
    "auth.user",
]


def manage(*args: str, environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def back_up(directory: Path) -> tuple[Path, str]:
    out = StringIO()
    call_command("backup_site", output=directory, stdout=out)
    (archive,) = directory.glob("hub-backup-*.tar.gz")
    return archive, out.getvalue()


def sign_pledges() -> None:
    campaign = CampaignPage.objects.order_by("-year").first()
    for name, email, role in SIGNERS:
        PledgeSignature.objects.create(
            campaign=campaign,
            name=name,
            email=email,
            role=role,
            show_on_wall=True,
            consent_text="I agree to the Parent-Infant Foundation keeping my pledge.",
            consented_at=timezone.now(),
        )


def records(dump: list[dict], model: str) -> list[dict]:
    return [{"pk": row["pk"], **row["fields"]} for row in dump if row["model"] == model]


def page_tree(dump: list[dict]) -> list[tuple]:
    return [
        (page["path"], page["title"], page["url_path"], page["live"])
        for page in records(dump, "wagtailcore.page")
    ]


def dump_content() -> list[dict]:
    out = StringIO()
    call_command("dumpdata", *CONTENT, stdout=out)
    return json.loads(out.getvalue())


def manifest_of(archive: Path) -> dict:
    with tarfile.open(archive, "r:gz") as tar:
        return json.load(tar.extractfile("manifest.json"))


def archive_with(path: Path, files: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, content in files.items():
            member = tarfile.TarInfo(name)
            member.size = len(content)
            tar.addfile(member, io.BytesIO(content))
    return path


@pytest.fixture
def site_with_content():
    call_command("load_demo", stdout=StringIO())
    sign_pledges()


@pytest.fixture
def empty_database(tmp_path):
    """The environment for manage.py to use a new, empty database and media folder."""
    if POSTGRES:
        name = f"{connection.settings_dict['NAME']}_restored"
        quoted = connection.ops.quote_name(name)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
            cursor.execute(f"CREATE DATABASE {quoted}")
        url = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}").geturl()
    else:
        url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    yield {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.dev",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
    }
    if POSTGRES:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


def test_restored_site_has_every_page_signature_image_and_document(
    site_with_content, empty_database, tmp_path
):
    archive, _ = back_up(tmp_path / "backups")
    before = dump_content()

    restore = manage("restore_site", str(archive), environment=empty_database)
    assert restore.returncode == 0, restore.stderr
    assert "pages" in restore.stdout
    dumped = manage("dumpdata", *CONTENT, environment=empty_database)
    assert dumped.returncode == 0, dumped.stderr
    after = json.loads(dumped.stdout)

    assert len(page_tree(before)) == Page.objects.count() > 10
    assert page_tree(after) == page_tree(before)
    signatures = records(after, "pledges.pledgesignature")
    assert sorted(s["email"] for s in signatures) == sorted(s[1] for s in SIGNERS)
    assert signatures == records(before, "pledges.pledgesignature")
    # Each page's own fields, every revision's content, the snippets: all of it.
    assert after == before

    fixtree = manage("fixtree", "--noinput", environment=empty_database)
    assert fixtree.stdout.count("No problems found.") == 2, fixtree.stdout

    media_root = Path(empty_database["MEDIA_ROOT"])
    files = [
        row["file"]
        for model in ("wagtailimages.image", "wagtaildocs.document")
        for row in records(before, model)
    ]
    assert files
    for name in files:
        assert (media_root / name).is_file(), name


def test_restore_refuses_a_database_that_holds_a_site_unless_forced(
    empty_database, tmp_path
):
    archive, _ = back_up(tmp_path / "backups")
    first = manage("restore_site", str(archive), environment=empty_database)
    assert first.returncode == 0, first.stderr

    again = manage("restore_site", str(archive), environment=empty_database)
    assert again.returncode != 0
    assert "already holds a site" in again.stderr
    assert "--force" in again.stderr
    assert "Traceback" not in again.stderr

    forced = manage("restore_site", str(archive), "--force", environment=empty_database)
    assert forced.returncode == 0, forced.stderr
    assert "Restored" in forced.stdout


def test_restore_refuses_the_running_site_without_touching_it(tmp_path):
    archive, _ = back_up(tmp_path / "backups")
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="already holds a site"):
        call_command("restore_site", archive)
    assert Page.objects.count() == pages


def test_backup_says_where_it_wrote_and_how_big(tmp_path):
    archive, output = back_up(tmp_path / "new" / "folder")
    assert archive.name.startswith("hub-backup-")
    assert f"Backed up to {archive} (" in output
    assert any(unit in output for unit in (" KB)", " MB)"))
    # The archive holds pledge signers' addresses: for its owner's eyes only.
    assert archive.stat().st_mode & 0o077 == 0


def test_archive_holds_database_media_and_manifest(site_with_content, tmp_path):
    archive, _ = back_up(tmp_path)
    with tarfile.open(archive, "r:gz") as tar:
        names = tar.getnames()
    database_file = "database.pgdump" if POSTGRES else "database.sqlite3"
    assert {"manifest.json", database_file} <= set(names)
    assert any(name.startswith("media/original_images/") for name in names)
    assert any(name.startswith("media/documents/") for name in names)


def test_manifest_describes_the_backup_without_personal_data(
    site_with_content, tmp_path
):
    archive, _ = back_up(tmp_path)
    manifest = manifest_of(archive)
    assert manifest["engine"] == connection.vendor
    assert manifest["counts"]["pages"] == Page.objects.count()
    assert manifest["counts"]["images"] > 0
    text = json.dumps(manifest)
    assert "@" not in text
    for name, _email, _role in SIGNERS:
        assert name not in text


@pytest.mark.parametrize(
    "content",
    [b"", b"not a backup at all", b"\x1f\x8b\x08\x00 half a gzip header"],
    ids=["empty", "text", "truncated"],
)
def test_restore_of_a_file_that_is_not_an_archive_says_so(content, tmp_path):
    path = tmp_path / "hub-backup.tar.gz"
    path.write_bytes(content)
    with pytest.raises(CommandError, match="not a readable backup archive"):
        call_command("restore_site", path)


def test_restore_of_an_archive_without_manifest_says_so(tmp_path):
    path = archive_with(tmp_path / "other.tar.gz", {"notes.txt": b"hello"})
    with pytest.raises(CommandError, match="no readable manifest.json"):
        call_command("restore_site", path)


def test_restore_of_a_backup_from_another_engine_says_which(tmp_path):
    other = "sqlite" if POSTGRES else "postgresql"
    manifest = {"format_version": 1, "engine": other}
    path = archive_with(
        tmp_path / "other.tar.gz", {"manifest.json": json.dumps(manifest).encode()}
    )
    expected = "holds a SQLite database" if POSTGRES else "holds a PostgreSQL database"
    with pytest.raises(CommandError, match=expected):
        call_command("restore_site", path)


def test_restore_of_a_damaged_database_dump_reports_why_without_a_traceback(
    empty_database, tmp_path
):
    engine = connection.vendor
    database_file = "database.pgdump" if POSTGRES else "database.sqlite3"
    manifest = {"format_version": 1, "engine": engine}
    path = archive_with(
        tmp_path / "damaged.tar.gz",
        {
            "manifest.json": json.dumps(manifest).encode(),
            database_file: b"these bytes are not a database",
        },
    )
    restore = manage("restore_site", str(path), environment=empty_database)
    assert restore.returncode != 0
    expected = "pg_restore failed" if POSTGRES else "could not be read"
    assert expected in restore.stderr
    assert "Traceback" not in restore.stderr


def test_restore_of_a_missing_file_says_so(tmp_path):
    with pytest.raises(CommandError, match="There is no backup file"):
        call_command("restore_site", tmp_path / "nothing-here.tar.gz")


@pytest.mark.skipif(not POSTGRES, reason="pg_dump runs only for PostgreSQL")
def test_pg_dump_failure_is_reported_with_its_message(monkeypatch, tmp_path):
    monkeypatch.setitem(connection.settings_dict, "NAME", "hub_no_such_database")
    with pytest.raises(CommandError, match='"hub_no_such_database" does not exist'):
        call_command("backup_site", output=tmp_path)
    assert not list(tmp_path.glob("*.tar.gz"))
