"""Findings that need more than a lexicon: who cuts whom, whose death, which ages.

- Self-inflicted cuts: "he sliced his hand open" (the possessive agrees with the subject).
  A cut made for a ritual or oath is flagged as low-severity self-harm with that detail;
  one made to cope (numbness, punishment, hiding scars) is high.
- Major Character Death: a character of the cast is the one who dies ("Gaara died",
  "killed Naruto", "Naruto's funeral"), stated, not negated or hypothetical.
- Minors in a Romantic or Sexual Scene: an age under 18 (or a school year) stated anywhere in
  the work, author's notes included, plus romantic cues; sexual cues make it Underage Sex.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Evidence, Warning
from fanarchive.analysis.sentences import SentenceIndex
from fanarchive.analysis.warnings.ages import minor_statements
from fanarchive.analysis.warnings.context import factor
from fanarchive.analysis.warnings.romance import ROMANCE_LEXICON, romance_cue
from fanarchive.analysis.warnings.scanner import Hit, Lexicon, document_hits

if TYPE_CHECKING:
    from fanarchive.analysis.warnings import Scored

LIMB = r"(?:hands?|palms?|wrists?|arms?|forearms?|thighs?|legs?|fingers?|thumbs?|skin|flesh|fingertips?)"
SELF_CUT_LEXICON = Lexicon(
    [
        r"(?:cut|cuts|cutting|sliced|slices|slicing|slashed|slashes|slashing|carved|carving|nicked|"
        r"gashed|slit|slits|pricked|pricking) (?:open )?(?:his|her|their|my|your|our) "
        r"(?:own )?(?:right |left )?" + LIMB + r"(?: open)?"
    ]
)
SUBJECT_RE = re.compile(r"\b(he|she|i|you|they|we)\b(?!')", re.IGNORECASE)
AGREES = {"he": "his", "she": "her", "i": "my", "you": "your", "they": "their", "we": "our"}
RITUAL_RE = re.compile(
    r"\b(?:ritual|rite|oath|pact|vow|bind|binds|binded|bound|bond|seal|sealed|sacrifice|spell|"
    r"ceremony|summon\w*|contract|blood brothers?|blood sisters?|sworn|swear|share the same blood)\b",
    re.IGNORECASE,
)
COPING_RE = re.compile(
    r"\b(?:numb\w*|punish\w*|deserved?|relief|release|razors?|scars? on (?:his|her|their|my) (?:wrists?|arms?|thighs?)|"
    r"long sleeves|hide the (?:cuts|scars)|relapse\w*|clean for|urge to cut|to feel something|to feel anything|"
    r"hated? (?:himself|herself|myself|themselves))\b",
    re.IGNORECASE,
)
DEATH_AFTER_NAME = re.compile(
    r"^(?:'s)?\s+(?:\w+\s+){0,2}?(?:died|dies|is dead|was dead|lay dead|had died|has died|"
    r"stopped breathing|breathed (?:his|her|their) last|was killed|had been killed|was murdered|"
    r"passed away|didn't survive|did not survive|perished|was gone)\b|^'s (?:death|corpse|body|funeral|grave)",
    re.IGNORECASE,
)
DEATH_BEFORE_NAME = re.compile(
    r"\b(?:killed|murdered|slaughtered|executed|assassinated)\s+$", re.IGNORECASE
)
AGE_REACH = 150  # sentences between a story age statement and the romance it qualifies
SEXUAL_SCENE = 6.0  # sexual cue score in one window that makes a scene sexual
RITUAL_REACH = 8  # sentences around a cut searched for its purpose
# "my passion for Polina is dead": after a preposition or possessive the name is not the
# one who dies.
NOT_SUBJECT_RE = re.compile(
    r"\b(?:for|of|to|with|about|at|on|in|by|from|than|like|his|her|their|my|your|our)\s+$",
    re.IGNORECASE,
)
ROMANTIC_KINDS_STRONG = {"kiss", "confession", "possessive", "sexual", "date", "crush"}


def add_special_cues(
    document: Document, index: SentenceIndex, cast: Cast, scored: dict[str, list[Scored]]
) -> None:
    from fanarchive.analysis.warnings import Scored

    _boost_nonconsent(scored)
    text = document.text
    for hit in document_hits(document, SELF_CUT_LEXICON):
        if not _self_inflicted(text, index, hit):
            continue
        s = index.index_at(hit.start)
        span = index.spans[s]
        weight = 3 * factor(text, span.start, span.end, hit.start)
        if weight:
            scored.setdefault("self_harm", []).append(Scored(s, weight, False, hit))
            scored.setdefault("blood", []).append(Scored(s, 2 * weight / 3, False, hit))


def _boost_nonconsent(scored: dict[str, list[Scored]]) -> None:
    """ "Against her will" is rape only with sexual content in the same few sentences."""
    from fanarchive.analysis.warnings import Scored

    sexual = sorted({c.sentence for c in scored.get("sexual", []) if c.weight >= 2})
    for item in list(scored.get("rape", [])):
        if item.weight < 3 and any(abs(item.sentence - s) <= 3 for s in sexual):
            scored["rape"].append(Scored(item.sentence, 3.0, False, item.hit))


def _self_inflicted(text: str, index: SentenceIndex, hit: Hit) -> bool:
    """The possessive of the cut limb agrees with the clause's subject ("he ... his hand"),
    or the cut is an instruction to the listener ("cut your hand")."""
    possessive = re.search(r"\b(his|her|their|my|your|our)\b", hit.surface)
    if possessive is None:
        return False
    span = index.spans[index.index_at(hit.start)]
    before = text[span.start : hit.start]
    subjects = SUBJECT_RE.findall(before)
    if not subjects:
        # An imperative ("Cut your right hand") or a named subject ("Naruto slashed his hand").
        return possessive.group(1) in ("your", "his", "her")
    return AGREES.get(subjects[-1].lower()) == possessive.group(1)


def special_warnings(
    document: Document,
    index: SentenceIndex,
    cast: Cast,
    scored: dict[str, list[Scored]],
    warnings: list[Warning],
    quotes: list | None = None,
) -> list[Warning]:
    extra: list[Warning] = []
    _qualify_self_harm(document, index, warnings)
    death = major_character_death(document, index, cast, scored.get("death", []))
    if death:
        extra.append(death)
    extra.extend(minors_in_romance(document, index, cast, quotes or [], scored.get("sexual", [])))
    return extra


def _qualify_self_harm(document: Document, index: SentenceIndex, warnings: list[Warning]) -> None:
    """A ritual cut is low-severity self-harm with a note; a cut to cope is high."""
    for warning in warnings:
        if warning.name != "Self-Harm":
            continue
        first = index.index_at(warning.evidence[0].start)
        last = index.index_at(warning.evidence[-1].start)
        around = " ".join(
            index.sentence(s)
            for s in range(max(0, first - RITUAL_REACH), min(len(index), last + RITUAL_REACH + 1))
        )
        if COPING_RE.search(around):
            warning.severity = "high"
            warning.detail = "self-inflicted injury as a way of coping"
        elif RITUAL_RE.search(around):
            warning.severity = "low"
            warning.detail = (
                "a deliberate self-inflicted cut for a ritual or oath, not self-harm as coping"
            )


def major_character_death(
    document: Document, index: SentenceIndex, cast: Cast, death_cues: list[Scored]
) -> Warning | None:
    """A cast character is the one who dies, in a stated (not hypothetical) sentence."""
    important = {c.name for c in cast.characters if c.present or c.mentions >= 3}
    if not important or not death_cues:
        return None
    text = document.text
    sentences = sorted({c.sentence for c in death_cues if c.weight >= 2})
    evidence: list[Evidence] = []
    starts = [m.start for m in cast.mentions]
    from bisect import bisect_left

    for s in sentences:
        span = index.spans[s]
        i = bisect_left(starts, span.start)
        while i < len(starts) and starts[i] < span.end:
            mention = cast.mentions[i]
            i += 1
            if mention.character not in important:
                continue
            after = text[mention.end : min(span.end, mention.end + 60)]
            before = text[max(span.start, mention.start - 20) : mention.start]
            as_subject = DEATH_AFTER_NAME.search(after) and not NOT_SUBJECT_RE.search(before)
            if (as_subject or DEATH_BEFORE_NAME.search(before)) and factor(
                text, span.start, span.end, mention.start
            ) == 1.0:
                evidence.append(index.evidence(s))
                break
    if not evidence:
        return None
    return Warning("Major Character Death", "high", True, evidence[:5])


def minors_in_romance(
    document: Document,
    index: SentenceIndex,
    cast: Cast,
    quotes: list,
    sexual_cues: list[Scored],
) -> list[Warning]:
    """A stated minor and a romantic scene. With a cast, the scene is a romantic pair's
    romance evidence; a story age must lie within AGE_REACH sentences of it (an age in an
    author's note covers the whole work)."""
    statements = minor_statements(document, lambda offset: index.sentence(index.index_at(offset)))
    if not statements:
        return []
    romance = romance_sentences(document, index, cast, quotes)
    if not romance:
        return []
    near = [
        a
        for a in statements
        if document.in_note(a.start)
        or any(abs(index.index_at(a.start) - s) <= AGE_REACH for _, s, _ in romance)
    ]
    if not near:
        return []
    youngest = min(near, key=lambda a: a.age or 17)
    age_sentences = sorted({index.index_at(a.start) for a in (youngest, near[0])})
    best = sorted(romance, key=lambda r: (-r[0], r[1]))[:3]
    evidence = [index.evidence(s) for s in age_sentences] + [
        index.evidence(s) for _, s, _ in sorted(best, key=lambda r: r[1])
    ]
    sexual = any(kind == "sexual" for _, _, kind in romance) or _sexual_scene(
        sexual_cues, [s for _, s, _ in romance]
    )
    kinds = {kind for _, _, kind in romance}
    severity = "high" if sexual else "medium" if "kiss" in kinds else "low"
    found = [
        Warning(
            "Minors in a Romantic or Sexual Scene",
            severity,
            False,
            _dedupe(evidence),
            detail=f"a character is stated to be {_age_phrase(youngest.age)}",
        )
    ]
    if sexual:
        found.append(Warning("Underage Sex", "high", True, _dedupe(evidence)))
    return found


def romance_sentences(
    document: Document, index: SentenceIndex, cast: Cast, quotes: list
) -> list[tuple[float, int, str]]:
    """(weight, sentence, kind) of the romance between a romantic pair; without a cast of
    two, every stated strong romance cue of the work."""
    if sum(1 for c in cast.characters if c.present or c.mentions >= 2) >= 2:
        from fanarchive.analysis.relationships import find_relationships

        found = []
        for relationship in find_relationships(document, quotes, cast):
            if relationship.kind != "romantic":
                continue
            for kind in ROMANTIC_KINDS_STRONG:
                for item in relationship.signals.get(kind, []):
                    found.append((3.0, index.index_at(item.start), kind))
        return found
    text = document.text
    found = []
    for hit in document_hits(document, ROMANCE_LEXICON):
        cue = romance_cue(hit.surface)
        if cue is None or cue.kind not in ROMANTIC_KINDS_STRONG or document.in_note(hit.start):
            continue
        s = index.index_at(hit.start)
        span = index.spans[s]
        weight = cue.weight * factor(text, span.start, span.end, hit.start)
        if weight >= 2:
            found.append((weight, s, cue.kind))
    return found


def _sexual_scene(sexual_cues: list[Scored], romance: list[int]) -> bool:
    """Sexual cues clustered (score >= SEXUAL_SCENE in a window) near the romance."""
    from fanarchive.analysis.warnings import best_cluster

    finding = best_cluster(
        [c for c in sexual_cues if any(abs(c.sentence - s) <= AGE_REACH for s in romance)]
    )
    return finding.score >= SEXUAL_SCENE


def _age_phrase(age: int) -> str:
    return f"{age} years old" if age else "of school age (a minor)"


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    seen, result = set(), []
    for item in evidence:
        if item.start not in seen:
            seen.add(item.start)
            result.append(item)
    return result
