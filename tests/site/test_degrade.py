"""Redis down with CACHE_URL set: logged-out pages and posts still work (issue 19).

Redis is "down" by pointing the cache at a port on 127.0.0.1 nobody listens on."""

import logging
import os
import socket
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.urls import reverse

from fanarchive.browse.models import WorkIndex
from fanarchive.site import cache as failsoft
from fanarchive.site import pagecache
from fanarchive.works.models import Work
from tests.works.helpers import posted_work, work_form_data

pytestmark = pytest.mark.django_db
FAIL_SOFT = "fanarchive.site.cache.FailSoftRedisCache"
PLAIN = "django.core.cache.backends.redis.RedisCache"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the socket closes: nothing listens there


@pytest.fixture
def redis_down(settings):
    def use(backend: str = FAIL_SOFT) -> None:
        settings.CACHES = {
            "default": {
                "BACKEND": backend,
                "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            }
        }
        failsoft._down_until.clear()

    yield use
    failsoft._down_until.clear()
    pagecache._owed["bump"] = False


@pytest.mark.parametrize("backend", [FAIL_SOFT, PLAIN])
def test_logged_out_pages_are_served_uncached(client, author, redis_down, backend):
    work = posted_work(author, title="Still Readable")
    redis_down(backend)  # even Django's own Redis cache, which raises: the page cache copes
    for name, args in (("works:detail", [work.pk]), ("browse:works", [])):
        for _ in range(2):
            response = client.get(reverse(name, args=args))
            assert response.status_code == 200
            assert response.get("X-Page-Cache") != "hit"
    assert b"Still Readable" in response.content


def test_a_post_is_saved_and_filed(author_client, redis_down, django_capture_on_commit_callbacks):
    redis_down()
    with django_capture_on_commit_callbacks(execute=True):
        response = author_client.post(reverse("works:new"), work_form_data(title="Saved Anyway"))
    assert response.status_code == 302
    work = Work.objects.get(title="Saved Anyway")
    assert WorkIndex.objects.filter(work_id=work.id).exists()  # a draft, filed unlisted
    assert work.analysis.data  # the analysis ran in-process (no broker), as usual
    assert author_client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("backend", [FAIL_SOFT, PLAIN])
def test_invalidating_never_raises_into_the_transaction(
    author, redis_down, backend, django_capture_on_commit_callbacks, caplog
):
    redis_down(backend)
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author, title="Committed")
        pagecache.invalidate(sender=Work)
    assert Work.objects.filter(pk=work.pk, title="Committed").exists()
    assert pagecache._owed["bump"]  # paid when the cache answers again
    assert "version not bumped" in caplog.text


def test_an_owed_bump_is_paid_when_the_cache_answers_again(
    client, author, redis_down, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author, title="Before")
    url = reverse("browse:works")
    assert client.get(url)["X-Page-Cache"] == "miss"  # cached (local memory) at this version
    caches_before = settings.CACHES
    redis_down()
    with django_capture_on_commit_callbacks(execute=True):
        work.title = "After"
        work.save()  # the bump fails: the cache is unreachable
    settings.CACHES = caches_before  # the same cache is reachable again
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss" and b"After" in response.content
    assert not pagecache._owed["bump"]


def test_the_fail_soft_cache_misses_and_drops_and_logs_once(redis_down, caplog):
    redis_down()
    with caplog.at_level(logging.WARNING, logger="fanarchive.site.cache"):
        cache.set("k", 1)
        assert cache.get("k", "default") == "default"
        assert cache.add("k", 1) is False
        assert cache.get_many(["k"]) == {}
        with pytest.raises(ValueError):
            cache.incr("k")
    assert caplog.text.count("unreachable") == 1


def test_settings_use_the_fail_soft_cache_for_cache_url(tmp_path):
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {
        "CACHE_URL": "redis://127.0.0.1:6390/9",
        "DJANGO_SETTINGS_MODULE": "fanarchive.site.settings",
        "FANARCHIVE_VAR_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == FAIL_SOFT


def test_a_post_is_saved_when_the_broker_is_down_too(
    author_client, redis_down, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    from kombu.exceptions import OperationalError as BrokerDown

    from fanarchive.insights import tasks

    def queue(*args):  # what publishing to an unreachable Redis raises
        raise BrokerDown("Error 111 connecting to 127.0.0.1. Connection refused.")

    redis_down()
    monkeypatch.setattr(tasks.analyse_work, "delay", queue)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = author_client.post(reverse("works:new"), work_form_data(title="Queued Later"))
    assert response.status_code == 302
    work = Work.objects.get(title="Queued Later")
    assert WorkIndex.objects.filter(work_id=work.id).exists()
    assert "Connection refused" in caplog.text  # the lost task is logged
    assert author_client.get(response["Location"]).status_code == 200  # "Analysis pending"


@pytest.mark.skipif(not os.environ.get("FANARCHIVE_TEST_REDIS_URL"), reason="needs Redis")
def test_a_version_bump_is_tried_even_while_backing_off(settings):
    """A process that met Redis down once leaves it alone for a few seconds, but not for the
    page cache's version bump: a bump it skipped would leave other processes serving pages
    from before the change."""
    url = os.environ["FANARCHIVE_TEST_REDIS_URL"]
    settings.CACHES = {"default": {"BACKEND": FAIL_SOFT, "LOCATION": url}}
    cache.set(pagecache.VERSION_KEY, 41, None)
    failsoft._down_until[url] = float("inf")  # as just after a failure
    try:
        assert cache.get(pagecache.VERSION_KEY) is None  # reads: skipped while backing off
        assert pagecache.bump_version()  # the bump: tried, and it works
        assert url not in failsoft._down_until  # Redis answered: no more backing off
        assert cache.get(pagecache.VERSION_KEY) == 42
    finally:
        failsoft._down_until.clear()
        cache.delete(pagecache.VERSION_KEY)
