"""Speed (twelfth session): the speedups change no result."""

from __future__ import annotations

import re

import pytest

from fanarchive.analysis.prefilter import Prefiltered
from fanarchive.analysis.warnings.learned import ANY_DEPICTION_RE, DEPICTION
from fanarchive.analysis.warnings.scene import FORCE_RE

PASSAGES = [
    "the lantern swung as she kicked the gate open and ran.",
    "he'll never hurt you, not while i'm here.",
    "blood ran from the cut above his eye; he staggered.",
    "a shot rang out over the frozen lake.",
    "nothing at all happens in this quiet sentence.",
    "the knight's squire struck him hard across the jaw.",
    "unhit, unbloodied, she laughed at the kickstand.",
    "",
    "'d",
]


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None and b is None) or (
        a is not None and b is not None and a.span() == b.span() and a.group() == b.group()
    )


@pytest.mark.parametrize("regex", [ANY_DEPICTION_RE, FORCE_RE])
@pytest.mark.parametrize("text", PASSAGES)
def test_prefiltered_search_is_the_regex_search(regex: re.Pattern[str], text: str) -> None:
    assert _same(Prefiltered(regex).search(text), regex.search(text))


def test_the_trie_opens_on_the_words_the_patterns_open_with() -> None:
    trie = Prefiltered(ANY_DEPICTION_RE).candidates
    assert trie is not None and trie.pattern.startswith(r"\b")
    assert len(DEPICTION) > 10  # the alternation the trie stands for


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w+ing",  # opens on anything: no trie
        r"(?:kick|)s",  # an empty alternative: no trie
        r"(?i:Kick)ed",  # local flags: no trie
    ],
)
def test_patterns_without_a_literal_opening_are_searched_as_they_are(pattern: str) -> None:
    regex = re.compile(pattern)
    assert Prefiltered(regex).candidates is None
    assert _same(
        Prefiltered(regex).search("the kicked ball sings"), regex.search("the kicked ball sings")
    )


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"kick(?<=a kick)|punch", 0, "no kick, a punch, a kick"),  # a look-behind sees before
        (r"kick(?=s)|kicked", 0, "he kicked, she kicks"),
        (r"\bKICK\w*", re.IGNORECASE, "She Kicked it"),
        (r"\bhit\b|\bhits\b", 0, "whit hits"),  # the first word boundary, not the first letters
        (r"ab|b", 0, "aab"),  # overlapping openings
    ],
)
def test_prefiltered_search_matches_at_the_first_position(pattern, flags, text) -> None:
    regex = re.compile(pattern, flags)
    assert Prefiltered(regex).candidates is not None
    assert _same(Prefiltered(regex).search(text), regex.search(text))


def test_a_lazy_pattern_is_compiled_at_its_first_use_and_answers_as_compiled() -> None:
    from fanarchive.analysis.lazyre import LazyPattern

    lazy = LazyPattern(r"(\w+) said", re.IGNORECASE)
    assert "search" not in vars(lazy)  # nothing compiled yet
    text = "Then Mira SAID no, and Tom said yes."
    assert [m.group(1) for m in lazy.finditer(text)] == ["Mira", "Tom"]
    assert "search" in vars(lazy)  # the compiled methods are its own now
    assert lazy.search(text).span() == re.compile(r"(\w+) said", re.I).search(text).span()
    assert lazy.pattern == r"(\w+) said" and lazy.groups == 1


def test_dash_dialogue_and_a_lower_case_work_still_read_with_lazy_patterns() -> None:
    from fanarchive.analysis.pipeline import analyze_text

    dashes = "\n\n".join(
        [
            "— Where were you? asked Odile.",
            "— Out by the lighthouse, said Bram. — The lamp has gone dark again.",
            "— Then we go tonight, Odile said.",
        ]
        * 4
    )
    analysis = analyze_text(dashes)
    assert {q.speaker for q in analysis.quotes} >= {"Odile", "Bram"}
    lower = "\n\n".join(
        ['"we should go," said petra.', '"not yet," tomas said.', "petra waited."] * 6
    )
    assert analyze_text(lower).quotes


def test_cue_openings_read_back_are_the_ones_derived(tmp_path, monkeypatch) -> None:
    from fanarchive.analysis.prefilter import literal_openings, openings_of
    from fanarchive.analysis.warnings import lexicon

    folder = tmp_path / "cache"
    monkeypatch.setenv("FANARCHIVE_CACHE_DIR", str(folder))
    derived = [literal_openings(p, re.IGNORECASE) for p in lexicon._SURFACES]
    assert openings_of(lexicon._SURFACES, re.IGNORECASE) == derived  # derived and stored
    (stored,) = folder.glob("openings*.marshal")
    assert openings_of(lexicon._SURFACES, re.IGNORECASE) == derived  # read back
    stored.write_bytes(b"\x00 not marshal")
    assert openings_of(lexicon._SURFACES, re.IGNORECASE) == derived  # corrupt: derived again


@pytest.mark.parametrize(
    ("pattern", "openings"),
    [
        (r"\bstabb(?:ed|ing)\b", ["stabbed", "stabbing"]),
        (r"(?:Kill|slay)s?", ["kill", "slay"]),
        (r"[a-z]+ed", None),  # a class opens it
        (r"ſlain|slain", None),  # a letter outside ASCII
        (r"(?s)gone.", None),  # a flag other than IGNORECASE
    ],
)
def test_literal_openings(pattern: str, openings: list[str] | None) -> None:
    from fanarchive.analysis.prefilter import literal_openings

    assert literal_openings(pattern, re.IGNORECASE) == openings


@pytest.mark.parametrize(
    "surface", ["stabbed him", "STABBED HIM", "ſtabbed him", "knee bent the wrong way", "x"]
)
def test_classify_is_every_cue_fully_matched(surface: str) -> None:
    from fanarchive.analysis.warnings import lexicon

    weights: dict[str, float] = {}
    for pattern, item in zip(lexicon._SURFACES, lexicon.CUES, strict=True):
        if re.fullmatch(pattern, surface, re.IGNORECASE):
            for category, weight in item.weights.items():
                weights[category] = max(weights.get(category, 0), weight)
    assert lexicon.classify(surface).weights == weights
