"""Finding 3: sanitising cost linear in the input. nh3 (html5ever) pays the current nesting
depth for every block tag, so deep markup was quadratic: 80,000 nested <div>s took ~10 s per
`nh3.clean`, on posting and again on every download. These tests measure depth, scanned
characters and call counts, never wall time."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3
import pytest
from django.urls import reverse

from fanarchive.exports import ExportChapter, ExportWork, export_work, nesting
from fanarchive.exports.nesting import MAX_NESTING, limit_nesting
from fanarchive.exports.sanitize import clean_html
from fanarchive.works.html import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    CLEAN_CONTENT_TAGS,
    URL_SCHEMES,
    sanitize_html,
    user_html,
)
from fanarchive.works.models import Work
from tests.works.helpers import posted_work, work_form_data

TREE_DEPTH = MAX_NESTING * 4 // 3 + 3  # html5ever adds a <tbody> to each table
DEEP = 3000  # far beyond MAX_NESTING, small enough for the old quadratic code to finish


class _DepthCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = self.deepest = 0

    def handle_starttag(self, tag, attrs):
        if tag not in nesting.VOID:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag):
        if tag not in nesting.VOID:
            self.depth -= 1


def depth_of(sanitised: str) -> int:
    """Nesting depth of sanitiser output (well-formed: nh3 serialises a tree)."""
    counter = _DepthCounter()
    counter.feed(sanitised)
    counter.close()
    return counter.deepest


def words(markup: str) -> list[str]:
    return re.findall(r"w\d+", markup)


# Nested blocks, nested lists, formatting elements that html5ever keeps in its list of active
# formatting elements (distinct attributes defeat its "three equal ones" clause), formatting
# elements closed implicitly (reopened after every block), and "<div/>" (HTML ignores the slash).
ADVERSARIAL = {
    "divs": lambda n: "".join(f"<div>w{i}" for i in range(n)) + "</div>" * n,
    "lists": lambda n: "".join(f"<ul><li>w{i}" for i in range(n)),
    "definition lists": lambda n: "".join(f"<dl><dd>w{i}" for i in range(n)),
    "formatting": lambda n: "".join(f'<b title="{i}">w{i}' for i in range(n)),
    "misnested": lambda n: "".join(f'<div><b title="{i}">w{i}</div>' for i in range(n)),
    "implicit paragraphs": lambda n: "".join(f'<p><i title="{i}">w{i}' for i in range(n)),
    "self-closed divs": lambda n: "".join(f"<div/>w{i}" for i in range(n)),
    "tables": lambda n: "".join(f"<table><tr><td>w{i}" for i in range(n)),
    "blockquotes in a span": lambda n: "<span>" + "".join(f"<blockquote>w{i}" for i in range(n)),
}


@pytest.mark.parametrize("shape", ADVERSARIAL)
def test_posting_sanitiser_output_is_shallow_and_keeps_every_word(shape):
    markup = ADVERSARIAL[shape](DEEP)
    safe = sanitize_html(markup)
    assert depth_of(safe) <= TREE_DEPTH
    assert words(safe) == [f"w{i}" for i in range(DEEP)]
    # Output grows linearly: no element is reopened after every block.
    assert len(safe) < 3 * len(markup)


@pytest.mark.parametrize("shape", ADVERSARIAL)
def test_download_sanitiser_output_is_shallow_and_keeps_every_word(shape):
    markup = ADVERSARIAL[shape](DEEP)
    safe = clean_html(markup)
    assert depth_of(safe) <= TREE_DEPTH
    assert words(safe) == [f"w{i}" for i in range(DEEP)]


class _CountingText(str):
    """A str whose find() adds up how far each search scanned."""

    scanned = 0

    def find(self, needle, start=0, *rest):
        found = str.find(self, needle, start, *rest)
        _CountingText.scanned += (len(self) if found == -1 else found) - start
        return found


UNTERMINATED = {
    "open tags": "<a x",
    "quotes": '<a title="',
    "comments": "<!--",
    "declarations": "<!",
    "end tags": "</a ",
    "spaces": "<a <a ",
}


@pytest.mark.parametrize("shape", UNTERMINATED)
def test_the_nesting_limiter_scans_each_character_a_bounded_number_of_times(shape):
    markup = _CountingText(UNTERMINATED[shape] * 20_000 + "<p>end</p>")
    _CountingText.scanned = 0
    limited = limit_nesting(markup)
    assert _CountingText.scanned <= 4 * len(markup)
    if not shape.startswith(("comments", "declarations")):  # those hide the rest, as browsers do
        assert "end" in limited.html  # the text after a broken tag is kept


def test_markup_that_never_closes_is_kept_as_visible_text():
    limited = limit_nesting('<p>Before</p><a title="never closed>After</p>')
    assert "Before" in limited.html and "After" in limited.html
    assert "After" in nh3.clean(limited.html)


@pytest.mark.parametrize(
    "story",
    [
        "<p>One <em>two</em></p><ul><li>three<li>four</ul><p>five<br/>six</p><hr/>",
        '<p align="center">A<p>B <a href="https://example.org/?a=1&amp;b=2">link</a>',
        "<table><tr><td>1<td>2<tr><td>3</table><blockquote><p>q</blockquote>",
    ],
)
def test_shallow_markup_sanitises_as_before(story):
    """Below the depth limit the limiter changes nothing nh3 would not have produced."""
    assert (
        sanitize_html(story)
        == nh3.clean(
            story,
            tags=ALLOWED_TAGS,
            clean_content_tags=CLEAN_CONTENT_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="nofollow noopener noreferrer",
            strip_comments=True,
        ).strip()
    )


@pytest.mark.django_db
def test_posting_deep_markup_flattens_it_keeps_the_text_and_says_so(author_client):
    body = ADVERSARIAL["divs"](DEEP)
    response = author_client.post(reverse("works:new"), work_form_data(body=body), follow=True)
    assert response.status_code == 200
    assert f"more than {MAX_NESTING} levels deep" in response.content.decode()
    chapter = Work.objects.get().chapters.get()
    assert depth_of(chapter.body) <= MAX_NESTING
    assert words(chapter.body) == [f"w{i}" for i in range(DEEP)]
    assert chapter.words == DEEP


@pytest.mark.django_db
def test_a_download_does_not_sanitise_the_text_again(client, author, monkeypatch):
    """Each format is rendered once per revision of the work; later downloads reuse it."""
    work = posted_work(author)
    chapter = work.chapters.get()
    chapter.body = user_html("<p>marker-text</p>")
    chapter.save()
    calls = []
    real_clean = nh3.clean

    def counting_clean(markup, *args, **kwargs):
        if "marker-text" in markup:
            calls.append(markup)
        return real_clean(markup, *args, **kwargs)

    monkeypatch.setattr(nh3, "clean", counting_clean)
    for _ in range(3):
        for fmt in ("txt", "html", "epub"):
            response = client.get(reverse("readers:download", args=[work.pk, fmt]))
            assert response.status_code == 200
    assert len(calls) == 3  # once per format, not once per download


@pytest.mark.django_db
def test_a_changed_work_is_downloaded_afresh(client, author, other_user):
    client.force_login(other_user)  # past the anonymous page cache
    work = posted_work(author)
    url = reverse("readers:download", args=[work.pk, "txt"])
    assert b"Kakashi smiled" in client.get(url).content
    chapter = work.chapters.get()
    chapter.body = user_html("<p>A new ending.</p>")
    chapter.save()
    assert b"A new ending." in client.get(url).content


def test_exporting_deep_markup_from_a_file_is_bounded():
    """The CLI exports files nobody sanitised: the export path limits depth itself."""
    body = ADVERSARIAL["divs"](DEEP)
    data = export_work(ExportWork("Deep", chapters=[ExportChapter(body=body)]), "html")
    text = data.decode()
    assert words(text) == [f"w{i}" for i in range(DEEP)]
    assert text.count("<div") < MAX_NESTING + 20


@pytest.mark.parametrize(
    "tail", ["<!--" * 20_000, "<a" * 20_000, "<![" * 20_000, "<div>" * 20_000 + "deep"]
)
def test_an_html_upload_reaches_the_reader_in_canonical_form(tail, monkeypatch):
    """Python's HTMLParser (the upload reader's) rescans on broken comments, declarations and
    tags: 160 KB of "<!--" took 8 s. The reader now gets the canonical form: no comment or
    declaration, every "<" opening a tag, nothing deeper than MAX_NESTING."""
    from fanarchive.works import uploads

    seen = []
    real_read_text = uploads.read_text

    def recording_read_text(text, fmt="text"):
        seen.append((text, fmt))
        return real_read_text(text, fmt)

    monkeypatch.setattr(uploads, "read_text", recording_read_text)
    data = ("<html><body><p>Gai ran to the river.</p>" + tail).encode()
    document = uploads.read_upload(data, "story.html", 5 * 2**20)
    assert "Gai ran to the river." in document.text
    [(markup, fmt)] = seen
    assert fmt == "html" and "<!" not in markup
    assert re.fullmatch(r"(?:[^<]|<(?:/?[a-z][^<>]*)>)*", markup)
    assert depth_of(markup) <= MAX_NESTING
