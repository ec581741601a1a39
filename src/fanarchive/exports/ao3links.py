"""Addresses in a download's preface, in the form AO3 tools recognise.

ao3downloader's update check and series update take a download's work and series only from
links holding the literal text `archiveofourown.org/works/` (`/series/`)
(ao3downloader/parse_xml.py `get_work_link_epub`, `get_series_epub`; parse_soup.py
`get_series_html`): an archive at its own address would never be recognised. The address is
kept as it is and its path named once more in the fragment, which a browser never sends:
`https://fan.example/works/5#archiveofourown.org/works/5` opens `/works/5` of this archive,
and the tool reads work 5 there.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

AO3_HOST = "archiveofourown.org"
_TOOL_PATH_RE = re.compile(r"^/(?:works|series)/\d+$")
_MARKER_RE = re.compile(r"#archiveofourown\.org/(?:works|series)/\d+$")


def tool_href(url: str) -> str:
    """A work's or series' address with AO3's path in its fragment; any other address, one
    with a fragment already, or one at archiveofourown.org itself is left alone."""
    address = urlsplit(url)
    if address.fragment or not _TOOL_PATH_RE.match(address.path) or AO3_HOST in address.netloc:
        return url
    return f"{url}#{AO3_HOST}{address.path}"


def without_tool_marker(url: str) -> str:
    """The address `tool_href` marked, as it was (a download read back keeps its address)."""
    return _MARKER_RE.sub("", url)
