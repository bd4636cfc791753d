from django.apps import AppConfig
from django.urls import register_converter

from .converters import IdConverter


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site"

    def ready(self):
        from . import page_cache
        from .models import OrganisationSettings

        # For every app's URLs, before any is loaded: `<id:pk>`.
        register_converter(IdConverter, "id")
        page_cache.connect_signals()
        page_cache.invalidate_on_change(OrganisationSettings)
