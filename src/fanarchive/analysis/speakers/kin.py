"""Relatives named by kinship: `said her father`, `his wife replied`, `my brother` .

A tag whose subject is a relative of someone (`her mother`) names the speaker only through
that someone. The rules resolve the possessor like a pronoun, then look for the relative in
the cast by family name: the father of Elizabeth Bennet is the one `Mr. Bennet`, the wife of
Mr. Weston the one `Mrs. Weston`; the mother of someone whose family name the cast does not
know, the cast's one `Mrs.` (`Ezra's mother` is `Mrs. Feld`). Only a single candidate counts;
when the cast does not say (two brothers), the description keeps only its gender, as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from fanarchive.analysis.characters.relatives import CALLINGS
from fanarchive.analysis.model import Character

# kinship noun -> (gender of the relative, the title a married or elder relative carries)
KIN_NOUNS: dict[str, tuple[str, str | None]] = {
    "father": ("male", "mr"),
    "papa": ("male", "mr"),
    "husband": ("male", "mr"),
    "mother": ("female", "mrs"),
    "mamma": ("female", "mrs"),
    "mama": ("female", "mrs"),
    "wife": ("female", "mrs"),
    "brother": ("male", None),
    "son": ("male", None),
    "sister": ("female", None),
    "daughter": ("female", None),
    # what a narrator calls a parent (`my mom says`): see characters/relatives.py
    **{word: (gender, "mrs" if gender == "female" else "mr") for word, gender in CALLINGS.items()},
}
# Titles that stand before a family name (`Miss` may stand before a given name: `Miss Lucy`).
FAMILY_TITLES = {"mr": "mr", "mr.": "mr", "mrs": "mrs", "mrs.": "mrs", "dr": "mr", "dr.": "mr"}
OTHER_TITLES = frozenset(
    [
        "miss",
        "master",
        "sir",
        "lady",
        "lord",
        "colonel",
        "captain",
        "reverend",
        "rev",
        "rev.",
        "major",
        "general",
    ]
)


@dataclass(frozen=True)
class Member:
    gender: str
    # (family, "mr" / "mrs") when the cast calls them that with that family name: `Mrs.
    # Wickham` is the Mrs. of the Wickhams, not of the Bennets she was born to
    titled: frozenset[tuple[str, str]]

    def has_title(self, title: str) -> bool:
        return any(t == title for _, t in self.titled)


class Families:
    """Family names of the cast, from full names (`Elizabeth Bennet`) and titled forms
    (`Mr. Bennet`, `Miss Woodhouse` when a Woodhouse is also called Mr. or Mrs.)."""

    def __init__(self, characters: list[Character]):
        self.members: dict[str, set[str]] = {}  # family name -> canonical names
        self.family_of: dict[str, set[str]] = {}  # canonical name -> family names
        self.info: dict[str, Member] = {}
        forms = {c.name: [c.name, *c.aliases] for c in characters}
        titled_families = {
            words[-1]
            for names in forms.values()
            for words in map(str.split, names)
            if len(words) == 2 and words[0].lower() in FAMILY_TITLES
        }
        for character in characters:
            titled: set[tuple[str, str]] = set()
            for form in forms[character.name]:
                family, title = _family(form.split(), titled_families)
                if family:
                    self.members.setdefault(family, set()).add(character.name)
                    self.family_of.setdefault(character.name, set()).add(family)
                    if title:
                        titled.add((family, title))
            self.info[character.name] = Member(character.gender, frozenset(titled))

    def relative(self, possessor: str | None, noun: str) -> str | None:
        """The one character who is `possessor`'s `noun` (father, wife, ...), if the cast says."""
        if possessor is None or noun not in KIN_NOUNS:
            return None
        gender, title = KIN_NOUNS[noun]
        candidates, of_the_family = set(), set()
        for family in self.family_of.get(possessor, ()):
            for name in self.members[family]:
                member = self.info[name]
                if name == possessor or member.gender != gender:
                    continue
                if title and not member.has_title(title):
                    continue
                if not title and member.has_title("mrs"):
                    continue  # a sister or daughter is not the Mrs. of the family
                candidates.add(name)
                if title and (family, title) in member.titled:
                    of_the_family.add(name)
        if len(candidates) > 1 and len(of_the_family) == 1:
            # `his wife`: the Mrs. of his own family, not a daughter now `Mrs. Wickham`
            return of_the_family.pop()
        if not candidates and title and not self.family_of.get(possessor):
            # `Ezra's mother` where the cast knows no family name of Ezra's: a story that
            # calls one woman Mrs. (one man Mr.) is most often naming the parents by it.
            candidates = {
                name
                for name, member in self.info.items()
                if member.has_title(title) and member.gender == gender and name != possessor
            }
        return candidates.pop() if len(candidates) == 1 else None


def _family(words: list[str], titled_families: set[str]) -> tuple[str | None, str | None]:
    """The family name in one form of a name, and the family title it carries."""
    if len(words) < 2:
        return None, None
    first = words[0].lower()
    if first in FAMILY_TITLES:
        return words[-1], FAMILY_TITLES[first] if len(words) == 2 else None
    if first in OTHER_TITLES:
        rest = words[1:]
        if len(rest) >= 2 or rest[-1] in titled_families:
            return rest[-1], None
        return None, None
    return words[-1], None
