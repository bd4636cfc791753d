"""Site-wide views: robots.txt, the favicon, the health check, the limit on guessing
private pages' and documents' passwords and, outside production, image renditions."""

from functools import partial, wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.static import serve

from django_ratelimit.core import get_usage


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


def password_guesses_limited(view, restriction_argument: str):
    """Wagtail's password form `view` (a private page's or a private collection's),
    refused with a 429 once its restriction's password has been guessed wrong
    PAGE_PASSWORD_RATE_LIMIT times from one address, the right password included.

    Only failures count: Wagtail's view redirects on the right password and shows the
    form again on a wrong one, so those who know the password never use up the
    allowance. Counted by the restriction, whose password is guessed: Wagtail's page
    form takes any page's id beside it."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        restriction = kwargs[restriction_argument]
        usage = partial(
            get_usage,
            request,
            group=f"{view.__module__}.{view.__qualname__}:{restriction}",
            key="ip",
            rate=settings.PAGE_PASSWORD_RATE_LIMIT,
        )
        failures = usage()
        if failures and failures["count"] >= failures["limit"]:
            return render(request, "core/too_many_password_attempts.html", status=429)
        response = view(request, *args, **kwargs)
        if request.method == "POST" and response.status_code != 302:
            usage(increment=True)
        return response

    return limited


def rendition(request, path):
    """An image rendition from MEDIA_ROOT/images/, for `make run` and `make serve`: the
    only uploads served from MEDIA_URL (README, Security). Their folder is the root, so
    "../" cannot climb out of it; a name the file system refuses as too long is a file
    that is not there."""
    try:
        return serve(request, path, document_root=Path(settings.MEDIA_ROOT, "images"))
    except OSError as error:
        raise Http404 from error
