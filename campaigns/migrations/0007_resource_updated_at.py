import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0006_brand_colour")]

    operations = [
        migrations.AddField(
            model_name="resource",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True,
                default=django.utils.timezone.now,
                help_text="Saving the resource, after checking it is still right, "
                "marks it reviewed.",
                verbose_name="last updated",
            ),
            preserve_default=False,
        ),
    ]
