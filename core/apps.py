from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site"

    def ready(self):
        from . import page_cache
        from .models import OrganisationSettings

        page_cache.connect_signals()
        page_cache.invalidate_on_change(OrganisationSettings)
