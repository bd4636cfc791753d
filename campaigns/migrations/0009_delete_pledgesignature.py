"""PledgeSignature now belongs to the pledges app (pledges 0001 takes over its table)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0008_brand_colour_text_on_it'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='PledgeSignature')]
        ),
    ]
