from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Campaigns"

    def ready(self):
        from core import page_cache

        from .models import (
            Hashtag,
            MediaAppearance,
            Resource,
            ResourceFile,
            ResourceTag,
        )

        page_cache.invalidate_on_change(
            Hashtag, MediaAppearance, Resource, ResourceFile, ResourceTag
        )
