"""Finding 15 of issue 16: no Content-Security-Policy, no HSTS option.

The policy allows scripts and stylesheets only from the archive itself, style attributes (the
analysis page's colours), images from http(s) (works may show them), and nothing else; no
page of the archive carries an inline script or <style> it would block. HSTS is off by
default (http://127.0.0.1 must keep working) and set from the environment."""

import os
import re
import subprocess
import sys

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from fanarchive.insights.services import analyze_work
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db
INLINE_SCRIPT_RE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
HANDLER_RE = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part
    }


def test_pages_carry_a_policy_that_forbids_inline_scripts(client):
    policy = directives(client.get("/"))
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert not any("'unsafe-eval'" in v or "'unsafe-inline'" in v for k, v in policy.items()
                   if k != "style-src-attr")  # fmt: skip


def test_no_page_needs_what_the_policy_forbids(client, author, admin_client):
    work = posted_work(author)
    analyze_work(work)
    pages = [
        client.get("/"),
        client.get(reverse("accounts:login")),
        client.get(reverse("accounts:signup")),
        client.get(reverse("works:detail", args=[work.pk])),
        client.get(reverse("insights:analysis", args=[work.pk])),
        admin_client.get(reverse("admin:index")),
        admin_client.get(reverse("admin:auth_user_changelist")),
    ]
    for response in pages:
        assert response.status_code == 200, response
        assert "Content-Security-Policy" in response
        html = response.content.decode()
        assert not INLINE_SCRIPT_RE.search(html), response.wsgi_request.path
        assert "<style" not in html.lower(), response.wsgi_request.path
        assert not HANDLER_RE.search(html), response.wsgi_request.path


def test_a_page_served_from_the_anonymous_page_cache_keeps_the_policy(author):
    path = reverse("works:detail", args=[posted_work(author).pk])
    first, cached = Client().get(path), Client().get(path)
    assert cached["X-Page-Cache"] == "hit"
    assert cached["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_hsts_is_off_by_default_even_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/", secure=True)


@override_settings(SECURE_HSTS_SECONDS=31536000)
def test_hsts_is_sent_over_https_when_configured(client):
    assert client.get("/", secure=True)["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in client.get("/")  # not over plain http


def test_hsts_and_the_forwarded_protocol_come_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_PROXY_SSL_HEADER)"
    )
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="fanarchive.site.settings",
               SECURE_HSTS_SECONDS="600", SECURE_HSTS_INCLUDE_SUBDOMAINS="1",
               TRUST_X_FORWARDED_PROTO="yes")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["600", "True", "('HTTP_X_FORWARDED_PROTO',", "'https')"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_chromium_reports_no_policy_violation(
    chromium,
    live_server,
    author,
    django_user_model,  # noqa: F811
):
    work = posted_work(author)
    analyze_work(work)
    django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-password-42")
    context = chromium.new_context(base_url=live_server.url)
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Security Policy" in m.text else None)
    for path in ["/", f"/works/{work.pk}", f"/works/{work.pk}/analysis", "/admin/login/"]:
        page.goto(path)
    page.fill("#id_username", "boss")
    page.fill("#id_password", "a-long-password-42")
    page.click("input[type=submit]")
    page.goto("/admin/auth/user/add/")
    assert page.locator("#id_username").is_visible()
    # The stylesheet applied: the analysis page's speaker colours come from style attributes.
    page.goto(f"/works/{work.pk}/analysis/")
    context.close()
    assert refused == []
