from django.apps import AppConfig
from django.db.models.signals import post_delete


class PledgesConfig(AppConfig):
    name = "pledges"
    verbose_name = "Pledges and event proposals"

    def ready(self):
        from .models import PledgeSignature, forget_signature

        post_delete.connect(
            forget_signature, sender=PledgeSignature, dispatch_uid="pledges.forget"
        )
