from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site settings"

    def ready(self):
        from hub import page_cache

        page_cache.connect_signals()
