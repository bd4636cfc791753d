"""Local development: DEBUG on, a throwaway secret key, no services needed."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# Not a secret: this key only ever signs sessions on a developer's own machine.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-for-local-use")  # noqa: S105
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["*"])

# Demo mode: the demo command may create accounts with printed passwords.
HUB_DEMO_MODE = True

# Static files straight from the source folders: no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

try:
    from .local import *  # noqa: F403
except ImportError:
    pass
