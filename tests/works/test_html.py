"""The one sanitiser all user HTML goes through."""

import pytest

from fanarchive.works.html import sanitize_html, text_to_html, user_html

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p onclick="alert(1)">x</p>',
    "<object data=x></object><embed src=x>",
    '<form action="https://evil.example"><input name=p></form>',
    "<style>body{display:none}</style>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
    "<!--<script>alert(1)</script>-->",
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_dangerous_markup_is_removed(payload):
    clean = user_html(f"<p>Before</p>{payload}<p>After</p>").lower()
    for needle in ("<script", "onerror", "onload", "onclick", "javascript:", "<iframe", "<svg", "<style",
                   "style=", "<object", "<embed", "<form", "<input", "<base", "<meta"):  # fmt: skip
        assert needle not in clean, (payload, clean)
    assert "before" in clean  # (an unclosed <style> rightly swallows what follows)


def test_formatting_survives():
    markup = '<p><em>a</em> <strong>b</strong> <a href="https://example.org">c</a></p><hr><blockquote>d</blockquote>'
    clean = sanitize_html(markup)
    assert (
        "<em>a</em>" in clean
        and "<strong>b</strong>" in clean
        and "<blockquote>d</blockquote>" in clean
    )
    assert 'href="https://example.org"' in clean and 'rel="nofollow noopener noreferrer"' in clean


def test_plain_text_becomes_escaped_paragraphs():
    assert (
        text_to_html("One & two\nthree\n\n<Four>")
        == "<p>One &amp; two<br>\nthree</p>\n<p>&lt;Four&gt;</p>"
    )


def test_inline_markup_without_paragraphs_gets_paragraphs():
    assert (
        user_html("I <em>love</em> it.\n\nSecond.") == "<p>I <em>love</em> it.</p>\n<p>Second.</p>"
    )


def test_empty_input():
    assert user_html("") == "" and sanitize_html(None) == ""
