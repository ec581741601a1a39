"""The thirteenth session's speed helpers give what the plain paths they replace give."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from fanarchive.analysis.document import WORD_RE, Document
from fanarchive.analysis.warnings import lexicon, scanner
from fanarchive.analysis.warnings.learned import ngrams, vocabulary_grams
from fanarchive.analysis.warnings.scanner import finite_language

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import fic_corpus  # noqa: E402

TEXTS = [
    "",
    "Word",
    "well-known o'clock rock'n'roll -- a--b a- -b it's ’tis don’t",
    "snake_case 3rd 42 café naïve Ärger 東京 x'-y",
    "Line one.\n\nLine two, with  double  spaces\tand tabs.",
]


def _random_text(rng: random.Random) -> str:
    pieces = ["a", "Bé", "_", "1", "'", "’", "-", " ", "\n", ".", "x9", "--", "东"]
    return "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 60)))


def test_count_words_counts_what_word_re_finds():
    rng = random.Random(13)
    texts = TEXTS + [_random_text(rng) for _ in range(500)]
    for text in texts:
        document = Document(text=text)
        assert document.count_words() == len(WORD_RE.findall(text))
        for start, end in ((0, len(text) // 2), (len(text) // 3, len(text))):
            assert document.count_words(start, end) == len(WORD_RE.findall(text, start, end))


def test_vocabulary_grams_are_the_ngrams_in_the_vocabulary():
    vocabulary = frozenset(
        {"the", "he", "was", "he was", "at the", "and the", "kill", "had been", "been"}
    )
    rng = random.Random(13)
    words = ["the", "he", "was", "at", "and", "kill", "had", "been", "cat", "sat"]
    for _ in range(500):
        sentence = [rng.choice(words) for _ in range(rng.randrange(0, 15))]
        assert vocabulary_grams(sentence, vocabulary) == ngrams(sentence) & vocabulary


def test_a_head_with_a_finite_language_is_looked_up_as_its_regex_would_match():
    """Every lexicon head whose language is derived fully matches exactly those strings:
    checked on each string, each with a letter dropped or added, and a work's words."""
    heads = [head for head in _lexicon_heads() if finite_language(head) is not None]
    assert len(heads) > 500
    words = set(re.findall(r"[a-z0-9']+", fic_corpus.work(3000, 13).lower()))
    for head in heads:
        regex = re.compile(head)
        language = set(finite_language(head))
        tries = words | language
        tries |= {s[:-1] for s in language} | {s + c for s in language for c in "sde'"}
        for word in tries:
            assert (word in language) == bool(regex.fullmatch(word)), (head, word)
        assert bool(scanner._head_test(head)("")) == bool(regex.fullmatch(""))


@pytest.mark.parametrize(
    ("pattern", "language"),
    [
        ("kill", ["kill"]),
        (r"stabb(?:ed|ing)", ["stabbed", "stabbing"]),
        ("arrows?", ["arrow", "arrows"]),
        ("fianc[ée]e?", ["fiance", "fiancee", "fiancé", "fiancée"]),
        ("x{2,3}", ["xx", "xxx"]),
        (r"bang\w*", None),
        (r"\d{1,2}", None),
        ("(?i)kill", None),
        ("k(?=x)", None),
        (r"\bkill", None),
        ("[a-z]", None),
        ("(?:ab|cd){0,3}e", ["e", "abe", "cde", "ababe", "abcde", "cdabe", "cdcde"] + [None]),
    ],
)
def test_finite_language(pattern, language):
    found = finite_language(pattern)
    if language is None:
        assert found is None
    elif language[-1] is None:  # more than the limit's worth: 2 + 4 + 8 + ... strings
        assert found is not None and {"e", "abe", "ababe"} <= set(found)
    else:
        assert found == sorted(language)


def _lexicon_heads() -> list[str]:
    patterns = [cue.pattern for cue in lexicon.CUES]
    heads = [head for head, _, _ in scanner._derive_alternatives(patterns)]
    heads += [h for h, _, _ in scanner._derive_alternatives(lexicon.FIGURATIVE_PATTERNS)]
    return sorted(set(heads))


def test_the_lazy_module_patterns_search_as_compiled_ones():
    """Every module-level LazyPattern finds what its pattern compiled at import would."""
    import importlib
    import pkgutil

    import fanarchive.analysis as package
    from fanarchive.analysis.lazyre import LazyPattern

    sample = (
        fic_corpus.work(3000, 13) + "\n\nI'm sixteen, she said. You said it. Mr. Ames, aged 12."
    )
    found = 0
    for module_info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(module_info.name)
        for value in list(vars(module).values()):
            if isinstance(value, LazyPattern):
                compiled = re.compile(value.pattern, value._flags)
                text = sample.encode() if isinstance(value.pattern, bytes) else sample
                assert [m.span() for m in value.finditer(text)] == [
                    m.span() for m in compiled.finditer(text)
                ]
                found += 1
    assert found >= 150
