"""Match the pack characters' aliases inside capitalised runs.

Matching is a dictionary look-up over the words of each run, longest alias first, so one
pass over the runs serves every pack at once (no per-alias regex). A leading title
(`Professor Snape`) and a trailing Japanese honorific (`Kakashi-sensei`) are rules, not
aliases. Aliases that are also English words (`Guy`, `Lee`) are only trusted away from the
start of a sentence, and a bare family name (`Uchiha`) is resolved per story afterwards.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from fanarchive.analysis.characters.lexicon import SPEECH_VERBS, TITLES, words
from fanarchive.analysis.characters.names import given_names
from fanarchive.analysis.characters.scan import Run, Scan
from fanarchive.analysis.document import Document
from fanarchive.analysis.packs import Knowledge, PackCharacter

# Words after a bare family name that make it the family, not a person (`the Uchiha clan`).
FAMILY_NOUNS = words(
    """
    clan clans family families compound compounds household estate heir heiress main
    branch house brothers sisters siblings kids boys girls children elders elder head
    name bloodline blood line members member massacre district
    """
)
WORK_CUES = words(
    """
    in of from the about watch watched read reading canon
    """
)
GENERIC_DETERMINERS = words(
    """
    the a an another every any no some one last
    """
)


@dataclass(slots=True)
class PackMatch:
    run: int  # index into Scan.runs
    first: int  # token range [first, last) of the run
    last: int
    start: int
    end: int
    characters: list[PackCharacter]  # one, or several for a bare family name
    family: bool = False
    surface: str = ""
    alias: str = ""  # the pack alias matched, title and honorific left out


def _lookup(run: Run, k: int, knowledge: Knowledge) -> tuple[int, list[PackCharacter], bool]:
    """Longest alias starting at token k: (end token, characters, is_family)."""
    tokens = run.tokens
    limit = min(len(tokens), k + knowledge.longest_alias)
    for j in range(limit, k, -1):
        if any(t.honorific or t.possessive for t in tokens[k : j - 1]):
            continue  # an honorific ends a name: `Kakashi-sensei Gai` is two names
        key = " ".join(t.base for t in tokens[k:j])
        if key in knowledge.alias_table:
            return j, knowledge.alias_table[key], False
        if j == k + 1 and key in knowledge.family_table:
            return j, knowledge.family_table[key], True
    return k, [], False


def _match_tokens(run: Run, knowledge: Knowledge) -> list[tuple[int, int, list, bool]]:
    """(first, last, characters, is_family) for each alias found in the run's words."""
    found, tokens, i = [], run.tokens, 0
    while i < len(tokens):
        k = i + 1 if tokens[i].title and i + 1 < len(tokens) else i
        j, characters, family = _lookup(run, i, knowledge) if k != i else (k, [], False)
        if not characters or family:  # a titled alias (`Mrs. Weasley`) before the bare name
            j, characters, family = _lookup(run, k, knowledge)
        if characters:
            found.append((i, j, characters, family))
            i = j
        else:
            i += 1
    return found


def match_runs(scan: Scan, knowledge: Knowledge) -> list[PackMatch]:
    matches: list[PackMatch] = []
    if not knowledge.characters:
        return matches
    cache: dict[tuple, list] = {}
    for index, run in enumerate(scan.runs):
        key = tuple((t.base, t.honorific != "", t.title) for t in run.tokens)
        found = cache.get(key)
        if found is None:
            found = cache[key] = _match_tokens(run, knowledge)
        for first, last, characters, family in found:
            tokens = run.tokens[first:last]
            start, end = tokens[0].start, tokens[-1].end
            words = [t.base for t in tokens if not t.title] or [tokens[-1].base]
            matches.append(
                PackMatch(
                    index,
                    first,
                    last,
                    start,
                    end,
                    list(characters),
                    family,
                    scan.text[start:end],
                    " ".join(words),
                )
            )
    return matches


def _next_word(text: str, offset: int) -> str:
    tail = text[offset : offset + 30].lstrip(" \t\n'’s,").split(None, 1)
    return tail[0].strip('.,;:!?"”').lower() if tail else ""


def _prev_word(text: str, offset: int) -> str:
    head = text[max(0, offset - 30) : offset].split()
    return head[-1].strip('.,;:!?"“').lower() if head else ""


def trusted(match: PackMatch, scan: Scan, knowledge: Knowledge) -> bool:
    """Drop single-word matches that are more likely an English word than the name."""
    if match.last - match.first > 1 or match.family:
        return True
    token = scan.runs[match.run].tokens[match.first]
    if token.honorific:
        return True
    word = token.base
    if word == match.characters[0].fandom and _prev_word(scan.text, match.start) in WORK_CUES:
        return False  # `the cast's childhoods in Naruto`: the canon, not the character
    ambiguous = word in knowledge.ambiguous or scan.lower_words.get(word.lower(), 0) > 0
    if not ambiguous:
        return True
    opens = match.first == 0 and scan.runs[match.run].initial
    return not opens or _next_word(scan.text, match.end) in SPEECH_VERBS


def _speaks(scan: Scan, match: PackMatch) -> bool:
    return (
        _next_word(scan.text, match.end) in SPEECH_VERBS
        or _prev_word(scan.text, match.start) in SPEECH_VERBS
    )


def declared_fandoms(document: Document, knowledge: Knowledge) -> list[str]:
    """The fandoms the work's metadata declares, else those its own notes name (an eFiction
    chapter's `Disclaimer: I don't own Harry Potter.`, `A/N: my first Naruto fic!`): an
    author names the canon there, seldom in the story."""
    if document.metadata.fandoms:
        return list(document.metadata.fandoms)
    notes = " ".join(document.text[n.start : n.end] for n in document.notes).lower()
    if not notes:
        return []
    return [
        fandom
        for fandom in knowledge.fandoms
        if re.search(rf"\b{re.escape(fandom.split(' - ')[0].lower())}\b", notes)
    ]


def active_fandoms(
    matches: list[PackMatch], scan: Scan, declared: list[str], knowledge: Knowledge
) -> set[str]:
    """Fandoms the story belongs to: declared in its metadata, named by several characters,
    or by one distinctive name that recurs or speaks."""
    declared_lower = " ".join(declared).lower()
    # `Harry Potter - J. K. Rowling` is declared as `Harry Potter` as often as in full.
    active = {f for f in knowledge.fandoms if f.split(" - ")[0].lower() in declared_lower}
    distinct: dict[str, set[str]] = {}
    distinctive: Counter[str] = Counter()
    singular: Counter[tuple[str, str]] = Counter()
    speaking: dict[tuple[str, str], bool] = {}
    for match in matches:
        # A family name only one of the canon's people bears (`Slughorn`) names that person;
        # one shared by a family (`Malfoy`, `Potter`) says nothing alone.
        one_bearer = match.family and len(match.characters) == 1
        if (match.family and not one_bearer) or match.alias in knowledge.ambiguous:
            continue
        if match.alias.lower() in given_names():
            continue  # `Harry`, `Sir Harry`: everyday names say nothing about the fandom
        character = match.characters[0]
        key = (character.fandom, character.name)
        distinct.setdefault(character.fandom, set()).add(character.name)
        distinctive[character.fandom] += 1
        singular[key] += 1
        if not speaking.get(key):
            speaking[key] = _speaks(scan, match)
    for fandom, names in distinct.items():
        if len(names) >= 2 and distinctive[fandom] >= 3:
            active.add(fandom)
    # A story about one character: its name alone is enough when it is no everyday name,
    # and the story's other recurring names are not strangers to that canon (`Hinata` among
    # Kageyama, Yachi and Tanaka is Haikyuu's, not Naruto's Hyuuga Hinata).
    others: set[str] | None = None  # read only when a single name would decide
    for name, count in singular.items():
        if count >= 3 or speaking[name]:
            others = _strangers(matches, scan) if others is None else others
            if len(others) < MAX_STRANGERS:
                active.add(name[0])
    return active


MAX_STRANGERS = 2  # recurring names no pack knows, beside a single pack character


def _strangers(matches: list[PackMatch], scan: Scan) -> set[str]:
    """Single capitalised words named at least twice, that no pack matched and the story
    never writes in lower case (names, not sentence openers): people of another canon."""
    matched = {(m.run, m.first) for m in matches}
    seen: Counter[str] = Counter()
    for index, run in enumerate(scan.runs):
        if len(run.tokens) == 1 and (index, 0) not in matched and not run.tokens[0].title:
            seen[run.tokens[0].base] += 1
    return {
        word
        for word, n in seen.items()
        if n >= 2 and word.lower() not in scan.lower_words and len(word) > 2
    }


def resolve_families(matches: list[PackMatch], scan: Scan, counts: Counter[str]) -> list[PackMatch]:
    """Give each bare family-name match to the family member the story is about, if clear.

    `counts` holds each character's mentions by a non-family alias. `the Hyuuga` or
    `Uchiha clan` are the family, not a person; with two members equally present the bare
    name stays unresolved rather than guessed; with none named otherwise it is the pack's
    first bearer of the name.
    """
    resolved = []
    for match in matches:
        if not match.family:
            resolved.append(match)
            continue
        if _prev_word(scan.text, match.start) in GENERIC_DETERMINERS:
            continue
        if _next_word(scan.text, match.end) in FAMILY_NOUNS:
            continue
        title = scan.runs[match.run].tokens[match.first].title
        gender = TITLES.get(title or "", "")
        if gender:  # `Mrs. Weasley` is none of the Weasley men
            match.characters = [c for c in match.characters if c.gender in (gender, "unknown")]
            if not match.characters:
                continue
        else:  # an untitled family name is how men are called: `Weasley` is Ron, not his mother
            men = [c for c in match.characters if c.gender == "male" and counts[c.name]]
            match.characters = men or match.characters
        # (sorted is stable: with no member named otherwise, the pack's first, its canon's
        # best-known bearer of the name, leads: a roll call's `Potter` is Harry)
        ranked = sorted(match.characters, key=lambda c: -counts[c.name])
        best = counts[ranked[0].name]
        runner_up = counts[ranked[1].name] if len(ranked) > 1 else 0
        if len(ranked) == 1 or best >= 2 * runner_up:
            match.characters, match.family = [ranked[0]], False
            resolved.append(match)
    return resolved
