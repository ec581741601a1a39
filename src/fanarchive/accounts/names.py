"""What a name may look like: no invisible characters, no look-alike letters from a second
script, not a name reserved for the archive, not confusable with an existing account's name.

A name's *skeleton* is what it looks like: NFKC-normalised (full-width letters become ASCII),
invisible characters dropped, each character replaced by a prototype of its confusables class
(Unicode's confusables data, through confusable-homoglyphs: Cyrillic "а" -> "a", "0" -> "o",
"1" and "I" -> "l") and case-folded; "i" counts as "l" too, since a capital I passes for
either. Two names with the same skeleton look the same on a page.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from django.core.exceptions import ValidationError

# The archive's own accounts (accounts.system) and names a reader would take for the archive
# speaking: nobody may sign up as one, in any case or look-alike spelling.
SYSTEM_USERNAMES = ("orphan_account", "archivist")
RESERVED_USERNAMES = SYSTEM_USERNAMES + (
    "admin", "administrator", "admins", "root", "superuser", "sysadmin", "system",
    "support", "staff", "moderator", "moderators", "mod", "mods", "wrangler", "wranglers",
    "tag_wrangler", "tag_wranglers", "orphan", "orphans", "orphaned", "import", "imports",
    "imported", "importer", "open_doors", "archive", "fanarchive", "official", "security",
    "abuse", "postmaster", "webmaster", "hostmaster", "help", "info", "contact", "noreply",
    "no_reply", "anonymous", "anon", "guest", "deleted", "deleted_user", "nobody", "null",
    "none", "undefined", "api", "www",
)  # fmt: skip

# Characters that take no room or show nothing, beyond the format/control categories: the
# Hangul fillers, the braille blank, the combining grapheme joiner, variation selectors,
# Mongolian free variation selectors and Khmer's inherent vowels.
_INVISIBLE = set("\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f")
_INVISIBLE |= {chr(c) for c in range(0xFE00, 0xFE10)} | {chr(c) for c in range(0xE0100, 0xE01F0)}
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
_SEPARATORS_RE = re.compile(r"[\s._@+\-]+")
_DIGITS_AT_END_RE = re.compile(r"[\d\s._@+\-]+$")
_NEUTRAL_SCRIPTS = {"COMMON", "INHERITED"}


def invisible_characters(name: str) -> list[str]:
    """The characters of `name` a reader cannot see (any space but U+0020 counts)."""
    return [
        char
        for char in name
        if char in _INVISIBLE
        or unicodedata.category(char) in _INVISIBLE_CATEGORIES
        or (unicodedata.category(char) == "Zs" and char != " ")
    ]


def skeleton(name: str) -> str:
    """What `name` looks like (see the module docstring); equal skeletons look alike."""
    text = unicodedata.normalize("NFKC", name)
    prototypes = _prototypes()
    seen = "".join(prototypes.get(c, c) for c in text if not invisible_characters(c))
    return "".join(prototypes.get(c, c) for c in seen.casefold()).replace("i", "l")


def reserved_key(name: str) -> str:
    """The skeleton without separators or a number at the end: "Orphan.Account2" and
    "orphan_account" share one."""
    return _SEPARATORS_RE.sub("", skeleton(_DIGITS_AT_END_RE.sub("", name) or name))


@functools.cache
def _reserved_keys() -> frozenset[str]:
    return frozenset(reserved_key(name) for name in RESERVED_USERNAMES)


def is_reserved(name: str) -> bool:
    return reserved_key(name) in _reserved_keys()


def look_alike_letters(name: str) -> list[str]:
    """Letters of one script that pass for letters of another script used in the same name
    (Cyrillic "а" in "аlice"); empty for a name written in one script, whatever it is.
    Digits and punctuation (the COMMON script) are left out: "sakura_さくら_2" is fine."""
    from confusable_homoglyphs import categories, confusables  # 18 MB: loaded when needed

    text = unicodedata.normalize("NFKC", name)
    letters = "".join(c for c in text if categories.alias(c) not in _NEUTRAL_SCRIPTS)
    counts = Counter(categories.alias(c) for c in letters)
    if len(counts) < 2:
        return []
    for script, _ in counts.most_common():  # the name's main script first
        hits = confusables.is_confusable(letters, greedy=True, preferred_aliases=[script])
        if hits:
            return [hit["character"] for hit in hits]
    return []


def validate_visible_name(name: str, what: str = "name") -> None:
    """ValidationError when `name` hides characters or mixes look-alike scripts."""
    hidden = invisible_characters(name)
    if hidden:
        raise ValidationError(
            f"Your {what} contains a character that cannot be seen "
            f"({_describe(hidden[0])}); please remove it."
        )
    mixed = look_alike_letters(name)
    if mixed:
        raise ValidationError(
            f"Your {what} mixes letters from different alphabets that look alike "
            f"({', '.join(_describe(c) for c in mixed[:3])}); please write it in one alphabet."
        )


def _describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"


def _rank(candidate: str) -> tuple:
    """Which member of a confusables class stands for it: a lower-case ASCII letter first,
    then an ASCII capital (folded later), then ASCII, then anything (shortest, then lowest)."""
    ascii_ = candidate.isascii()
    if ascii_ and candidate.isalpha() and candidate.islower():
        group = 0
    elif ascii_ and candidate.isalpha():
        group = 1
    elif ascii_:
        group = 2
    else:
        group = 3
    return group, len(candidate), candidate


@functools.cache
def _prototypes() -> dict[str, str]:
    """{character: the prototype of its confusables class}, built once per process."""
    from confusable_homoglyphs import confusables  # 18 MB: loaded when a name is checked

    table = {}
    for char, glyphs in confusables.confusables_data.items():
        if len(char) != 1:
            continue
        candidates = [char] + [g["c"].strip("\u200e\u200f") for g in glyphs]
        table[char] = min((c for c in candidates if c), key=_rank)
    return table
