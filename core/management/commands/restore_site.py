"""Restore a backup_site archive: the database, then the media files."""

import json
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections, transaction

from wagtail.models import Page

from .backup_site import (
    DATABASE_FILES,
    FORMAT_VERSION,
    MANIFEST_NAME,
    MEDIA_DIR,
    database_engine,
    run_postgres_tool,
    site_counts,
)

ENGINE_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}


class Command(BaseCommand):
    help = (
        "Restore an archive written by backup_site into a freshly created, empty "
        "database (the one DATABASE_URL names) and its media files into MEDIA_ROOT, "
        "then migrate it to this version of the code."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="A hub-backup-*.tar.gz file.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace everything the database already holds with the backup.",
        )

    def handle(self, *args, archive: Path, force: bool, **options):
        engine = database_engine()
        if not archive.is_file():
            raise CommandError(f"There is no backup file at {archive}.")

        with tempfile.TemporaryDirectory(prefix="hub-restore-") as work:
            unpacked = Path(work)
            # Every check that changes nothing comes first: a bad archive is reported
            # as such whatever the database holds.
            manifest = self.unpack(archive, unpacked)
            self.check_engine(manifest, engine)
            database_file = unpacked / DATABASE_FILES[engine]
            if not database_file.is_file():
                raise CommandError(
                    f"{archive} has no {database_file.name}: it is incomplete."
                )
            if not force:
                self.refuse_unless_empty()
            if engine == "postgresql":
                self.restore_postgres(database_file, replace=force)
            else:
                self.restore_sqlite(database_file)
            media = unpacked / MEDIA_DIR
            if media.is_dir():
                shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)

        # A backup from an older version of the code catches up with its migrations.
        call_command(
            "migrate",
            interactive=False,
            verbosity=options["verbosity"],
            stdout=self.stdout,
        )
        self.report(archive, manifest)

    def refuse_unless_empty(self) -> None:
        connection = connections["default"]
        tables = connection.introspection.table_names()
        if not tables:
            return
        if Page._meta.db_table in tables:
            held = f"a site ({Page.objects.count()} pages)"
        else:
            held = f"{len(tables)} tables"
        raise CommandError(
            f"The database {connection.settings_dict['NAME']} already holds {held}. "
            "Restore into a freshly created, empty database, or pass --force to "
            "replace everything in this one with the backup."
        )

    def unpack(self, archive: Path, destination: Path) -> dict:
        """Every file of the archive under `destination`; its manifest, checked."""
        try:
            with tarfile.open(archive, mode="r:gz") as tar:
                # "data": no absolute paths, no links or files outside `destination`.
                tar.extractall(destination, filter="data")
        except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
            raise CommandError(
                f"{archive} is not a readable backup archive ({error}). "
                "Give restore_site a hub-backup-*.tar.gz file written by backup_site."
            ) from error
        try:
            manifest = json.loads((destination / MANIFEST_NAME).read_text())
        except (OSError, ValueError) as error:
            raise CommandError(
                f"{archive} has no readable {MANIFEST_NAME}: it was not written by "
                "backup_site."
            ) from error
        if manifest.get("format_version") != FORMAT_VERSION:
            raise CommandError(
                f"{archive} is in backup format {manifest.get('format_version')}; "
                f"this version of restore_site reads format {FORMAT_VERSION}."
            )
        return manifest

    def check_engine(self, manifest: dict, engine: str) -> None:
        if manifest.get("engine") != engine:
            made_from = ENGINE_NAMES.get(manifest.get("engine"), manifest.get("engine"))
            raise CommandError(
                f"This backup holds a {made_from} database, but this site's database "
                f"is {ENGINE_NAMES[engine]}. Restore it where DATABASE_URL names a "
                f"{made_from} database."
            )

    def restore_postgres(self, database_file: Path, *, replace: bool) -> None:
        connection = connections["default"]
        settings_dict = connection.settings_dict
        if replace:
            # Read the dump's table of contents first: a damaged dump is refused
            # before anything is dropped.
            run_postgres_tool(
                ["pg_restore", "--list", str(database_file)], settings_dict
            )
            self.drop_tables(connection)
        connection.close()
        run_postgres_tool(
            [
                "pg_restore",
                "--no-owner",
                # The backed-up site's grants name roles this server may not have.
                "--no-privileges",
                # All or nothing: a restore that fails half-way leaves no half a site.
                "--single-transaction",
                f"--dbname={settings_dict['NAME']}",
                str(database_file),
            ],
            settings_dict,
        )

    def drop_tables(self, connection) -> None:
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table in connection.introspection.table_names():
                cursor.execute(f"DROP TABLE IF EXISTS {quote(table)} CASCADE")

    def restore_sqlite(self, database_file: Path) -> None:
        # The backup API replaces the whole database, whatever it held before, and
        # writes through Django's own connection to it.
        connection = connections["default"]
        connection.ensure_connection()
        try:
            with closing(sqlite3.connect(database_file)) as source:
                source.backup(connection.connection)
        except sqlite3.DatabaseError as error:
            raise CommandError(
                f"The backup's {database_file.name} could not be read: {error}."
            ) from error
        finally:
            connection.close()

    def report(self, archive: Path, manifest: dict) -> None:
        counts = site_counts()
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {archive} (made {manifest.get('created_at')} with Wagtail "
                f"{manifest.get('wagtail_version')}): {summary}. Media files are in "
                f"{settings.MEDIA_ROOT}."
            )
        )
        if counts != manifest.get("counts"):
            self.stderr.write(
                f"The backup's manifest counted {manifest.get('counts')}: "
                "check the restored site."
            )
