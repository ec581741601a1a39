"""A module-level regex compiled at its first use, not at import.

Compiling the package's patterns is most of its import; a few large ones serve works only
some texts are (dash dialogue, a work written all in lower case), and a process that reads
none of those need not compile them. The thirteenth session made lazy 163 module-level
patterns that none of 26 typical works (the speed benchmark's, generated fic, the samples)
read: patterns of rarer paths (ages, aged-up tags, mishaps, a `you said`), each one whose
every use is a method or attribute forwarded below. Anything else (`re.compile(p)`,
`re.sub(p, ...)`, `isinstance(p, re.Pattern)`) needs a compiled pattern.
After the first use the compiled pattern's methods are the object's own attributes: no
lookup through `__getattr__` again. Threads meeting a first use together each compile (the
`re` module's cache makes that one pattern) and set the same attributes: safe.
"""

from __future__ import annotations

import re
from typing import Any

_FORWARDED = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """`re.compile(pattern, flags)` when one of its methods is first asked for."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name not in _FORWARDED:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attribute in _FORWARDED:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)
