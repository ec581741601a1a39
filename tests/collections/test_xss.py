"""The XSS corpus through every collection text field (name, title, description, the
notes on an item), over HTTP; every page that shows them is audited as the site's other
pages are (tests/readers/test_xss.py)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from fanarchive.collections.models import Collection, CollectionItem
from tests.readers.test_xss import audit
from tests.works.helpers import posted_work
from tests.xss_corpus import PAYLOADS

pytestmark = pytest.mark.django_db
CHUNK = 30
CHUNKS = [PAYLOADS[i : i + CHUNK] for i in range(0, len(PAYLOADS), CHUNK)]


@pytest.mark.parametrize("chunk", CHUNKS, ids=[f"payloads-{i * CHUNK}" for i in range(len(CHUNKS))])
def test_payloads_through_every_collection_field(chunk, author, other_user):
    joined = "\n\n".join(chunk)
    owner, writer = Client(), Client()
    owner.force_login(other_user)
    writer.force_login(author)

    refused = owner.post(reverse("collections:new"), {"name": chunk[0][:60], "title": "x"})
    assert refused.status_code == 200  # a name with markup is refused, the form shown again
    audit(refused.content.decode(), "refused name")
    for number, payload in enumerate(chunk):
        response = owner.post(
            reverse("collections:new"),
            {"name": f"c{number}", "title": payload[:255], "description": joined},
        )
        assert response.status_code == 302, number
    assert Collection.objects.count() == len(chunk)

    work = posted_work(author)
    for number, payload in enumerate(chunk):
        Collection.objects.filter(name=f"c{number}").update(moderated=number % 2 == 0)
        writer.post(
            reverse("collections:work_collections", args=[work.pk]),
            {"collection": f"c{number}", "notes": payload},
        )
    assert CollectionItem.objects.filter(work=work).count() == len(chunk)
    for item in CollectionItem.objects.exclude(collection_approval="approved"):
        owner.post(reverse("collections:item_review", args=[item.pk]), {"decision": "approve"})

    guest = Client()
    pages = {
        owner: [
            reverse("collections:mine"),
            *[reverse("collections:manage", args=[f"c{n}"]) for n in range(0, len(chunk), 7)],
            reverse("collections:edit", args=["c1"]),
        ],
        writer: [
            reverse("collections:work_collections", args=[work.pk]),
            reverse("works:detail", args=[work.pk]),
            reverse("readers:inbox"),  # the moderators' decisions name the collections
        ],
        guest: [
            reverse("collections:list"),
            reverse("works:detail", args=[work.pk]),
            *[reverse("collections:detail", args=[f"c{n}"]) for n in range(0, len(chunk), 5)],
        ],
    }
    for client, urls in pages.items():
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            audit(response.content.decode(), url)
    assert "was approved for" in writer.get(reverse("readers:inbox")).content.decode()
    # The titles are shown, as text: escaped, not dropped.
    detail = guest.get(reverse("collections:detail", args=["c0"])).content.decode()
    assert escape(chunk[0][:255]) in detail
