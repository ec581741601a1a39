"""Shortcuts taken for speed give what the plain computation they replace gives, on text
made to hit their corners (apostrophes, initials, line breaks, punctuation around words)."""

from __future__ import annotations

import re

import pytest

from fanarchive.analysis.characters import apposition, epithets, scan
from fanarchive.analysis.text import trie_pattern, word_trie_pattern
from fanarchive.analysis.warnings import scanner

CORNERS = (
    "J. W. Harcourt met Adam J. Patch at St. Ives.\nI. Smith said: 'Tis the corpse's day,\n"
    "J. \nHarcourt nodded. “Rock'n'roll!” he'd killed it—killer’s knives—O'Brien's war-wars.\n"
    "A.  Tab\tB.\tCole, (Kill) [dead]… _under_score 2dead dead2 ‘quoted’ "
    "Ünïcödé Dëath, KNIFE... hostage's   taken. x.Y. Z.\n\nM. "
)


def test_distinct_words_are_the_words_read_one_by_one():
    lowered = scanner.lower_same_length(CORNERS)
    assert scanner._distinct_words(lowered) == set(scanner.WORD_START_RE.findall(lowered))


def test_the_initials_shortcut_never_skips_a_match():
    text = CORNERS
    for offset in range(len(text) + 1):
        found = scan._INITIALS_BEFORE_RE.search(text, max(0, offset - 12), offset)
        if found is not None:
            assert scan._may_follow_initials(text, offset), offset
        for start in range(max(0, offset - 16), offset):
            if scan._INITIALS_BETWEEN_RE.fullmatch(text, start, offset):
                assert scan._may_follow_initials(text, offset), (start, offset)


THE_TEXT = (
    "The man, the other-man and the taller one. Then the blond said: 'the scar-faced one', "
    "bathe the_thing the-end 3the the\nthe old lady. I said you'd he she You He She ishe "
    "shea. Iyou The doctor's coat.\n\nthe"
)


@pytest.mark.parametrize(
    ("regex", "plain"),
    [
        (epithets._ROLE_RE, None),
        (apposition._MENTION_RE, None),
        (apposition._EPITHET_RE, None),
        (epithets._NARRATED_PRONOUN_RE, r"\b(?:I|[Yy]ou|[Hh]e|[Ss]he)\b"),
    ],
)
def test_regexes_opening_on_letters_find_what_word_boundaries_find(regex, plain):
    plain = re.compile(plain or regex.pattern.replace(r"[Tt](?<!\w.)he ", r"\b[Tt]he ", 1))
    assert plain.pattern != regex.pattern
    everything = []
    for text in (THE_TEXT, CORNERS):
        for start in (0, 5, 17):
            found = [(m.span(), m.groups()) for m in regex.finditer(text, start)]
            assert found == [(m.span(), m.groups()) for m in plain.finditer(text, start)]
            everything += found
    assert everything


def test_word_trie_pattern_is_a_word_boundary_and_the_trie():
    words = ["he", "her", "hers", "i", "you", "your", "éa", "9th", "it's"]
    for text in (THE_TEXT.lower(), CORNERS.lower(), "the9th ninth 9th 9thé her's herself"):
        found = [m.span() for m in re.finditer(word_trie_pattern(words) + r"\b", text)]
        assert found == [m.span() for m in re.finditer(r"\b" + trie_pattern(words) + r"\b", text)]
    assert word_trie_pattern(["'em", "him"]) == r"\b" + trie_pattern(["'em", "him"])
