from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from core import page_cache

        from .models import Author

        page_cache.invalidate_on_change(Author)
