"""OrganisationSettings now belongs to the core app (core 0001 took over its table)."""

from django.db import migrations


def move_content_type(old_app, new_app):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        if not ContentType.objects.filter(
            app_label=new_app, model="organisationsettings"
        ).exists():
            ContentType.objects.filter(
                app_label=old_app, model="organisationsettings"
            ).update(app_label=new_app)

    return move


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0004_search_index_gin'),
        ('core', '0001_initial'),
        # Which made the content type the editors' right points to.
        ('campaigns', '0003_editors_and_event_review'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='OrganisationSettings')]
        ),
        migrations.RunPython(
            move_content_type("home", "core"), move_content_type("core", "home")
        ),
    ]
