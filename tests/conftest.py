"""Shared test setup: fast password hashing, the `database` marker, one Redis database per
test worker, and the three users every permission test reads the same way (author, another
user, a wrangler)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fanarchive.devdata import shared_dir

REPO = Path(__file__).resolve().parents[1]
SHARED = shared_dir()
DB_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def _redis_per_worker() -> None:
    """`make test` runs the suite on several pytest-xdist workers; a Celery test's queue or a
    page-cache test's keys on the one Redis database would meet another worker's. Each worker
    gets its own database number (gw0 -> 1, gw1 -> 2, ...; 0 stays the serial run's).
    The test modules read the variable at import, after this conftest."""
    from urllib.parse import urlsplit, urlunsplit

    url, worker = os.environ.get("FANARCHIVE_TEST_REDIS_URL"), os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker or not worker.startswith("gw"):
        return
    # 9 is the degrade tests' own; past eight workers (TEST_WORKERS=8 or more cores) two
    # workers would share a database, so more than eight is not supported.
    database = 1 + int(worker[2:]) % 8
    os.environ["FANARCHIVE_TEST_REDIS_URL"] = urlunsplit(
        urlsplit(url)._replace(path=f"/{database}")
    )


_redis_per_worker()


def pytest_configure(config):
    from django.conf import settings

    # PBKDF2 costs ~0.3 s per login here; tests do not need strong hashes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(items):
    """Mark every test that touches the database, so `make test` can rerun them on PostgreSQL."""
    for item in items:
        if item.get_closest_marker("django_db") or DB_FIXTURES & set(
            getattr(item, "fixturenames", ())
        ):
            item.add_marker(pytest.mark.database)


@pytest.fixture(autouse=True)
def _fresh_browse_index(request):
    """The browse index lives in process memory and follows the database's revisions; a test's
    rolled-back transaction takes its works out of the database but not out of that index, and
    the next test's revisions may climb past it (PostgreSQL) and keep them as phantoms (a
    total of 2 for one work listed). Every database test starts from a new index."""
    if request.node.get_closest_marker("database") is not None:
        from fanarchive.browse.service import HOLDER

        HOLDER.reset()
    yield


@pytest.fixture
def samples_dir() -> Path:
    folder = SHARED / "samples"
    if not folder.is_dir():
        pytest.skip(f"sample works not found at {folder} (set FANARCHIVE_SHARED)")
    return folder


@pytest.fixture
def password() -> str:
    return "a-long-test-password-42"


def _user(django_user_model, name: str, password: str):
    return django_user_model.objects.create_user(
        username=name, email=f"{name}@example.org", password=password
    )


@pytest.fixture
def author(django_user_model, password):
    return _user(django_user_model, "author", password)


@pytest.fixture
def other_user(django_user_model, password):
    return _user(django_user_model, "outsider", password)


@pytest.fixture
def wrangler(django_user_model, password):
    from django.contrib.auth.models import Group

    from fanarchive.tags.services import WRANGLERS_GROUP, ensure_archive_basics

    ensure_archive_basics()
    user = _user(django_user_model, "wrangler", password)
    user.groups.add(Group.objects.get(name=WRANGLERS_GROUP))
    return user


@pytest.fixture
def author_client(client, author):
    client.force_login(author)
    return client


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached pages must not leak from one test into another (rollbacks send no signals)."""
    from django.core.cache import cache

    cache.clear()


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# to set up data are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def chromium():
    """Real headless Chromium (Debian's), one for the whole run: Playwright's sync API runs one
    at a time in a thread, so browser tests in every folder share this one."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
