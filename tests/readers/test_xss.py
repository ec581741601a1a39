"""Every payload of the corpus through every user text field, over HTTP, then every page
that shows them and the HTML, EPUB and TXT downloads are audited: no script, no event
handler, no script URL, no foreign element survives."""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from fanarchive.accounts.models import Pseud
from fanarchive.readers.models import Comment, Series
from fanarchive.tags.models import Tag
from fanarchive.works.models import Work
from tests.works.helpers import work_form_data
from tests.xss_corpus import PAYLOADS, TAG_PAYLOADS

pytestmark = pytest.mark.django_db
CHUNK = 15
CHUNKS = [PAYLOADS[i : i + CHUNK] for i in range(0, len(PAYLOADS), CHUNK)]
FOREIGN = {
    "script", "iframe", "svg", "math", "object", "embed", "base", "frame", "frameset",
    "applet", "video", "audio", "source", "mglyph", "mtext",
}  # fmt: skip
# The site's own styles (the analysis page colours speakers) are allowed; a payload's are not.
PAYLOAD_CSS_RE = re.compile(r"alert|javascript|url\(|expression", re.I)
SCRIPT_URL_RE = re.compile(r"^\s*(?:javascript|vbscript|data):", re.I)


class Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_style = False

    def handle_data(self, data):
        # The site's own stylesheets are allowed; a payload's CSS is not.
        if self.in_style and PAYLOAD_CSS_RE.search(data):
            self.problems.append("<style> with a payload")

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.in_style = tag == "style"
        if tag in FOREIGN and not _own_script(tag, attrs):
            self.problems.append(f"<{tag}>")
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            self.problems.append("<meta http-equiv>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in {"srcdoc", "formaction"}:
                self.problems.append(f"<{tag} {name}>")
            if name == "style" and PAYLOAD_CSS_RE.search(value):
                self.problems.append(f"<{tag} style={value!r}>")
            cleaned = re.sub(r"[\s\x00-\x1f]", "", value)
            if tag == "link" and value == "data:,":
                continue  # the site's own empty favicon
            if name in {"href", "src", "action", "data"} and SCRIPT_URL_RE.match(cleaned):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if tag == "form" and name == "action" and value and not value.startswith("/"):
                self.problems.append(f"<form action={value!r}>")


def _own_script(tag: str, attrs) -> bool:
    """The site's own script files (the chapter editor): a src under /static/, nothing else."""
    names = {name for name, _ in attrs}
    src = dict(attrs).get("src") or ""
    return tag == "script" and names <= {"src", "defer"} and src.startswith("/static/works/")


def audit(markup: str, where: str) -> None:
    checker = Audit()
    checker.feed(markup)
    checker.close()
    assert checker.problems == [], (where, checker.problems)


def test_the_corpus_is_large():
    assert len(PAYLOADS) >= 200 and len(set(PAYLOADS)) == len(PAYLOADS)


@pytest.mark.parametrize("chunk", CHUNKS, ids=[f"payloads-{i * CHUNK}" for i in range(len(CHUNKS))])
def test_payloads_through_every_field(chunk, author, other_user, password):
    joined = "\n\n".join(chunk)
    writer, reader, guest = Client(), Client(), Client()
    writer.force_login(author)
    reader.force_login(other_user)
    pseud = Pseud.default_for(author)
    pseud.description = joined
    pseud.save()

    fields = {
        "title": chunk[0][:255],
        "summary": joined,
        "notes": joined,
        "endnotes": joined,
        "body": joined,
        "freeforms": ", ".join(TAG_PAYLOADS),
    }
    posted = writer.post(
        reverse("works:new"), work_form_data(**fields, characters=", ".join(chunk[:3]))
    )
    assert posted.status_code == 200  # tags with < > are refused on the form, kept typed
    assert not Work.objects.exists()
    retry = writer.post(reverse("works:new"), work_form_data(**fields))
    assert retry.status_code == 302, retry.context["form"].errors
    work = Work.objects.get()
    for payload in chunk[:4]:  # the profile: pseud names, through the pseuds form
        writer.post(reverse("accounts:pseuds"), {"name": payload[:40]})
    writer.post(reverse("insights:suggestions", args=[work.pk]), {"publish": "1"})
    Work.objects.filter(pk=work.pk).update(posted=True)
    chapter_data = {"title": chunk[1][:255], "summary": joined, "notes": joined}
    writer.post(
        reverse("works:chapter_new", args=[work.pk]),
        chapter_data | {"endnotes": joined, "body": joined},
    )
    for payload in chunk:
        reader.post(reverse("readers:comment", args=[work.pk]), {"body": payload})
    guest.post(reverse("readers:comment", args=[work.pk]), {"body": joined, "name": chunk[2][:60]})
    reader.post(
        reverse("readers:bookmark", args=[work.pk]),
        {"notes": joined, "private_notes": joined, "tags": ", ".join(chunk)[:1000]},
    )
    reader.post(reverse("readers:subscribe_work", args=[work.pk]))
    writer.post(reverse("works:chapter_new", args=[work.pk]), {"title": chunk[3], "body": "x"})
    assert Comment.objects.filter(work=work).count() == len(chunk) + 1
    assert work.chapters.count() == 3 and Tag.objects.filter(name=TAG_PAYLOADS[0]).exists()

    writer.post(reverse("readers:series_new"), {"title": chunk[4], "summary": joined})
    series = Series.objects.get()
    writer.post(reverse("readers:series_add", args=[work.pk]), {"series": series.pk})
    chapter = work.chapters.get(position=2)
    pages = {
        writer: [
            reverse("works:detail", args=[work.pk]) + "?view_full_work=true",
            reverse("works:chapter", args=[work.pk, chapter.pk]),
            reverse("works:dashboard"),
            reverse("readers:moderation"),
            reverse("works:edit", args=[work.pk]),
            reverse("insights:analysis", args=[work.pk]),
            reverse("accounts:pseuds"),
            reverse("readers:series", args=[series.pk]),
        ],
        reader: [
            reverse("works:home"),
            reverse("works:user_works", args=["author"]),
            reverse("readers:bookmarks"),
            reverse("readers:bookmark", args=[work.pk]),
            reverse("readers:inbox"),
            reverse("readers:history"),
            reverse("browse:works"),
            *[reverse("tags:detail", args=[t.pk]) for t in work.tags.all()],
        ],
        guest: [
            reverse("works:detail", args=[work.pk]) + "?view_full_work=true",
            reverse("readers:user_bookmarks", args=["outsider"]),
        ],
    }
    for client, urls in pages.items():
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            audit(response.content.decode(), url)

    for fmt in ("html", "txt", "epub"):
        response = guest.get(reverse("readers:download", args=[work.pk, fmt]))
        data = response.content
        if fmt == "epub":
            with zipfile.ZipFile(io.BytesIO(data)) as book:
                for name in book.namelist():
                    content = book.read(name).decode("utf-8", "replace")
                    if name.endswith("html"):
                        audit(content, name)  # "javascript:" as a tag's text is harmless
                    assert not re.search(r"<script", content, re.I), name
        elif fmt == "html":
            audit(data.decode(), "html download")
        else:
            # Plain text the browser never renders; a tag typed as "&lt;script&gt;" reads as
            # "<script>" in the tag block, so only the HTML fields after it must be free of
            # markup.
            assert response["Content-Type"].startswith("text/plain")
            assert response["X-Content-Type-Options"] == "nosniff"
            text = data.decode().split("Stats:", 1)[1]
            assert not re.search(r"<\s*/?\s*(script|img|svg|iframe|a|style)\b", text, re.I)
