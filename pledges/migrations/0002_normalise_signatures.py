"""Signatures stored before the pledge form normalised addresses and took out
text-direction controls get both now: each address in its one written form
(pledges.models.normalise_email), and names, roles and organisations without the
controls (pledges.forms.DIRECTION_CONTROLS).

Two signatures of one week whose addresses become the same are one person who signed
twice, as the form let them. No signature is deleted here: the one that holds the
address in the unique index (already written the normal way, or else the earlier)
takes it, the other keeps its address as it was, and the migration names it, for an
editor to look at under Pledges in the admin and delete if they agree.
"""

from django.db import IntegrityError, migrations, transaction

from pledges.forms import DIRECTION_CONTROLS
from pledges.models import normalise_email

TEXT_FIELDS = ("name", "role_other", "organisation")


def normalise_signatures(apps, schema_editor):
    PledgeSignature = apps.get_model("pledges", "PledgeSignature")
    kept_as_written = []
    rows = PledgeSignature.objects.order_by("created_at", "pk").values_list(
        "pk", "email", *TEXT_FIELDS
    )
    for pk, email, *texts in list(rows):
        changes = {
            field: text.translate(DIRECTION_CONTROLS)
            for field, text in zip(TEXT_FIELDS, texts, strict=True)
            if text != text.translate(DIRECTION_CONTROLS)
        }
        if changes:
            PledgeSignature.objects.filter(pk=pk).update(**changes)
        try:
            normal = normalise_email(email)
        except UnicodeError:
            continue  # Not an address IDNA takes: left as it was.
        if normal == email:
            continue
        try:
            with transaction.atomic():
                PledgeSignature.objects.filter(pk=pk).update(email=normal)
        except IntegrityError:
            kept_as_written.append(pk)
    if kept_as_written:
        print(
            f"\n  pledges: {len(kept_as_written)} signature(s) kept with the address "
            "as written, as another signature of the same week has it in its normal "
            "form (the same person, twice): "
            + ", ".join(f"#{pk}" for pk in kept_as_written)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(normalise_signatures, migrations.RunPython.noop),
    ]
