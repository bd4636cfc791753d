"""OrganisationSettings moves here from the home app, its rows and rights with it.

Its table is the home app's, so this runs after the home migrations that made it;
home's 0005 forgets the model and hands its content type (and so the editors' right
to change it) to this app.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0003_organisation_share_image'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
            name='OrganisationSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text="The charity's name as it should appear in the footer.", max_length=200, verbose_name='organisation name')),
                ('charity_number', models.CharField(blank=True, help_text='Registered charity number, if any.', max_length=40)),
                ('contact_email', models.EmailField(blank=True, help_text='The public address for questions about the week.', max_length=254)),
                ('events_email', models.EmailField(blank=True, help_text='Where organisers can send events for the calendar by email.', max_length=254)),
                ('website', models.URLField(blank=True, help_text="The organisation's main website.")),
                ('address', models.TextField(blank=True, help_text='Postal address, one line each.')),
                ('x_handle', models.CharField(blank=True, help_text='Without the @, for example ParentInfantF.', max_length=50, verbose_name='X (Twitter) handle')),
                ('bluesky_url', models.URLField(blank=True, verbose_name='Bluesky profile')),
                ('facebook_url', models.URLField(blank=True, verbose_name='Facebook page')),
                ('instagram_url', models.URLField(blank=True, verbose_name='Instagram profile')),
                ('linkedin_url', models.URLField(blank=True, verbose_name='LinkedIn page')),
                ('youtube_url', models.URLField(blank=True, verbose_name='YouTube channel')),
                ('share_image', models.ForeignKey(blank=True, help_text='Shown when a page with no picture of its own is shared on social media. Best at 1200 × 630 pixels.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'organisation',
                'db_table': 'home_organisationsettings',
            },
        )]),
        migrations.AlterModelTable(name='organisationsettings', table=None),
    ]
