"""Speed, fifteenth session: the fast paths give what the slow ones gave."""

from __future__ import annotations

import re

from fanarchive.analysis import codecache
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
