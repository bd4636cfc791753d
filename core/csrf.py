"""Cross-site request forgery protection for the public forms, without a token.

The pledge and event-proposal forms post to views wrapped in `cross_origin_protected`,
which asks the browser where the request comes from:

- Every current browser sends `Sec-Fetch-Site` (Chrome 76, Firefox 90, Safari 16.4).
  A form posted from one of our own pages says `same-origin`; typed or bookmarked,
  `none`. Anything else (`same-site`, `cross-site`) is refused.
- Without it, an older browser still sends `Origin` with every cross-origin POST: it
  must be this site (or one of CSRF_TRUSTED_ORIGINS).
- With neither header the request comes from a program, not from a visitor's browser,
  so no visitor's browser was tricked into sending it: it goes on to the form's own
  checks (validation, bot traps, rate limit).

This is the scheme of Go's `net/http.CrossOriginProtection` and the Fetch Metadata
defence in OWASP's CSRF cheat sheet.

Why not Django's CSRF token: the form pages are never cached, and each already carries
a token of its own (the bot trap's start token, pledges/forms.py), so they could carry
Django's as well. It would need a cookie: every visitor who opens a form would be
given one, and a visitor whose browser refuses cookies could not send the form at all
(Django's 403). This check needs no cookie and keeps no state. It also suits what is
at stake: these forms act on no visitor's session or account (a pledge is anonymous),
so a forgery could only add a pledge or a proposal, which one-signature-per-email, the
confirmation email and the rate limit already bound. Forms that act for a signed-in
user keep Django's token.
"""

from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

TRUSTED_FETCH_SITES = {"same-origin", "none"}


def is_same_origin(request) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in TRUSTED_FETCH_SITES
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    own_origin = f"{request.scheme}://{request.get_host()}"
    return origin in {own_origin, *settings.CSRF_TRUSTED_ORIGINS}


def cross_origin_protected(view):
    """Refuse the request, with a page that says why, if another site sent it."""

    @csrf_exempt
    @wraps(view)
    def protected(request, *args, **kwargs):
        if not is_same_origin(request):
            return render(request, "403_cross_origin.html", status=403)
        return view(request, *args, **kwargs)

    return protected
