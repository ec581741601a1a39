"""Ranks that call someone: `"Yes, Captain."` addresses the one character whose name opens
with that rank (Captain Voss)."""

from __future__ import annotations

import re

# A rank or office standing alone as a vocative (`"Yes, Captain."`, `"Excuse me, General,"`).
RANK_TITLES = {
    "captain": ("captain", "capt"),
    "colonel": ("colonel", "col"),
    "major": ("major",),
    "general": ("general", "gen"),
    "doctor": ("doctor", "dr"),
    "inspector": ("inspector",),
    "sergeant": ("sergeant", "sgt"),
    "lieutenant": ("lieutenant", "lt"),
    "professor": ("professor", "prof"),
    "detective": ("detective",),
    "commander": ("commander",),
    "admiral": ("admiral",),
    "sheriff": ("sheriff",),
    "chief": ("chief",),
}
RANK_VOCATIVE_RE = re.compile(
    r"(?:^|[,!?.;]\s|[\"“‘'])\s*(?:my\s+dear\s+)?("
    + "|".join(title.capitalize() for title in RANK_TITLES)
    + r")\s*(?:[,.!?;…—]|--|$)"
)


def rank_holders(names) -> dict[str, str]:
    """Each rank of RANK_TITLES held by exactly one name of the cast (`Captain Dragomir`),
    indexed once per work (a cast of thousands must not be walked once per quote)."""
    holders: dict[str, list[str]] = {}
    for name in names:
        words = name.split()
        if len(words) < 2:
            continue
        first = words[0].lower().rstrip(".")
        for rank, forms in RANK_TITLES.items():
            if first in forms:
                holders.setdefault(rank, []).append(name)
    return {rank: found[0] for rank, found in holders.items() if len(found) == 1}


def rank_addressee(text: str, start: int, end: int, holders: dict[str, str]) -> str | None:
    """The one character a quote calls by a rank alone (`"Pear tree, Captain."` to Captain
    Dragomir), when exactly one name in the cast opens with that rank (`rank_holders`)."""
    if not holders:
        return None
    match = RANK_VOCATIVE_RE.search(text, start, end)
    return holders.get(match.group(1).lower()) if match else None
