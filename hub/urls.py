from pathlib import Path

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from core.api import api_router
from home import views as home_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("search/", home_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon),
    path("healthz", core_views.healthz, name="healthz"),
    # Wagtail's password form for private pages, before Wagtail's own route: the
    # same address and name, with guesses limited.
    path(
        "_util/authenticate_with_password/<id:page_view_restriction_id>/<id:page_id>/",
        core_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include("campaigns.urls")),
    path("", include("pledges.urls")),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.views.static import serve

    # Image renditions (Wagtail's "images/" folder), for `make run` and `make serve`;
    # in production a web server or object storage serves them. Only them: original
    # uploads and documents stay behind Wagtail's views and their privacy checks, and
    # the folder is the root, so "../" cannot climb out of it.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}images/(?P<path>.*)$",
            serve,
            {"document_root": Path(settings.MEDIA_ROOT, "images")},
        )
    ]

urlpatterns += [
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
]
