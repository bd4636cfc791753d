"""Signatures stored before the pledge form normalised addresses and took out
text-direction controls get both now: each address in its one written form, and
names, roles and organisations without the controls.

Two signatures of one week whose addresses become the same are one person who signed
twice, as the form let them. No signature is deleted here: the one that holds the
address in the unique index (already written the normal way, or else the earlier)
takes it, the other keeps its address as it was, and the migration names it, for an
editor to look at under Pledges in the admin and delete if they agree.

The rules are copied here from the app as they were when this was written
(pledges.models.normalise_email, pledges.forms.DIRECTION_CONTROLS), so that a later
change to the app changes nothing this migration does, nor breaks it.
"""

import sys
import unicodedata

from django.core.management.color import color_style
from django.db import IntegrityError, migrations, transaction

TEXT_FIELDS = ("name", "role_other", "organisation")
# The Arabic letter mark, left-to-right and right-to-left marks, embeddings, overrides
# and isolates.
DIRECTION_CONTROLS = dict.fromkeys(
    [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


def normalise_email(email: str) -> str:
    """NFKC, Unicode case folding, NFKC again, and the domain in IDNA's ASCII form.
    Raises UnicodeError for a domain IDNA refuses."""
    folded = unicodedata.normalize(
        "NFKC", unicodedata.normalize("NFKC", email.strip()).casefold()
    )
    local, at, domain = folded.rpartition("@")
    domain = domain.encode("idna").decode("ascii")
    return f"{local}{at}{domain}" if at else domain


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
        # A migration has no output of its own to write to: neither RunPython nor
        # schema_editor is given the migrate command's stdout. Standard output, as a
        # warning, is what Django's own auth migration 0011 (proxy permissions) uses
        # to report rows it could not move; it shows in `migrate`'s output.
        sys.stdout.write(
            color_style().WARNING(
                f"\n  pledges: {len(kept_as_written)} signature(s) kept with the "
                "address as written, as another signature of the same week has it "
                "in its normal form (the same person, twice): "
                + ", ".join(f"#{pk}" for pk in kept_as_written)
            )
            + "\n"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(normalise_signatures, migrations.RunPython.noop),
    ]
