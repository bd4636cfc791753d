"""Settings for the pytest suite: fast hashing, mail in memory, media in a temp dir."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="hub-test-media-")
# Media served by the app as `make serve` and `make run` do: tests request its routes.
SERVE_MEDIA = True
HUB_DEMO_MODE = True

# Static files straight from the source folders: no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
WAGTAILADMIN_BASE_URL = "http://testserver"

# The test client's login() has no request for django-axes to check; the lockout test
# switches it back on and logs in through the real form.
AXES_ENABLED = False
