"""The real AO3 clients (ao3-api, ao3downloader, FanFicFare), unmodified, against a live test
server: every request they make to https://archiveofourown.org is sent by a requests
transport adapter to the live server on 127.0.0.1 instead. Nothing reaches the network."""

from __future__ import annotations

import pytest
import requests
from django.test import RequestFactory
from requests.adapters import HTTPAdapter

from fanarchive.readers import services as readers
from fanarchive.readers.models import Series
from fanarchive.tags.models import TagType
from fanarchive.tags.services import tags_for_names
from tests.works.helpers import posted_work

AO3 = "https://archiveofourown.org"


class LiveServerAdapter(HTTPAdapter):
    """Sends an AO3 request to the live server; the response keeps its AO3 address, so
    redirects, cookies and relative links stay on 'AO3' for the client."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base.rstrip("/")

    def send(self, request, **kwargs):
        routed = request.copy()
        routed.url = self.base + request.url[len(AO3) :]
        routed.headers["Host"] = self.base.split("://", 1)[1]
        response = super().send(routed, **kwargs)
        response.url = request.url
        response.request = request
        return response


@pytest.fixture
def ao3(live_server, monkeypatch):
    """Route https://archiveofourown.org to the live server for every requests.Session
    (ao3-api's module-level requests.request makes one per call); other hosts are refused."""
    adapter = LiveServerAdapter(live_server.url)
    original = requests.Session.get_adapter

    def get_adapter(self, url):
        if url.startswith(AO3):
            return adapter
        if url.startswith(live_server.url):
            return original(self, url)
        raise AssertionError(f"a test tried to reach the network: {url}")

    monkeypatch.setattr(requests.Session, "get_adapter", get_adapter)
    return live_server


def tag(work, tag_type: str, *names: str) -> None:
    work.set_tags(tag_type, tags_for_names(list(names), tag_type))


@pytest.fixture
def archive(transactional_db, author, other_user):
    """A one-shot with every field, a three-chapter work, a series of both, a bookmark and
    a comment by another reader."""
    one_shot = posted_work(
        author,
        title="The River",
        summary="<p>Two boys race.</p>",
        notes="<p>Written for a friend.</p>",
        endnotes="<p>Thanks for reading.</p>",
        complete=True,
    )
    tag(one_shot, TagType.FANDOM, "Naruto")
    tag(one_shot, TagType.CHARACTER, "Hatake Kakashi", "Maito Gai")
    tag(one_shot, TagType.RELATIONSHIP, "Hatake Kakashi/Maito Gai")
    tag(one_shot, TagType.FREEFORM, "Rivalry")
    multi = posted_work(author, title="Long Road", chapters=3, complete=False, expected_chapters=5)
    tag(multi, TagType.FANDOM, "Naruto")
    series = Series.objects.create(owner=author, title="Green Beasts", summary="<p>Both.</p>")
    readers.add_to_series(series, one_shot)
    readers.add_to_series(series, multi)
    readers.save_bookmark(other_user, one_shot, {"notes": "Lovely", "private": False})
    request = RequestFactory().post("/")
    request.user = other_user
    readers.add_comment(request, one_shot, "<p>Great race.</p>", None, None)
    return {"one_shot": one_shot, "multi": multi, "series": series}
