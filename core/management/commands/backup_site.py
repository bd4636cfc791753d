"""Back up the site: its database and media files, in one timestamped archive."""

import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from pathlib import Path

import django
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone

import wagtail
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

# Bumped when the archive's layout changes, so an old restore_site can refuse a newer
# archive instead of half-restoring it.
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
MEDIA_DIR = "media"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}

# libpq reads these from the environment: the password never shows in `ps`.
LIBPQ_ENVIRONMENT = {
    "HOST": "PGHOST",
    "PORT": "PGPORT",
    "USER": "PGUSER",
    "PASSWORD": "PGPASSWORD",
}
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}


def database_engine(alias: str = "default") -> str:
    """The engine this backup format knows the connection as, or a clear refusal."""
    vendor = connections[alias].vendor
    if vendor not in DATABASE_FILES:
        raise CommandError(
            f"Backups know PostgreSQL and SQLite databases; this site uses {vendor}."
        )
    return vendor


def libpq_environment(settings_dict: dict) -> dict[str, str]:
    """The environment for pg_dump and pg_restore to reach Django's database."""
    environment = dict(os.environ)
    for key, variable in LIBPQ_ENVIRONMENT.items():
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    for option, variable in LIBPQ_OPTIONS.items():
        if settings_dict.get("OPTIONS", {}).get(option):
            environment[variable] = str(settings_dict["OPTIONS"][option])
    return environment


def run_postgres_tool(args: list[str], settings_dict: dict) -> None:
    """Run pg_dump or pg_restore; its own error message if it fails, not a traceback."""
    try:
        result = subprocess.run(  # noqa: S603
            args,
            env=libpq_environment(settings_dict),
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError as error:
        raise CommandError(
            f"{args[0]} is not installed here: install PostgreSQL's client tools "
            "(the same major version as the server or newer)."
        ) from error
    if result.returncode != 0:
        raise CommandError(
            f"{args[0]} failed (exit status {result.returncode}):\n"
            f"{result.stderr.strip()}"
        )


def site_counts() -> dict[str, int]:
    """What a person restoring checks first: how much content came back."""
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    value = size / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


class Command(BaseCommand):
    help = (
        "Write the database and the media files to "
        "hub-backup-YYYYmmdd-HHMMSS.tar.gz (in var/backups/ unless --output says "
        "otherwise). Safe while the site runs. `restore_site` brings it back."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=settings.VAR_DIR / "backups",
            help="Folder for the archive, created if missing (default var/backups/).",
        )

    def handle(self, *args, output: Path, **options):
        engine = database_engine()
        output.mkdir(parents=True, exist_ok=True)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        archive_path = output / f"hub-backup-{stamp}.tar.gz"

        with tempfile.TemporaryDirectory(prefix=".hub-backup-", dir=output) as work:
            database_file = Path(work) / DATABASE_FILES[engine]
            if engine == "postgresql":
                self.dump_postgres(database_file)
            else:
                self.copy_sqlite(database_file)
            manifest = self.manifest(engine)
            # Written beside the final name and renamed into place, so a backup
            # interrupted half-way never looks like a whole one.
            partial = Path(work) / archive_path.name
            self.write_archive(partial, manifest, database_file)
            os.replace(partial, archive_path)

        counts = ", ".join(f"{n} {name}" for name, n in manifest["counts"].items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up to {archive_path} "
                f"({human_size(archive_path.stat().st_size)}): {counts}."
            )
        )

    def dump_postgres(self, destination: Path) -> None:
        settings_dict = connections["default"].settings_dict
        run_postgres_tool(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                f"--file={destination}",
                settings_dict["NAME"],
            ],
            settings_dict,
        )

    def copy_sqlite(self, destination: Path) -> None:
        # SQLite's online backup API copies a consistent snapshot page by page, even
        # while the running site writes; copying the file itself could catch a write
        # half-done.
        connection = connections["default"]
        connection.ensure_connection()
        with closing(sqlite3.connect(destination)) as target:
            connection.connection.backup(target)

    def manifest(self, engine: str) -> dict:
        """What the archive holds and where it came from; never anyone's data."""
        return {
            "format_version": FORMAT_VERSION,
            "engine": engine,
            "database_file": DATABASE_FILES[engine],
            "django_version": django.get_version(),
            "wagtail_version": wagtail.__version__,
            "created_at": timezone.now().isoformat(),
            "counts": site_counts(),
        }

    def write_archive(self, path: Path, manifest: dict, database_file: Path) -> None:
        # Readable by its owner only: the database holds pledge signers' addresses.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with (
            os.fdopen(descriptor, "wb") as raw,
            tarfile.open(fileobj=raw, mode="w:gz") as archive,
        ):
            manifest_file = database_file.with_name(MANIFEST_NAME)
            manifest_file.write_text(json.dumps(manifest, indent=2) + "\n")
            archive.add(manifest_file, arcname=MANIFEST_NAME)
            archive.add(database_file, arcname=database_file.name)
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.is_dir():
                archive.add(media_root, arcname=MEDIA_DIR)
