"""Settings, driven by environment variables (see docs/deploy.md).

With no configuration at all the archive runs on SQLite under var/ in the repository;
DATABASE_URL=postgres://... switches to PostgreSQL.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from fanarchive.accounts.mailconfig import email_settings
from fanarchive.devdata import shared_dir
from fanarchive.site.env import (
    database_from_url,
    envbool,
    envint,
    envlist,
    envstr,
    replica_from_url,
)
from fanarchive.site.requestlog import logging_config

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parents[2]
VAR_DIR = Path(envstr("FANARCHIVE_VAR_DIR", str(REPO_DIR / "var")))
# The shared folder next to the repository holds the sample works `make serve` imports.
SHARED_DIR = shared_dir()

DEV_SECRET_KEY = "fanarchive-development-only-secret-key-change-me-in-production"
SECRET_KEY = envstr("SECRET_KEY", DEV_SECRET_KEY)
DEBUG = envbool("DEBUG", False)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "fanarchive.site.errors.csrf_failure"  # styled, keeps typed text
SITE_NAME = envstr("SITE_NAME", "fanarchive")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",  # failed log-ins counted in the database (site/ratelimit.py)
    "csp",  # Content-Security-Policy (below)
    "fanarchive.site",
    "fanarchive.accounts",
    "fanarchive.tags",
    "fanarchive.works",
    "fanarchive.insights",
    "fanarchive.imports",
    "fanarchive.browse",
    "fanarchive.readers",
    "fanarchive.collections",
    "fanarchive.search",
    "fanarchive.skins",  # AO3's site skins
]

MIDDLEWARE = [
    "fanarchive.site.metrics.RequestMetricsMiddleware",  # times every answer, cached ones too
    "fanarchive.site.requestlog.RequestLogMiddleware",  # JSON request lines (when enabled)
    # Next, so a cached page for an anonymous reader skips everything else (site/pagecache.py).
    "fanarchive.site.pagecache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: turns a locked-out log-in into the 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "fanarchive.site.urls"
# AO3's addresses have no trailing slash; the old ones with one are redirected by a last URL
# pattern (site/ao3.py), which CommonMiddleware's slash-appending would otherwise fight.
APPEND_SLASH = False
WSGI_APPLICATION = "fanarchive.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fanarchive.site.context.site",
            ],
        },
    },
]

DATABASES = {"default": database_from_url(envstr("DATABASE_URL"), VAR_DIR / "fanarchive.sqlite3")}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several writers (gunicorn workers, an import, Celery) take turns instead of failing with
    # "database is locked": a transaction takes the write lock when it begins and waits up to
    # 20 s for it; write-ahead logging lets readers go on while one writes, and commits skip
    # the fsync (a killed process loses nothing committed; see docs/deploy.md).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    )
if (
    DATABASES["default"]["ENGINE"].endswith("sqlite3")
    and DATABASES["default"]["NAME"] != ":memory:"
):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(
        parents=True, exist_ok=True
    )  # zero-config start
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Listings read a PostgreSQL streaming replica once it has caught up (site/routers.py,
# browse/replica.py); the router is inert without FANARCHIVE_REPLICA_URL.
_replica = replica_from_url(envstr("FANARCHIVE_REPLICA_URL"), DATABASES["default"])
if _replica:
    DATABASES["replica"] = _replica
DATABASE_ROUTERS = ["fanarchive.site.routers.ReplicaRouter"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Log-in lockout (django-axes, site/ratelimit.py, docs/security.md): 5 failures per
# canonical username and client address lock that pair out for 15 minutes, on the site's and
# the admin's log-in forms alike, across processes (the count is in the database).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("FANARCHIVE_LOGIN_ATTEMPTS", 5)
AXES_COOLOFF_TIME = timedelta(seconds=envint("FANARCHIVE_LOGIN_WINDOW_SECONDS", 15 * 60))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Tries during a lockout do not restart it: it ends 15 minutes after the failure that set it,
# as the lockout message says, even if the owner tries again meanwhile.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "fanarchive.site.ratelimit.canonical_username"
AXES_CLIENT_IP_CALLABLE = "fanarchive.site.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "fanarchive.site.ratelimit.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # failures are kept for the window; successes are not logged
AXES_VERBOSE = False
# How many reverse proxies (nginx, caddy...) stand in front of gunicorn, each appending the
# address it saw to X-Forwarded-For. 0 (the default, `make serve`): the header is ignored.
FANARCHIVE_TRUSTED_PROXIES = envint("FANARCHIVE_TRUSTED_PROXIES", 0)

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "works:home"
LOGOUT_REDIRECT_URL = "works:home"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(VAR_DIR / "static")))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# HSTS (docs/security.md): off unless SECURE_HSTS_SECONDS is set, so http://127.0.0.1 keeps
# working. Django sends it only on HTTPS requests: behind a TLS-terminating proxy, set
# TRUST_X_FORWARDED_PROTO=1 once the proxy sets X-Forwarded-Proto itself.
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
if envbool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Content-Security-Policy (django-csp): the site runs no JavaScript of its own; the admin's
# scripts and every stylesheet are our static files. Inline style *attributes* are allowed
# (the analysis page colours speakers and bars with them); no inline <script> or <style>.
# Works may show images from http(s) addresses, as their sanitiser allows (works/html.py);
# data: is for the empty favicon of base.html (without it browsers ask for /favicon.ico).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "https:", "http:", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# Uploads and pasted text: a work's text arrives as a form field, so the request body
# limit sits above the per-chapter limit and the form reports the real problem.
FANARCHIVE_MAX_UPLOAD_BYTES = envint("FANARCHIVE_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
FANARCHIVE_MAX_CHAPTER_CHARS = envint("FANARCHIVE_MAX_CHAPTER_CHARS", 500_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 12 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = FANARCHIVE_MAX_UPLOAD_BYTES

# stderr; FANARCHIVE_LOG_FORMAT=json: JSON lines plus one line per request (site/requestlog.py).
LOGGING = logging_config(envstr("FANARCHIVE_LOG_FORMAT", "text"), envstr("LOG_LEVEL", "WARNING"))

# Cache: Redis when CACHE_URL=redis://... is set (shared by every gunicorn worker), else
# memory per process. Anonymous pages are cached whole (fanarchive/site/pagecache.py).
CACHE_URL = envstr("CACHE_URL")
# Redis down degrades to no cache (site/cache.py): pages served uncached, posts still saved.
CACHES = {
    "default": {
        "BACKEND": "fanarchive.site.cache.FailSoftRedisCache",
        "LOCATION": CACHE_URL,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
FANARCHIVE_PAGE_CACHE_SECONDS = envint("FANARCHIVE_PAGE_CACHE_SECONDS", 60)

# Email (password reset): console by default; SMTP from EMAIL_URL or EMAIL_HOST/PORT/USER/
# PASSWORD (accounts/mailconfig.py, docs/deploy.md).
globals().update(email_settings(os.environ))
