"""Email settings from the environment (no Django import: settings.py calls this).

EMAIL_URL wins when set: `smtp://user:password@host:587` (STARTTLS with `?tls=1`),
`smtps://user:password@host:465` (SSL), `console://` or `locmem://`. Otherwise EMAIL_HOST
selects SMTP with EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS,
EMAIL_USE_SSL; with neither, mail is printed on the console (development).
FANARCHIVE_SITE_URL is the archive's address that links in notice emails start with."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qs, unquote, urlsplit

from fanarchive.site.env import ConfigError

SMTP = "django.core.mail.backends.smtp.EmailBackend"
BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "smtp": SMTP,
    "smtps": SMTP,
}
TRUE_WORDS = {"1", "true", "yes", "on"}
DEFAULT_SITE_URL = "http://127.0.0.1:8000"


def email_settings(environ: Mapping[str, str]) -> dict:
    """Django's EMAIL_* settings (and DEFAULT_FROM_EMAIL) for this environment."""
    sender = environ.get("DEFAULT_FROM_EMAIL") or "fanarchive <noreply@localhost>"
    common = {
        "DEFAULT_FROM_EMAIL": sender,
        "SERVER_EMAIL": sender,
        # Links in notice emails, which are sent outside any request (readers/emails.py).
        "FANARCHIVE_SITE_URL": _site_url(environ.get("FANARCHIVE_SITE_URL", DEFAULT_SITE_URL)),
    }
    if environ.get("EMAIL_URL"):
        return common | _from_url(environ["EMAIL_URL"])
    if environ.get("EMAIL_HOST"):
        return common | _smtp(
            host=environ["EMAIL_HOST"],
            port=_port(environ.get("EMAIL_PORT") or "25", "EMAIL_PORT"),
            user=environ.get("EMAIL_HOST_USER", ""),
            password=environ.get("EMAIL_HOST_PASSWORD", ""),
            tls=environ.get("EMAIL_USE_TLS", "").strip().lower() in TRUE_WORDS,
            ssl=environ.get("EMAIL_USE_SSL", "").strip().lower() in TRUE_WORDS,
        )
    return common | {"EMAIL_BACKEND": BACKENDS["console"]}


def _from_url(url: str) -> dict:
    parts = urlsplit(url)
    if parts.scheme not in BACKENDS:
        known = ", ".join(f"{name}://" for name in BACKENDS)
        raise ConfigError(f"EMAIL_URL={parts.scheme}://… is not supported (use {known})")
    if parts.scheme in {"console", "locmem"}:
        return {"EMAIL_BACKEND": BACKENDS[parts.scheme]}
    if not parts.hostname:
        raise ConfigError("EMAIL_URL names no host (smtp://user:password@host:port)")
    query = {k: v[-1].lower() for k, v in parse_qs(parts.query).items()}
    ssl = parts.scheme == "smtps" or query.get("ssl") in TRUE_WORDS
    try:
        port = parts.port
    except ValueError:
        raise ConfigError("EMAIL_URL has a port that is not a number") from None
    return _smtp(
        host=parts.hostname,
        port=port or (465 if ssl else 25),
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        tls=query.get("tls") in TRUE_WORDS,
        ssl=ssl,
    )


def _smtp(host: str, port: int, user: str, password: str, tls: bool, ssl: bool) -> dict:
    if tls and ssl:
        raise ConfigError("email: choose TLS (STARTTLS) or SSL, not both")
    return {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": host,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": user,
        "EMAIL_HOST_PASSWORD": password,
        "EMAIL_USE_TLS": tls,
        "EMAIL_USE_SSL": ssl,
        "EMAIL_TIMEOUT": 10,
    }


def _site_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ConfigError(
            f"FANARCHIVE_SITE_URL={url!r} is not an http(s) address (https://archive.example.org)"
        )
    return url.strip().rstrip("/")


def _port(raw: str, name: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a port number") from None
