"""Refuse text that is noise: binary data that happened to decode, or a file in the wrong
encoding. Analysing it would report a "work" of thousands of gibberish words.

Prose, in any language, is mostly letters of one or two scripts (Latin; Cyrillic; kanji with
kana; hangul with some hanja) with almost no control, private-use, unassigned or undecodable
characters. Bytes decoded as the wrong thing (a PDF's compressed streams read as UTF-16, an
image read as cp1252) scatter over dozens of scripts, symbols and private-use codes. Three
samples of the text (its start, middle and end) are measured, so the cost is fixed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from fanarchive.analysis.errors import ReadError

SAMPLE_CHARS = 8000
MAX_INVALID_SHARE = 0.02  # control, private-use, unassigned or U+FFFD characters
MIN_LETTER_SHARE = 0.4  # of the non-space characters, divider rules (=====) left out
MIN_MAIN_SCRIPTS_SHARE = 0.85  # of the letters, in the two most used scripts
_INVALID_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")
# Runs of letters and of non-space characters: a class's characters are counted as the
# lengths of its runs, one regex match a word rather than one a character (counted one by
# one, they made this check half the reading of a short work).
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
_NON_SPACE_RUN_RE = re.compile(r"\S+")
_RULE_RE = re.compile(r"([^\w\s])\1{2,}")  # "=====", "-----": divider rules, not noise
_NON_ASCII_LETTER_RE = re.compile(r"[^\W\d_a-zA-Z]")
# Scripts that one language writes together count as one.
_SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "IDEOGRAPHIC": "CJK"}


def refuse_noise(text: str) -> None:
    """Raise ReadError when the text is not readable prose in some language."""
    sample = _RULE_RE.sub("", _sample(text))
    non_space = _count(_NON_SPACE_RUN_RE, sample)
    if non_space < 20:
        return  # too short to judge; a one-line work is still a work
    invalid = len(_INVALID_RE.findall(sample)) + _unassigned(sample)
    if invalid > MAX_INVALID_SHARE * non_space:
        raise ReadError(
            f"the file's text is unreadable ({100 * invalid / non_space:.0f}% of its characters "
            "are control codes, private or undecodable): it is binary data or in the wrong "
            "encoding, not a work"
        )
    letters = _count(_LETTER_RUN_RE, sample)
    if letters < MIN_LETTER_SHARE * non_space:
        raise ReadError(
            f"the file's text is mostly symbols (only {100 * letters / non_space:.0f}% letters): "
            "it is not a readable work (binary data, or a PDF without a text layer?)"
        )
    scripts = _script_counts(sample, letters)
    main = sum(sorted(scripts.values(), reverse=True)[:2])
    if main < MIN_MAIN_SCRIPTS_SHARE * letters:
        raise ReadError(
            f"the file's letters are scattered over {len(scripts)} writing systems: it is "
            "binary data or text in the wrong encoding, not a work"
        )


def _count(runs: re.Pattern[str], sample: str) -> int:
    return sum(map(len, runs.findall(sample)))


def _sample(text: str) -> str:
    if len(text) <= 3 * SAMPLE_CHARS:
        return text
    middle = len(text) // 2 - SAMPLE_CHARS // 2
    return text[:SAMPLE_CHARS] + text[middle : middle + SAMPLE_CHARS] + text[-SAMPLE_CHARS:]


def _unassigned(sample: str) -> int:
    unassigned = {ch for ch in set(sample) if ord(ch) > 0x7F and _category(ch) == "Cn"}
    return sum(1 for ch in sample if ch in unassigned) if unassigned else 0


def _script_counts(sample: str, letters: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    non_ascii = _NON_ASCII_LETTER_RE.findall(sample)
    counts["LATIN"] = letters - len(non_ascii)
    for ch in non_ascii:
        script = _script(ch)
        counts[script] = counts.get(script, 0) + 1
    return counts


@lru_cache(maxsize=4096)
def _category(ch: str) -> str:
    return unicodedata.category(ch)


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    word = unicodedata.name(ch, "UNKNOWN").split()[0]
    return _SCRIPT_FAMILY.get(word, word)
