from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents.views import serve as documents

from core import views as core_views
from core.api import api_router
from home import views as home_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document routes (wagtail.documents.urls), the same addresses and names,
    # with ids no longer than a row's: Wagtail's `\d+` took thousands of digits, which
    # Python's int() refuses, a 500. A private collection's password, like a private
    # page's, may be guessed wrong only so often.
    path(
        "documents/<id:document_id>/<path:document_filename>",
        documents.serve,
        name="wagtaildocs_serve",
    ),
    path(
        "documents/authenticate_with_password/<id:restriction_id>/",
        core_views.password_guesses_limited(
            documents.authenticate_with_password, "restriction_id"
        ),
        name="wagtaildocs_authenticate_with_password",
    ),
    path("api/v2/", api_router.urls),
    path("search/", home_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon),
    path("healthz", core_views.healthz, name="healthz"),
    # Wagtail's password form for private pages, before Wagtail's own route: the
    # same address and name, with guesses limited as for documents above.
    path(
        "_util/authenticate_with_password/<id:page_view_restriction_id>/<id:page_id>/",
        core_views.password_guesses_limited(
            wagtail_views.authenticate_with_password, "page_view_restriction_id"
        ),
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include("campaigns.urls")),
    path("", include("pledges.urls")),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    # Image renditions, for `make run` and `make serve`; in production a web server or
    # object storage serves them. Only them: original uploads and documents stay
    # behind Wagtail's views and their privacy checks.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}images/(?P<path>.*)$",
            core_views.rendition,
        )
    ]

urlpatterns += [
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
]
