"""Settings shared by every environment; environment files override only what differs."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    """Comma-separated environment value as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


INSTALLED_APPS = [
    "users.apps.UsersConfig",
    "users.apps.PortalUsersAdminConfig",
    "core",
    "news",
    "organisation",
    "schedule",
    "procedures",
    "documents",
    "legal_docs",
    "projects",
    "feedback",
    "editorial",
    "royalties",
    "operations",
    "search",
    "portal",
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    # Wagtail's background tasks (search and reference index upkeep) queued in the database in production.
    "django_tasks_db",
    "captcha",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # First of all that may read the body: an oversized public POST is refused from its Content-Length.
    "feedback.body_limit.PublicBodyLimitMiddleware",
    # A query value too long for any page, or one Django's and Wagtail's filters choke on: 400, not 500.
    "operations.bad_input.BadInputMiddleware",
    # One content generation per request (core/generation.py), read with the cached page or once.
    "core.generation.GenerationMiddleware",
    # Above the page cache: a fresh single-use token in each served copy of a cached page (feedback/).
    "feedback.single_use.SingleUseTokenMiddleware",
    # Whole pages for anonymous visitors, with the headers the middleware below gave them when they were
    # rendered: a hit costs one cache round trip, no query and none of the middleware below (the key takes
    # the language from the URL, as LocaleMiddleware does).
    "operations.page_cache.PageCacheMiddleware",
    # Above the rest, so that they see the final X-Frame-Options a view or XFrameOptionsMiddleware set.
    "operations.security.PortalCSPMiddleware",
    "operations.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Public URLs sit in i18n_patterns without a prefix for Vietnamese: the URL, never the browser's
    # Accept-Language, picks the language, so a visitor with an English browser still gets Vietnamese.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Admin login hardening (users/): idle sign-out, then the second factor before any admin page.
    "users.middleware.IdleSessionMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "users.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Admin URLs naming a page or file of someone else's section or site answer 403 with the reason, first:
    # no later refusal names what the user may not see.
    "editorial.visibility.AdminVisibilityMiddleware",
    # Wagtail's unpublish/delete/edit URLs refused by the board's rules answer 403 with the reason.
    "editorial.removal_admin.RemovalRefusalMiddleware",
    # Workflow action URLs refused by the board's steps (four eyes, classification) answer with the reason.
    "editorial.moderation.WorkflowRefusalMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its Vietnamese page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # site/ is the site-wide layer: base templates and error pages live there.
        "DIRS": [BASE_DIR / "site" / "templates"],
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

# SQLite under var/ by default; DATABASE_URL (e.g. postgres://...) switches engine.
if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers write at once (citizens' forms): a write transaction takes the lock when it
    # begins and waits for it, instead of failing with "database is locked" halfway; WAL lets readers go on.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The portal's tables fit in RAM (or on SSD): PostgreSQL's default random_page_cost (4, for spinning
    # disks) makes the planner scan 100,000 legal documents instead of using the full-text index.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c random_page_cost=" + os.environ.get(
        "DATABASE_RANDOM_PAGE_COST", "1.1"
    )
# Read replicas (docs/deployment.md): DATABASE_REPLICA_URLS, comma-separated, each "replicaN" gets reads
# outside transactions (config/db_router.py); the tests read them from "default" (TEST MIRROR).
DATABASE_READ_REPLICAS = []
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    replica = dj_database_url.parse(url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"])
    if replica["ENGINE"] == DATABASES["default"]["ENGINE"]:  # the same planner costs as the primary
        replica["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {}), **replica.get("OPTIONS", {})}
    replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{number}"] = replica
    DATABASE_READ_REPLICAS.append(f"replica{number}")
if DATABASE_READ_REPLICAS:
    DATABASE_ROUTERS = ["config.db_router.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "users.validators.LettersAndDigitsValidator"},
]
# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Vietnamese everywhere the public looks; the admin has a Vietnamese translation too.
LANGUAGE_CODE = "vi"
# The project's catalogue first: Vietnamese for Wagtail's admin and its emails, over their own (docs/i18n.md).
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# English pages for the introduction and contacts (Nghị định 43/2011 Điều 13), as Wagtail translations.
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Locale formats win over DATE_FORMAT settings, so dd/mm/yyyy lives in config/formats/vi/.
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Serve uploaded media from Django only where no web server does it (demo, tests).
SERVE_MEDIA = False

# Wagtail
# Who may do what on a page: Wagtail's tester narrowed by the board's rules (docs/architecture.md, Layers).
PAGE_PERMISSION_TESTER = "editorial.permissions.BoardPagePermissionTester"
# A password-protected page asks for its password inside the portal's layout, in the visitor's language.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"
WAGTAIL_SITE_NAME = "Cổng thông tin điện tử"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "documents.PortalDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.PortalDocumentForm"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "odt",
    "ods",
    "odp",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "rtf",
    "txt",
    "csv",
    "zip",
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# No SVG (it can carry scripts); Wagtail checks the content matches the extension (Willow), the portal's
# form says so in Vietnamese. Caps in bytes; the web server's body limit must be at least as large.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "documents.forms.PortalImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024))
DOCUMENTS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENTS_MAX_UPLOAD_SIZE", 50 * 1024 * 1024))
# Reading an upload's text runs in a child process under this budget (documents/bounded.py).
DOCUMENTS_EXTRACTION_SECONDS = float(os.environ.get("DOCUMENTS_EXTRACTION_SECONDS", "4"))
DOCUMENTS_EXTRACTION_MEMORY = int(os.environ.get("DOCUMENTS_EXTRACTION_MEMORY", 400 * 1024 * 1024))
# Only these open in the browser; every other document (DOCX, XLSX, ZIP...) is sent as a download.
# Wagtail adds "Content-Security-Policy: default-src 'none'" and nosniff to every document it serves.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
# Editors' avatars are uploaded or the default one: no request to gravatar.com leaks who uses the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_approved"
# No autosave: Wagtail 8's create views autosave by creating the page or snippet, so a Save or Submit pressed
# before that answer arrives creates it a second time and fails on the slug or the document number, leaving
# the autosaved copy behind as a draft nobody saved (tests/test_autosave.py). Editors are warned about
# unsaved changes instead.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# The longest a head's stand-in may act for them in one delegation, in days (editorial.HeadDelegation).
EDITORIAL_MAX_DELEGATION_DAYS = 30
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL: no stemming, no English stop words ("to", "an", "do" are Vietnamese syllables).
        "SEARCH_CONFIG": "simple",
    }
}
# Search-index and reference-index updates run inline here and in tests; production queues them in the
# database (django_tasks_db) for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# One cache for every process of the installation (gunicorn workers, cron jobs, commands, a shell), so that a
# publish anywhere shows on the next request everywhere: files under var/cache by default, Redis with
# REDIS_URL. Both through operations/cache.py, for which any cache error is a miss and a warning line.
CACHES = {
    "default": {
        "BACKEND": "operations.cache.ResilientFileBasedCache",
        "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        # Past this number Django removes a third of the entries. Each write lists the folder: 2,000 entries
        # keep a write near 5 ms (a read is 0.1 ms), and about 80 MB of pages on disk.
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}
# Full-page cache for anonymous visitors (operations/page_cache.py): how long a page may be kept at most
# (a publish renews the cache at once); 0 switches it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "operations.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
            # A stopped or paused Redis costs a request at most one connect or one read timeout
            # (operations/cache.py then leaves it alone for a few seconds); no retries.
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
            },
        }
    }

# Every email, citizens' and staff's, goes through the outbox (operations/mail.py; docs/operations.md,
# "Mail"): stored with what causes it, sent after the commit by the task worker through
# EMAIL_DELIVERY_BACKEND (the EMAIL_BACKEND variable names it), retried with growing waits on failure; the
# SMTP connection gives up after EMAIL_TIMEOUT seconds.
EMAIL_BACKEND = "operations.mail.OutboxBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cong-thong-tin@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGIN_URL = "wagtailadmin_login"

# Admin login (users/; docs/operations.md): after LOGIN_FAILURE_LIMIT wrong passwords for one username
# from one address, or LOGIN_ADDRESS_FAILURE_LIMIT from one address for any usernames, that username there
# (or that address) is refused for AXES_COOLOFF_TIME; a success clears the count. Never per username alone:
# nobody elsewhere can lock a member of staff out (users/lockout.py).
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
AXES_FAILURE_LIMIT = "users.lockout.failure_limit"
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
# Reverse proxies in front of the app that append to X-Forwarded-For (core/client_address.py): 0
# reads the connection's address; never the header's first, client-written hop.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "users.lockout.lockout_response"
AXES_COOLOFF_MESSAGE = "Đăng nhập sai quá nhiều lần: tài khoản tạm bị khóa, vui lòng thử lại sau."
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_ip"  # the address the citizens' forms count
# TOTP second factor: required for the board's head, deputies, secretaries and admins (and superusers)
# when on; anyone may turn it on for their own account. Off only in dev and tests (their settings say so).
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Idle sign-out: a session unused for this long ends; Wagtail's background pings from an open editor do
# not count as use. The session's own age matches, so the database forgets it too.
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_MINUTES", "30")) * 60
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Security headers, here rather than in production.py so that dev and the tests see them; HSTS, the HTTPS
# redirect and secure cookies are production-only (production.py). Policy code: operations/security.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
# Other sites learn nothing of where a visitor came from (a search URL holds what a citizen looked for).
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views set SAMEORIGIN themselves; the CSP follows them
# Video hosts whose players may be embedded (wagtail.embeds gives an <iframe> from them).
EMBED_FRAME_SOURCES = env_list(
    "EMBED_FRAME_SOURCES",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
# Public pages: scripts and styles only from files the portal serves, no inline code, never framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],  # the CAPTCHA's audio
        "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The admin (Wagtail's and Django's) writes inline scripts and style attributes that the portal cannot
# change, so it gets 'unsafe-inline' there; it sits behind a login and its own CSRF checks.
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
}
# Browser features the portal never uses, switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Citizens' forms (feedback/): files they attach live outside MEDIA_ROOT and reach staff only through a
# checked view; CAPTCHA on by default; per-IP limit "submissions/seconds" per form.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
# Key that signs a backup's manifest (operations/backup.py); empty: a key derived from SECRET_KEY, so a
# restore needs the same SECRET_KEY (or the same BACKUP_SIGNING_KEY) as the portal that made the backup.
BACKUP_SIGNING_KEY = os.environ.get("BACKUP_SIGNING_KEY", "")
FEEDBACK_CAPTCHA = os.environ.get("FEEDBACK_CAPTCHA", "1") == "1"
FEEDBACK_RATE_LIMIT = os.environ.get("FEEDBACK_RATE_LIMIT", "5/600")
FEEDBACK_MIN_FILL_SECONDS = int(os.environ.get("FEEDBACK_MIN_FILL_SECONDS", "3"))
FEEDBACK_MAX_ATTACHMENT_SIZE = int(os.environ.get("FEEDBACK_MAX_ATTACHMENT_SIZE", 10 * 1024 * 1024))
CAPTCHA_FONT_SIZE = 32
CAPTCHA_LETTER_ROTATION = (-20, 20)
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.random_char_challenge"
CAPTCHA_LENGTH = 5
