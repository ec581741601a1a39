"""Regexes compiled from their code kept on disk, for large fixed sets of patterns.

`re.compile` parses a pattern and generates its code in Python, then hands the code to the
C engine (`_sre.compile`). For the warnings lexicons' cue alternations that was the first
analysis's largest one-time cost: the 100,000-word benchmark work's words open 188 of them,
43,000 characters of pattern, 0.1-0.2 s compiled in every new process. The code depends on
the pattern and the Python version only, so it is generated once for a whole set and kept
in the tables' disk cache (`tablecache`), keyed on the Python version, the engine's magic
number and code size, this file and what the set is derived from: a changed pattern, Python
or `re` engine is a new key, never a stale code. The C engine validates any code it is
given (a damaged one raises, and is compiled afresh), and the pattern it returns is the one
`re.compile` returns (the same code, flags and groups).

With the cache off (`FANARCHIVE_CACHE_DIR=off`) or for a pattern outside the set,
`re.compile` is used as before.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
import sys
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from fanarchive.analysis.tablecache import cache_folder, cache_key, cached

# (flags, code as machine words, groups - 1, group index, index group): _sre.compile's
# arguments besides the pattern.
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_WORD = "I" if array("I").itemsize == _sre.CODESIZE else "L"
_SOURCE = Path(__file__).read_bytes()


class CodeCache:
    """`compile(pattern)`, the code of the patterns `patterns()` lists read from the disk
    cache (generated for all of them the first time), any other pattern compiled.
    `sources()` is everything that list is derived from (it is listed only to generate the
    cache): the cache's key, with the engine's version."""

    def __init__(
        self,
        name: str,
        sources: Callable[[], Iterable[bytes]],
        patterns: Callable[[], Iterable[str]],
        flags: int = 0,
    ):
        self._name = name
        self._flags = int(flags)
        self._sources = sources
        self._patterns = patterns
        self._entries: dict[str, _Entry] | None = None

    def compile(self, pattern: str) -> re.Pattern[str]:
        if self._entries is None:
            self._entries = self._load()
        entry = self._entries.get(pattern)
        if entry is not None:
            try:
                return _from_entry(pattern, entry)
            except (RuntimeError, TypeError, ValueError, OverflowError, AttributeError):
                self._entries.pop(pattern, None)  # not this engine's code: compile it
        return re.compile(pattern, self._flags)

    def _load(self) -> dict[str, _Entry]:
        if cache_folder() is None:
            return {}  # generating all of them would cost more than compiling a few
        engine = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{_WORD}|{self._flags}".encode()
        key = cache_key(f"code-{self._name}", (), (engine, _SOURCE, *self._sources()))
        return cached(key, self._generate, _looks_like_entries)

    def _generate(self) -> dict[str, _Entry]:
        patterns = sorted(set(self._patterns()))
        try:
            return {pattern: _entry(pattern, self._flags) for pattern in patterns}
        except (AttributeError, TypeError, re.error):
            # `re`'s internals differ (another Python): nothing stored, all compiled
            return {}


def _entry(pattern: str, flags: int) -> _Entry:
    """What `re._compiler.compile` hands `_sre.compile` for `pattern` and `flags`."""
    parsed = sre_parse.parse(pattern, flags)
    code = sre_compile._code(parsed, flags)
    state = parsed.state
    index_group: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        index_group[index] = name
    words = array(_WORD, code).tobytes()
    return (flags | state.flags, words, state.groups - 1, dict(state.groupdict), tuple(index_group))


def _from_entry(pattern: str, entry: _Entry) -> re.Pattern[str]:
    flags, words, groups, group_index, index_group = entry
    code = array(_WORD, words).tolist()
    return _sre.compile(pattern, flags, code, groups, group_index, index_group)


def _looks_like_entries(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(pattern, str)
        and isinstance(entry, tuple)
        and len(entry) == 5
        and isinstance(entry[0], int)
        and isinstance(entry[1], bytes)
        and isinstance(entry[2], int)
        and isinstance(entry[3], dict)
        and isinstance(entry[4], tuple)
        for pattern, entry in value.items()
    )
