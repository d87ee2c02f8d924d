"""Every setting of Broadsheet, read from the environment; dev, test and production change a few."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-change-me")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    "broadsheet.core",
    "broadsheet.accounts",
    "broadsheet.concepts",
    "broadsheet.content",
    "broadsheet.ads",
    "broadsheet.follows",
    "broadsheet.alerts",
    "broadsheet.syndication",
    "broadsheet.search",
    "broadsheet.delivery",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    # Public pages come from the app cache before sessions, CSRF or a view run; the headers
    # middleware sees every cookie and Vary the layers below add (broadsheet/core/cache_middleware.py).
    "broadsheet.core.cache_middleware.AppCacheMiddleware",
    "broadsheet.core.cache_middleware.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "broadsheet.accounts.middleware.StaffSecondFactorMiddleware",
    "broadsheet.accounts.middleware.PrivateAccountPagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The site and publication settings from memory, not two queries per request.
    "broadsheet.content.middleware.SiteChromeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "broadsheet.core.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend with each statement's placeholders converted once (broadsheet/core/sqlite).
    DATABASES["default"]["ENGINE"] = "broadsheet.core.sqlite"
    # Writers wait for the lock instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    # Files under var/cache by default, not local memory: the app cache's purges and the memo
    # versions must reach every process that serves pages (the demo's web server and its task
    # worker, gunicorn's workers). Redis (CACHE_URL=redis://...) for more than one machine.
    "default": env.cache_url(
        "CACHE_URL",
        default=f"filecache://{VAR_DIR / 'cache'}?max_entries=10000&cull_frequency=10",
    ),
    # Wagtail looks rendition rows up here first, so a page's images cost no query once warm.
    "renditions": env.cache_url("RENDITIONS_CACHE_URL", default="locmemcache://renditions"),
}

BROADSHEET_APP_CACHE = env.bool("APP_CACHE", default=True)
"""Keep rendered public pages in the CACHE_URL cache (the embedded default has no edge cache)."""
BROADSHEET_APP_CACHE_ALIAS = "default"
BROADSHEET_PAGE_CACHE = {
    "max_age": env.int("PAGE_MAX_AGE", default=60),
    "s_maxage": env.int("PAGE_S_MAXAGE", default=300),
    "stale_while_revalidate": env.int("PAGE_STALE_WHILE_REVALIDATE", default=60),
    "stale_if_error": env.int("PAGE_STALE_IF_ERROR", default=86_400),
}
"""Cache-Control for public pages, in seconds; s_maxage is also the app cache's lifetime."""

BROADSHEET_PURGE_BACKENDS: dict[str, dict[str, object]] = {}
"""Edge caches to purge on publish (docs/delivery.md); the app cache is always purged."""
if env.list("VARNISH_URLS", default=[]):
    BROADSHEET_PURGE_BACKENDS["varnish"] = {
        "BACKEND": "broadsheet.delivery.backends.varnish.VarnishBackend",
        "OPTIONS": {
            "urls": env.list("VARNISH_URLS"),
            "method": env.str("VARNISH_PURGE_METHOD", default="xkey"),
        },
    }
if env.str("FASTLY_SERVICE_ID", default=""):
    BROADSHEET_PURGE_BACKENDS["fastly"] = {
        "BACKEND": "broadsheet.delivery.backends.fastly.FastlyBackend",
        "OPTIONS": {
            "service_id": env.str("FASTLY_SERVICE_ID"),
            "api_token": env.str("FASTLY_API_TOKEN"),
        },
    }
if env.str("CLOUDFLARE_ZONE_ID", default=""):
    BROADSHEET_PURGE_BACKENDS["cloudflare"] = {
        "BACKEND": "broadsheet.delivery.backends.cloudflare.CloudflareBackend",
        "OPTIONS": {
            "zone_id": env.str("CLOUDFLARE_ZONE_ID"),
            "api_token": env.str("CLOUDFLARE_API_TOKEN"),
        },
    }

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Staff sign in to the admin with their username; readers sign in with their email.
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:account"

# Reader accounts (django-allauth): see docs/accounts.md.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if BASE_URL.startswith("https") else "http"
ACCOUNT_RATE_LIMITS = {
    # Failed sign-ins: 10 a minute from one address, 5 in 5 minutes for one account.
    "login_failed": env.str("RATE_LIMIT_LOGIN_FAILED", default="10/m/ip,5/5m/key"),
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "request_login_code": "20/m/ip,3/m/key",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
# Rate limits count per client address: X-Forwarded-For counts only from this many proxy hops.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="Broadsheet")
BROADSHEET_STAFF_SECOND_FACTOR = True
"""Staff must pass a second factor (TOTP) in this session before the admin lets them in."""

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# The annotator's built index, saved so a new process loads it (empty: build in every process).
# A folder of the app's own: files there are unpickled after an HMAC check (annotator/store.py).
ANNOTATOR_INDEX_DIR = env.str("ANNOTATOR_INDEX_DIR", default=str(VAR_DIR / "annotator-index"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Broadsheet <newsroom@localhost>")

TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Broadsheet"
WAGTAILIMAGES_IMAGE_MODEL = "content.BroadsheetImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_FINDERS = [
    {"class": "wagtail.embeds.finders.oembed", "providers": []},  # filled from content.embeds
]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]},
    }
}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_COMMENTS_ENABLED = False

# Broadsheet
BROADSHEET_AD_BACKEND = env.str(
    "AD_BACKEND", default="broadsheet.ads.backends.house.HouseAdBackend"
)
BROADSHEET_FFPROBE = env.str("FFPROBE", default="ffprobe")
BROADSHEET_VIDEO_MAX_BYTES = env.int("VIDEO_MAX_BYTES", default=500 * 1024 * 1024)
BROADSHEET_FETCH_MAX_BYTES = env.int("FETCH_MAX_BYTES", default=50 * 1024 * 1024)

# Alerts and digests (docs/alerts.md)
BROADSHEET_ALERT_DELAY_SECONDS = env.int("ALERT_DELAY_SECONDS", default=300)
BROADSHEET_ALERT_PREDICATES = env.list("ALERT_PREDICATES", default=["about"])
BROADSHEET_DIGEST_ARTICLES_PER_CONCEPT = env.int("DIGEST_ARTICLES_PER_CONCEPT", default=5)
BROADSHEET_OUTBOX_LEASE_SECONDS = env.int("OUTBOX_LEASE_SECONDS", default=300)
BROADSHEET_OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=12)
BROADSHEET_UNSUBSCRIBE_MAILTO = env.str("UNSUBSCRIBE_MAILTO", default="")

# Security headers and the content security policy: nothing leaves for a third party.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "media-src": [SELF, "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
# The admin fetches nothing from third parties either: no Gravatar, no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview views set SAMEORIGIN on their own responses; everything else is DENY.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
