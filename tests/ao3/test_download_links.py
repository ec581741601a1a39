"""The work and series addresses of a download's preface, as AO3 tools recognise them."""

from __future__ import annotations

import pytest

from fanarchive.exports.ao3links import tool_href, without_tool_marker


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://fan.example/works/5", "https://fan.example/works/5#archiveofourown.org/works/5"),
        (
            "http://127.0.0.1:8000/series/12",
            "http://127.0.0.1:8000/series/12#archiveofourown.org/series/12",
        ),  # fmt: skip
        # Already AO3's form, or not a work or series, or a fragment of its own: left alone.
        ("https://archiveofourown.org/works/5", "https://archiveofourown.org/works/5"),
        ("https://fan.example/works/5/chapters/9", "https://fan.example/works/5/chapters/9"),
        ("https://fan.example/works/5#main", "https://fan.example/works/5#main"),
        ("https://fan.example/", "https://fan.example/"),
    ],
)
def test_tool_href(url, href):
    assert tool_href(url) == href
    assert without_tool_marker(tool_href(url)) == url
