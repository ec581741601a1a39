"""Ninth-session speed work: what is cached or skipped must give exactly what it replaces."""

from __future__ import annotations

import re

import pytest

from fanarchive.analysis.reading import noise
from fanarchive.analysis.warnings import lexicon, scanner


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("FANARCHIVE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_lexicon_alternatives_read_back_are_the_ones_derived(folder):
    patterns = [cue.pattern for cue in lexicon.CUES]
    derived = scanner._derive_alternatives(patterns)
    assert scanner._derived_alternatives(patterns) == derived  # derived and stored
    assert len(list(folder.glob("lexicon-*.marshal"))) == 1
    assert scanner._derived_alternatives(patterns) == derived  # read back
    assert len(list(folder.glob("lexicon-*.marshal"))) == 1


def test_the_loaded_lexicons_hold_what_their_patterns_derive():
    """The lexicons built at import (from the disk cache, when there is one) are the ones
    the code derives now: a cached derivation cannot go stale."""
    pairs = [
        (lexicon.CUE_LEXICON, [cue.pattern for cue in lexicon.CUES]),
        (lexicon.FIGURATIVE_LEXICON, lexicon.FIGURATIVE_PATTERNS),
    ]
    for built, patterns in pairs:
        derived = scanner._derive_alternatives(patterns)
        assert [f for _, f in built._alternatives] == [f for _, f, _ in derived]
        assert [t for t, _ in built._alternatives] == [scanner._head_test(h) for h, _, _ in derived]


def test_other_patterns_are_another_cache_entry(folder):
    first = scanner._derived_alternatives([r"stabb(?:ed|ing) (?:him|her)"])
    second = scanner._derived_alternatives([r"(?:same as|like) dead"])
    assert first != second
    assert [fragment for _, fragment, _ in second] == [r"same\s+as\s+dead", r"like\s+dead"]
    assert len(list(folder.glob("lexicon-*.marshal"))) == 2


def test_a_damaged_lexicon_cache_is_derived_again(folder):
    patterns = [r"bled (?:out|dry)"]
    derived = scanner._derived_alternatives(patterns)
    for path in folder.glob("lexicon-*.marshal"):
        path.write_bytes(b"\x00garbage")
    assert scanner._derived_alternatives(patterns) == derived


@pytest.mark.parametrize(
    "head", ["kill", "he'd", r"stabb(?:ed|ing)", r"bang\w*", r"an?", r"\d{1,2}", "affection,?"]
)
def test_a_plain_head_is_compared_as_its_regex_would_match(head):
    words = ["kill", "kills", "he'd", "he", "stabbed", "stabbing", "bang", "banged", "a", "an"]
    words += ["12", "1", "affection", "affection,", "", "Kill", "kill'"]
    regex = re.compile(head)
    test = scanner._head_test(head)
    for word in words:
        assert bool(test(word)) == bool(regex.fullmatch(word)), (head, word)


TEXTS = (
    "Tovah stabbed the sentry twice. The corpse's eyes stayed open; she'd killed him.\n\n"
    "He bled out on the quay, and the gulls' cries went on.",
    "Marek kissed her cheek. They'd been married a year when the war's first shells fell.",
    "The cadaver's hands were cold. Nobody's blood was on the knife, Ilse said.",
)


def hits_of(texts):
    lexicons = list(scanner._REGISTRY)
    return [
        [[(h.start, h.end, h.surface) for h in hits] for hits in scanner.scan(text, lexicons)]
        for text in texts
    ]


def test_cue_starts_kept_across_texts_find_what_a_fresh_scan_finds():
    fresh = []
    for text in TEXTS:
        scanner._starting_cues.cache_clear()
        fresh.append(hits_of([text])[0])
    # each text read after the others, with their words' answers kept
    assert hits_of(TEXTS) == fresh
    assert hits_of(list(reversed(TEXTS))) == list(reversed(fresh))
    assert any(any(lexicon_hits) for lexicon_hits in fresh[0])


def test_noise_counts_runs_as_the_characters_they_hold():
    """The noise check counts letters and non-space characters by their runs: the same counts
    as one match a character, over every code point of the first planes and mixed prose."""
    everything = "".join(map(chr, range(0x30000)))
    prose = "Ünïcödé ﬁne—ß\u00a0x\u2003y ２３ Ⅷ ½ ² _under_ 東京 ﾃｽﾄ a\tb\n\nc\u200bd"
    for sample in (everything, prose, "", " \n", "_ _ 12"):
        assert noise._count(noise._LETTER_RUN_RE, sample) == len(re.findall(r"[^\W\d_]", sample))
        assert noise._count(noise._NON_SPACE_RUN_RE, sample) == len(re.findall(r"\S", sample))


def test_classified_surfaces_read_back_are_the_ones_derived(folder):
    patterns = [cue.pattern for cue in lexicon.CUES]
    derived = scanner._derive_surface_patterns(patterns)
    assert scanner.surface_patterns(patterns) == derived  # derived and stored
    assert scanner.surface_patterns(patterns) == derived  # read back
    assert len(list(folder.glob("surfaces-*.marshal"))) == 1
    # what the module classifies with is what its patterns derive now
    assert derived == lexicon._SURFACES
    assert scanner._derive_surface_patterns([r"graves?(?=[.,;!?]| of) dug"]) == [r"graves?\s+dug"]
