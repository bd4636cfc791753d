"""Site-wide views: robots.txt, the favicon, the health check, private pages'
password form and, outside production, image renditions."""

from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.static import serve

from wagtail import views as wagtail_views

from django_ratelimit.core import is_ratelimited


def robots_txt(request):
    """Crawlers may read the public site, never the admin; the sitemap lists it all."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the file."""
    return redirect(static("images/favicon.ico"), permanent=True)


def healthz(request):
    """For load balancers: can this app server reach its database and cache?

    Says only "ok" or "failing" for each, nothing about the content or its people.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError:
        checks["database"] = "failing"
    try:
        cache.set("healthz", "ok", 10)
        checks["cache"] = "ok" if cache.get("healthz") == "ok" else "failing"
    except Exception:  # noqa: BLE001 - any cache error means the cache is failing
        checks["cache"] = "failing"
    healthy = all(state == "ok" for state in checks.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "failing", **checks},
        status=200 if healthy else 503,
    )
    response["Cache-Control"] = "no-store"
    return response


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form for a private page, with guesses limited per address
    and page on the shared cache, the right password included once over the limit.

    Counted by the restriction, whose password is guessed: Wagtail takes any page's
    id beside it, for the page it shows."""
    if is_ratelimited(
        request,
        group=f"page-password-{page_view_restriction_id}",
        key="ip",
        rate=settings.PAGE_PASSWORD_RATE_LIMIT,
        method="POST",
        increment=True,
    ):
        return render(request, "core/too_many_password_attempts.html", status=429)
    return wagtail_views.authenticate_with_password(
        request, page_view_restriction_id, page_id
    )


def rendition(request, path):
    """An image rendition from MEDIA_ROOT/images/, for `make run` and `make serve`: the
    only uploads served from MEDIA_URL (README, Security). Their folder is the root, so
    "../" cannot climb out of it; a name the file system refuses as too long is a file
    that is not there."""
    try:
        return serve(request, path, document_root=Path(settings.MEDIA_ROOT, "images"))
    except OSError as error:
        raise Http404 from error
