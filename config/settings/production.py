"""Production: debug off, HTTPS everywhere, secrets from the environment only."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False

# No default: production refuses to start without a real secret and the hosts it serves.
SECRET_KEY = env.str("SECRET_KEY", default="")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or "insecure" in SECRET_KEY:
    raise ImproperlyConfigured(
        "Set the SECRET_KEY environment variable to at least 50 random characters "
        '(python -c "import secrets; print(secrets.token_urlsafe(50))"); '
        "production will not start with an empty, short or development key."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set the ALLOWED_HOSTS environment variable to the comma-separated host names "
        "this site answers to (no '*')."
    )
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

STORAGES["staticfiles"] = {
    "BACKEND": "broadsheet.core.staticfiles.ManifestStaticFilesStorage",
}

# HTTPS only. The proxy in front must set X-Forwarded-Proto itself and drop the client's copy.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CONN_MAX_AGE = env.int("CONN_MAX_AGE", default=60)

# Staff always pass a TOTP second factor before the admin opens; no variable turns it off.
BROADSHEET_STAFF_SECOND_FACTOR = True
