import pytest

from hub import page_cache


@pytest.fixture
def content_cache_on(settings):
    """The content cache as the site runs, with the full-page cache left out."""
    settings.PAGE_CACHE_SECONDS = 60
    settings.MIDDLEWARE = [
        name
        for name in settings.MIDDLEWARE
        if name != "hub.page_cache.PageCacheMiddleware"
    ]
    page_cache.invalidate()  # Nothing from an earlier test.
    return settings
