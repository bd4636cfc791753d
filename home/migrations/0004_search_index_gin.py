"""A GIN index on the search index's title and body, on PostgreSQL.

Wagtail's database backend matches `title || body` against the search, but its
migrations create no index on that expression: without one, every search reads the
whole index table, and the planner, with no statistics for the expression, expects one
match where there are thousands (home/search.py). SQLite keeps the same columns as
plain text and searches its own full-text table, so there is nothing to do there.
"""

from django.db import migrations

INDEX = "wagtailsearch_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_organisation_share_image"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
