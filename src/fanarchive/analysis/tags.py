"""Suggested additional tags (AO3's freeform tags) with evidence: only what the text shows.

Relationship tags come from the relationships' cue evidence (First Kiss, Rivals to Lovers,
Friends to Lovers, Enemies to Lovers, Confessions, Childhood Friends, Pre-Slash); mood and
trope tags come from clusters of lexicon cues in the story (Hurt/Comfort, Blood Bond,
Angst, Fluff, Pining, Loneliness); Kid Fic from a stated age under thirteen.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Evidence, Quote, Relationship, Tag, Warning
from fanarchive.analysis.sentences import SentenceIndex, sentence_index
from fanarchive.analysis.warnings.ages import minor_statements, said_of_the_past
from fanarchive.analysis.warnings.context import factor
from fanarchive.analysis.warnings.scanner import Lexicon, document_hits

MAX_EVIDENCE = 4
WINDOW = 8  # sentences within which two kinds of cue (hurt and comfort, blood and bond) meet

MOOD_PATTERNS = {
    "hurt": r"tears|teary|cr(?:y|ied|ying)|sobb?(?:ed|ing|s)?|wept|weep(?:ing)?|hurt|pain|ache|ached|aching|wounded|injured|bleeding|distress|trembl(?:ed|ing)|shaking|flinch(?:ed)?|nightmares?|panick(?:ed|ing)|scared|afraid|broken",
    "comfort": r"comfort(?:ed|ing|s)?|sooth(?:ed|ing|e)|reassur(?:ed|ing|e)|it's (?:okay|alright|all right)|you're not alone|i'm here|i've got you|there for you|be there for|held (?:him|her|them) close|pulled (?:him|her|them) (?:close|closer|into)|wiped (?:away )?(?:his|her|their|the) tears|rubbed (?:his|her) back|hugg?(?:ed|ing)|embrac(?:ed|ing)|protect (?:him|her|you|those)|don't let (?:any of )?them|don't cry|not going to let anyone|held out (?:a|his|her) hand|clasp(?:ed|ing) (?:the offered|his|her) hand|squeez(?:ed|ing) (?:his|her|\w+'s) hand",
    "bond": r"bind (?:you|us|me|him|her)|binded|bound together|bound (?:by|to) (?:blood|each other)|blood (?:bond|oath|pact|brothers?|sisters?|ritual|seal|magic|contract)|same blood|share (?:the same |our )?blood|blood (?:flowed|flows) in each other's|sworn|pact|oath|ritual",
    "blood": r"blood|bloodied|bloodshed|bleeding|bled|cut (?:your|his|her|my)|sliced (?:his|her|my)|slashed (?:his|her|my)",
    "angst": r"tears|cr(?:ied|ying)|sobb?(?:ed|ing)|wept|grief|griev(?:ed|ing)|despair|anguish|heartbr(?:eak|oken)|misery|miserable|hopeless|lonely|loneliness|empty|emptiness|guilt|regret|ache|aching|pain|hurt|suffer(?:ed|ing)?|abandoned|unwanted|worthless",
    "fluff": r"smil(?:ed|es|ing)|grinn?(?:ed|ing)|laugh(?:ed|ing|s)?|giggl(?:ed|ing|es)|chuckl(?:ed|ing)|cuddl(?:ed|ing|e)|snuggl(?:ed|ing|e)|warm(?:th)?|soft(?:ly)?|gentl(?:e|y)|sweet|cute|adorable|happ(?:y|ily|iness)|content(?:ed)?|cozy|cosy|playful(?:ly)?|tease?d?|teasing",
    "pining": r"pin(?:ed|ing) (?:for|after)|longing|long(?:ed)? for|yearn(?:ed|ing|s)?|unrequited|wished (?:he|she|they|i) could|couldn't stop thinking about|can't stop thinking about|secretly (?:loved|in love)|harbou?r(?:ed|ing)? feelings|never (?:dared|told)",
    "lonely": r"lonely|loneliness|alone|isolated|isolation|outcasts?|cast out|abandoned|no one (?:wanted|understands|cared|understood)|nobody (?:wanted|understands|cared|understood)|never had anyone|no friends",
    "first": r"first kiss|first time (?:he|she|they|i|we) kissed|kissed (?:him|her|me|them) for the first time|never been kissed|their first",
    "surprise": r"surpris(?:ed|e|ing)|unexpected(?:ly)?|taken aback|startled|shock(?:ed)?|stunned|froze|wide-eyed|eyes widen(?:ed|ing)|uncertain|nervous(?:ly)?|shaking|trembling|awkward(?:ly)?|shy(?:ly)?|hesitant(?:ly)?|tentative(?:ly)?",
    "established": r"again|as always|like every|like always|usual|anniversary|married|wedding|years together|husband|wife",
}
# Moods are densities, where a stray negation hardly matters (and comfort is often said with
# one: "you're not alone"); these few must be stated to count.
STATED = {"blood", "bond", "first", "pining"}
MOOD_LEXICONS = {name: Lexicon([pattern]) for name, pattern in MOOD_PATTERNS.items()}


def suggest_tags(
    document: Document,
    quotes: list[Quote],
    cast: Cast,
    relationships: list[Relationship],
    warnings: list[Warning],
) -> list[Tag]:
    if not document.text.strip():
        return []
    index = sentence_index(document)
    moods = mood_sentences(document, index)
    tags: dict[str, list[Evidence]] = {}
    romantic = [r for r in relationships if r.kind == "romantic"]
    for relationship in romantic[:2]:
        relationship_tags(relationship, moods, index, tags)
    for relationship in relationships[:3]:
        if "childhood" in relationship.signals:
            tags.setdefault("Childhood Friends", relationship.signals["childhood"][:MAX_EVIDENCE])
    pre_slash(relationships, cast, tags)
    story_tags(document, index, moods, warnings, bool(romantic), tags)
    return [Tag(name, evidence[:MAX_EVIDENCE]) for name, evidence in tags.items() if evidence]


def mood_sentences(document: Document, index: SentenceIndex) -> dict[str, list[int]]:
    """Sentences (story only, stated not negated) holding each kind of mood cue."""
    found: dict[str, list[int]] = defaultdict(list)
    text = document.text
    for name, lexicon in MOOD_LEXICONS.items():
        for hit in document_hits(document, lexicon):
            if document.in_note(hit.start):
                continue
            s = index.index_at(hit.start)
            if s < 0 or (found[name] and found[name][-1] == s):
                continue
            span = index.spans[s]
            if name in STATED and factor(text, span.start, span.end, hit.start) == 0:
                continue
            found[name].append(s)
    return found


def relationship_tags(
    relationship: Relationship,
    moods: dict[str, list[int]],
    index: SentenceIndex,
    tags: dict[str, list[Evidence]],
) -> None:
    signals = relationship.signals
    kisses = signals.get("kiss", [])
    if kisses and is_first_kiss(kisses[0], moods, index):
        tags.setdefault("First Kiss", [kisses[0]])
    romance = kisses + signals.get("confession", []) + signals.get("possessive", [])
    turning = sorted(romance, key=lambda e: e.start)[:2]
    for subtype, tag in (
        ("rivals", "Rivals to Lovers"),
        ("enemies", "Enemies to Lovers"),
        ("friends", "Friends to Lovers"),
        ("just-friends", "Friends to Lovers"),
    ):
        if signals.get(subtype) and turning and tag not in tags:
            tags[tag] = _merge(signals[subtype][:2], turning)
    confessions = signals.get("confession", []) + signals.get("possessive", [])
    if confessions:
        tags.setdefault("Confessions", _merge(confessions))


def is_first_kiss(kiss: Evidence, moods: dict[str, list[int]], index: SentenceIndex) -> bool:
    """The text says it is the first, or the first kiss of the work comes with surprise or
    nerves and nothing marks an established couple."""
    s = index.index_at(kiss.start)
    near = range(s - 3, s + 4)
    if any(t in near for t in moods.get("first", [])):
        return True
    surprised = any(t in near for t in moods.get("surprise", []))
    established = any(t in range(s - 1, s + 2) for t in moods.get("established", []))
    return surprised and not established


def pre_slash(
    relationships: list[Relationship], cast: Cast, tags: dict[str, list[Evidence]]
) -> None:
    """Romantic undertones (blushes, jealousy, pining) between two men who never get further."""
    for relationship in relationships[:2]:
        if relationship.kind != "platonic":
            continue
        genders = [getattr(cast.get(n), "gender", "unknown") for n in relationship.characters]
        soft = relationship.signals.get("blush", []) + relationship.signals.get("jealousy", [])
        if genders == ["male", "male"] and len(soft) >= 2:
            tags.setdefault("Pre-Slash", soft)


def story_tags(
    document: Document,
    index: SentenceIndex,
    moods: dict[str, list[int]],
    warnings: list[Warning],
    has_romance: bool,
    tags: dict[str, list[Evidence]],
) -> None:
    words = max(document.words, 1)
    hurt_comfort = co_occurring(moods.get("hurt", []), moods.get("comfort", []), 2)
    if hurt_comfort:
        tags["Hurt/Comfort"] = [index.evidence(s) for s in hurt_comfort]
    bond = co_occurring(moods.get("blood", []), moods.get("bond", []), 2)
    if bond:
        tags["Blood Bond"] = [index.evidence(s) for s in bond]
    angst = moods.get("angst", [])
    if len(angst) >= 5 and len(angst) * 1000 / words >= 4:
        tags["Angst"] = [index.evidence(s) for s in _spread(angst)]
    fluff = moods.get("fluff", [])
    heavy = any(w.severity != "low" and w.name in {"Violence", "Death", "Abuse"} for w in warnings)
    if has_romance and not heavy and len(fluff) >= 5 and len(fluff) * 1000 / words >= 5:
        tags["Fluff"] = [index.evidence(s) for s in _spread(fluff)]
    pining = moods.get("pining", [])
    if len(pining) >= 2:
        tags["Pining"] = [index.evidence(s) for s in pining]
    lonely = moods.get("lonely", [])
    if len(lonely) >= 3:
        tags["Loneliness"] = [index.evidence(s) for s in _spread(lonely)]
    children = [
        a
        for a in minor_statements(document, lambda o: index.sentence(index.index_at(o)))
        if 0 < a.age <= 12
        and (document.in_note(a.start) or not said_of_the_past(document.text, index, a))
    ]
    # The author says so in a note, or the story states a child's age in its present more
    # than once ("when she was six", "since they were eleven" are backstory).
    if any(document.in_note(a.start) for a in children) or len(children) >= 2:
        tags["Kid Fic"] = [index.evidence(index.index_at(children[0].start))]


def co_occurring(first: list[int], second: list[int], minimum: int) -> list[int]:
    """Sentences of either kind that lie within WINDOW sentences of the other kind, when
    each kind contributes at least `minimum` of them."""
    if len(first) < minimum or len(second) < minimum:
        return []
    a = [s for s in first if _near(second, s)]
    b = [s for s in second if _near(first, s)]
    if len(a) < minimum or len(b) < minimum:
        return []
    return sorted(set(_spread(a, 2) + _spread(b, 2)))


def _near(sorted_sentences: list[int], s: int) -> bool:
    i = bisect_left(sorted_sentences, s - WINDOW)
    return i < len(sorted_sentences) and sorted_sentences[i] <= s + WINDOW


def _spread(sentences: list[int], count: int = MAX_EVIDENCE) -> list[int]:
    """`count` sentences spread over the list (not all from one paragraph)."""
    if len(sentences) <= count:
        return list(sentences)
    step = (len(sentences) - 1) / (count - 1) if count > 1 else 0
    return sorted({sentences[round(i * step)] for i in range(count)})


def _merge(*groups: list[Evidence]) -> list[Evidence]:
    seen: dict[int, Evidence] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item.start, item)
    return [seen[k] for k in sorted(seen)]
