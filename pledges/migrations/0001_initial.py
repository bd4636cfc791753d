"""PledgeSignature moves here from the campaigns app, with its rows, its table renamed,
and its content type (and so the editors' rights to view and delete) with it."""

import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models


def move_content_type(old_app, new_app):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        if not ContentType.objects.filter(
            app_label=new_app, model="pledgesignature"
        ).exists():
            ContentType.objects.filter(
                app_label=old_app, model="pledgesignature"
            ).update(app_label=new_app)

    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('campaigns', '0009_delete_pledgesignature'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
            name='PledgeSignature',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120)),
                ('email', models.EmailField(max_length=254)),
                ('role', models.CharField(choices=[('health_visitor', 'Health visitor'), ('midwife', 'Midwife'), ('psychologist', 'Psychologist or psychotherapist'), ('psychiatrist', 'Psychiatrist'), ('social_worker', 'Social worker'), ('nurse', 'Nurse'), ('gp', 'GP or doctor'), ('early_years', 'Early years practitioner'), ('commissioner', 'Commissioner or policy maker'), ('researcher', 'Researcher'), ('other', 'Other')], max_length=30)),
                ('role_other', models.CharField(blank=True, max_length=120, verbose_name='other role')),
                ('organisation', models.CharField(blank=True, max_length=200)),
                ('region', models.CharField(blank=True, choices=[('north_east', 'North East England'), ('north_west', 'North West England'), ('yorkshire', 'Yorkshire and the Humber'), ('east_midlands', 'East Midlands'), ('west_midlands', 'West Midlands'), ('east', 'East of England'), ('london', 'London'), ('south_east', 'South East England'), ('south_west', 'South West England'), ('wales', 'Wales'), ('scotland', 'Scotland'), ('northern_ireland', 'Northern Ireland'), ('outside_uk', 'Outside the UK')], max_length=30)),
                ('show_on_wall', models.BooleanField(default=False, verbose_name='show my name on the wall')),
                ('consent_text', models.TextField(help_text='The privacy wording the person agreed to, as shown to them.')),
                ('consented_at', models.DateTimeField()),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('campaign', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='pledge_signatures', to='campaigns.campaignpage')),
            ],
            options={
                'verbose_name': 'pledge signature',
                'ordering': ['-created_at'],
                'constraints': [models.UniqueConstraint(models.F('campaign'), django.db.models.functions.text.Lower(django.db.models.functions.text.Trim('email')), name='one_pledge_per_email_per_campaign')],
                'db_table': 'campaigns_pledgesignature',
            },
        )]),
        migrations.AlterModelTable(name='pledgesignature', table=None),
        migrations.RunPython(
            move_content_type("campaigns", "pledges"),
            move_content_type("pledges", "campaigns"),
        ),
    ]
