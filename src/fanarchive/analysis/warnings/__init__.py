"""Content warnings with evidence: AO3's archive warnings and readers' content notes.

Advisory: the archive shows them as suggestions the author accepts or rejects. Every
warning carries the sentences that triggered it; see docs/warnings.md for what each
warning means and how severity is decided.

How a warning is decided:
1. One pass over the text finds lexicon cues (warnings.lexicon) and figurative phrases
   ("dead tired", "killing me", "bloody hell"); cues inside a figurative phrase are dropped.
2. Each cue is weighed in its clause: negated cues count 0, hypothetical or asked ones half.
3. Cues cluster: per category, the best run of WINDOW consecutive sentences is scored
   (the strongest cue of each sentence plus half of the others). A category fires when
   that score reaches its threshold and holds at least one strong cue; severity grows with
   the score and with graphic descriptors.
4. Special findings: self-inflicted cuts (who cuts whom), a named character's death, a
   parent hurting a child, and characters stated to be minors in a romantic scene.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from itertools import accumulate

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.model import Evidence, Quote, Warning
from fanarchive.analysis.sentences import SentenceIndex, sentence_index
from fanarchive.analysis.warnings import special, victims
from fanarchive.analysis.warnings.context import factor, in_an_arena
from fanarchive.analysis.warnings.learned import (
    EMPTY_CUES,
    KEYWORD_RES,
    CategoryModel,
    LearnedModels,
    best_window,
    collect_cues,
    load_models,
    rule_features,
    sentence_features,
)
from fanarchive.analysis.warnings.lexicon import (
    BODY_STOPS,
    CUE_LEXICON,
    DEATH_EUPHEMISM,
    FIGURATIVE_LEXICON,
    FUNERAL_TRADE,
    MACHINES_OFF,
    classify,
)
from fanarchive.analysis.warnings.scanner import Hit, document_hits, flexible_spaces

WINDOW = 6  # sentences over which cues of one category cluster
MAX_EVIDENCE = 5
CLEAR_CUE = 2.0  # a cue this strong can carry a cluster alone ...
WEAK_SENTENCES = 2  # ... otherwise the cluster must span this many sentences
RECURRING = 4  # strong-cue sentences across the work that lift severity to medium,
RECURRING_PER_WORD = 1 / 10_000  # ... and at least one per 10,000 words
GRAPHIC_FACTOR = 2.0  # how far above the violence threshold graphic violence must score
# Harm in a sentence about a sport, a game or a market counts this much (context.ARENA_RE).
ARENA_FACTOR = 0.5
ARENA_CATEGORIES = frozenset({"violence", "blood", "death", "killing", "war", "abduction"})


@dataclass(frozen=True)
class Rule:
    name: str
    threshold: float  # window score needed
    strongest: float  # at least one cue this strong (after context) in the window
    archive: bool = False


RULES: dict[str, Rule] = {
    "violence": Rule("Violence", 3.0, 1.0),
    "blood": Rule("Blood", 3.0, 2.0),
    "death": Rule("Death", 2.0, 2.0),
    "killing": Rule("Killing", 3.0, 2.0),
    # One clear cue ("took his own life"), or two strong ones together ("drank the
    # poison" and "did not want to live").
    "suicide": Rule("Suicide", 3.0, 2.0),
    "self_harm": Rule("Self-Harm", 3.0, 3.0),
    "abuse": Rule("Abuse", 4.0, 3.0),
    "rape": Rule("Rape/Non-Con", 3.0, 3.0, archive=True),
    "war": Rule("War", 2.0, 0.5),
    "abduction": Rule("Abduction", 2.0, 2.0),
}
GRAPHIC_VIOLENCE = "Graphic Depictions Of Violence"
# Confidence of the notes the rules decide alone, when the learned model has no weights
# for them. Violence, Death, War, Abduction: the rules' precision on the TUNE side of
# warnings-dev (0.60, 0.50, 0.32, 0.67). The archive warnings have no labelled data here:
# conservative settings, not measurements (docs/warnings.md says which is which).
# Where the learned model decides whether the note is given: the categories where it beat
# the rules on the CHECK side of warnings-dev (docs/warnings.md). Elsewhere the rules decide
# and the model, when it has weights for the category, gives the confidence.
MODEL_DECIDES = frozenset({"death"})
# Where the rules still give the note the model declined: their cluster holds a sentence of
# narration (not dialogue) stating the thing itself ("he died", a body, a funeral) and
# nothing that makes it a mention (remembered, would/could, if, heard on the news). Chosen
# by cross-validation on the tune side: the model alone P 0.65 R 0.74 F1 0.69, with this
# P 0.60 R 0.81 F1 0.69; it keeps a death spread over a whole scene, where no five-sentence
# window carries it alone (docs/warnings.md).
DEPICTION_OVERRIDES = {
    "death": (
        ("died", "body", "killed", "mourning"),
        ("past", "die_modal", "condition", "reported"),
    )
}
# Of the "body" depiction, what tells a death happening (breath and pulse stopping), not a
# body or a corpse present: a cadaver on a slab, a corpse that talks, "mused to his corpse"
# are the rules' false deaths on the tune side (docs/warnings.md, fourteenth session).
DYING_BODY_RE = LazyPattern(
    r"\b(?:stopped breathing|last breath|no pulse|heart stopped)\b"
    r"|\bbreath(?:ing)?\b[^.!?]{0,40}\bstopped\b"
)
# A death told by its signs in narration (docs/warnings.md): the machines, the body
# covered or its eyes closed by someone else, the funeral's people (strong signs); the
# funeral's things (weak signs, counted only in a cluster twice the threshold: a coffin
# alone is a vampire's bed as often as a funeral).
NARRATED_SIGNS = {
    "death": (
        re.compile(
            r"\b(?:flat-?lin\w*|flat line|(?:gone|went|ran|turned) flat|time of death"
            r"|stopped beeping|(?:sheet|shroud|tarp\w*) (?:up |back )?(?:over|across)"
            r"|body bags?|hearse|pall-?bearers?|laid (?:him|her|them) to rest"
            r"|closed (?:his|her|their) eyes|rigor mortis|(?:move|stir|breathe) again"
            r"|"
            + FUNERAL_TRADE
            + r")\b|"
            + flexible_spaces(DEATH_EUPHEMISM)
            + r"|\b(?:"
            + flexible_spaces(BODY_STOPS)
            + r")|\b(?:"
            + flexible_spaces(MACHINES_OFF)
            + r")",
            re.IGNORECASE,
        ),
        re.compile(
            r"\b(?:into the (?:ground|grave)|caskets?|coffins?|condolences"
            r"|sorry for (?:your|her|his|their) loss|ashes|urns?)\b",
            re.IGNORECASE,
        ),
    )
}
RULE_CONFIDENCE = {
    GRAPHIC_VIOLENCE: 0.7,
    "Major Character Death": 0.7,
    "Rape/Non-Con": 0.7,
    "Underage Sex": 0.8,
    "Violence": 0.6,
    "Death": 0.5,
    "War": 0.32,
    "Abduction": 0.67,
}
DEFAULT_RULE_CONFIDENCE = 0.5
ORDER = [
    GRAPHIC_VIOLENCE,
    "Major Character Death",
    "Rape/Non-Con",
    "Underage Sex",
    "Minors in a Romantic or Sexual Scene",
    "Violence",
    "Death",
    "Killing",
    "Suicide",
    "Self-Harm",
    "Abuse",
    "Blood",
    "War",
    "Abduction",
]


@dataclass
class Scored:
    """A cue as weighed in its sentence, for one category."""

    sentence: int
    weight: float
    graphic: bool
    hit: Hit
    factor: float = 1.0  # 1 stated, 0.5 hypothetical or asked (see context.factor)


@dataclass
class Finding:
    """The best cluster of one category: its score, its cues and whether any was graphic."""

    score: float = 0.0
    strongest: float = 0.0
    graphic: bool = False
    sentences: list[int] = field(default_factory=list)
    sentence_scores: dict[int, float] = field(default_factory=dict)
    elsewhere: dict[int, float] = field(default_factory=dict)  # every cue sentence's score


def detect_warnings(
    document: Document, quotes: list[Quote], cast: Cast, use_model: bool = True
) -> list[Warning]:
    """The warnings of a work. `use_model=False` leaves every category to the rules (the
    evaluation compares both)."""
    if not document.text.strip():
        return []
    index = sentence_index(document)
    negated: dict[str, list[int]] = {}
    scored = score_cues(document, index, negated)
    special.add_special_cues(document, index, cast, scored)
    work = _Work(document, index, scored, negated, load_models() if use_model else None)
    warnings: list[Warning] = []
    for category, rule in RULES.items():
        finding, found = _note(work, category, rule, quotes)
        if found is None:
            continue
        warnings.append(found)
        if category == "violence" and is_graphic(finding, rule):
            warnings.append(_graphic_violence(found, finding, index))
    death = death_of_a_suicide(warnings, scored, index, document.words)
    if death is not None:
        warnings.append(death)
    warnings.extend(special.special_warnings(document, index, cast, scored, warnings, quotes))
    warnings.sort(key=lambda w: ORDER.index(w.name) if w.name in ORDER else len(ORDER))
    return warnings


@dataclass
class _Work:
    """What every category's decision reads: the work, its scored cues and the model."""

    document: Document
    index: SentenceIndex
    scored: dict[str, list[Scored]]
    negated: dict[str, list[int]]
    models: LearnedModels | None
    _learned: LearnedCues | None = None
    _dialogue: list[tuple[int, int]] | None = None

    def model(self, category: str):
        return self.models.models.get(category) if self.models else None

    def learned(self) -> LearnedCues:
        """The model's features, computed once for the first category that has a model."""
        if self._learned is None:
            vocabulary = self.models.vocabulary
            self._learned = LearnedCues(
                self.document, self.index, self.scored, self.negated, vocabulary
            )
        return self._learned

    def dialogue(self, quotes: list[Quote]) -> list[tuple[int, int]]:
        """The work's dialogue spans (dialogue_spans), found once."""
        if self._dialogue is None:
            self._dialogue = dialogue_spans(self.document.text, quotes)
        return self._dialogue


def _note(
    work: _Work, category: str, rule: Rule, quotes: list[Quote]
) -> tuple[Finding, Warning | None]:
    """The category's best cluster and its note: by the model where it decides (the rules
    overriding it for a death narrated in the scene), else by the rules, the model saying
    how sure to be."""
    cues = _category_cues(category, work, quotes)
    finding = best_cluster(cues)
    model = work.model(category)
    document, index = work.document, work.index
    if model is not None and category in MODEL_DECIDES:
        learned = work.learned()
        warning = learned_warning(category, rule, finding, model, learned)
        if warning is None and rules_override(category, rule, finding, learned):
            warning = make_warning(category, rule, finding, index, document.words)
            warning.confidence = learned_confidence(category, model, learned)
        return finding, warning
    if not fires_here(category, rule, finding, work.scored) or lone_violence(
        category, finding, cues, document.text
    ):
        return finding, None
    warning = make_warning(category, rule, finding, index, document.words)
    if model is not None:
        warning.confidence = learned_confidence(category, model, work.learned())
    return finding, warning


# A killing verb done to a thing is no killing and no death: not "killed it", "slaughtered
# the competition", "she murdered that", "absolutely massacred it" (a lip sync). Death's
# cues too since the seventeenth session: the Death override read "massacred it" as a
# killing told (docs/warnings.md, "Warnings, round 17 (seventeenth session)").
LIVING_VICTIM = frozenset({"killing", "death"})


def _category_cues(category: str, work: _Work, quotes: list[Quote]) -> list[Scored]:
    """The category's cues that concern someone: a deed needs a doer or a victim."""
    text = work.document.text
    cues = victims.by_deed(text, work.scored.get(category, []))
    if category == "violence":
        # a thing meeting someone's head or face is the act; a graphic verb on a thing
        # ("decapitated the strawberries") is none
        cues = victims.of_the_maimable(text, cues + impact_cues(work.document, work.index))
    if category in SAID_WEAKLY and cues:  # talk of a fight or a war is not the thing
        cues = said_weakly(cues, work.dialogue(quotes))
    if category in LIVING_VICTIM:
        cues = victims.of_the_living(text, cues)
    return cues


def _graphic_violence(violence: Warning, finding: Finding, index: SentenceIndex) -> Warning:
    return Warning(
        GRAPHIC_VIOLENCE,
        "high",
        True,
        evidence_for(finding, index),
        confidence=max(violence.confidence, RULE_CONFIDENCE[GRAPHIC_VIOLENCE]),
    )


# A Violence cue inside dialogue counts this much: talk of a fight ("ready for a fight!",
# "he kicks my ass for getting injured") is not the fight (thirteenth session, weak cues);
# nor is a blow told in a line ("the butler stabbed the colonel", a book's plot retold):
# the strong cues too since the fourteenth session (docs/warnings.md).
SAID_WEAK_FACTOR = 0.5
# ... for these categories: War's too since the fifteenth session (a war talked of in a line).
SAID_WEAKLY = frozenset({"violence", "war"})


# Weak fight words ("attack after attack", "the battle raged") are a fight on the page when
# the War rule finds a war in the same sentences: a Violence cluster this far below its
# threshold fires there (combat scenes, fourteenth session).
BATTLE_FACTOR = 2 / 3


def fires_here(
    category: str, rule: Rule, finding: Finding, scored: dict[str, list[Scored]]
) -> bool:
    """The rule fires, or a Violence cluster of weak fight words sits inside a war."""
    return fires(finding, rule) or in_a_battle(category, finding, scored)


def in_a_battle(category: str, finding: Finding, scored: dict[str, list[Scored]]) -> bool:
    """A Violence cluster of at least BATTLE_FACTOR of its threshold whose sentences the
    War rule's cluster shares (the war's own cues: no setting words added)."""
    if category != "violence" or finding.score < BATTLE_FACTOR * RULES["violence"].threshold:
        return False
    war = best_cluster(scored.get("war", []))
    return fires(war, RULES["war"]) and bool(set(war.sentences) & set(finding.sentences))


# A line in single quotation marks, which the quote finder leaves to its speaker rules when
# it opens in lower case ("'time to go on the attack!' he yelled"): it opens with a mark
# before a letter and ends at the next mark that no letter follows (an apostrophe inside a
# word, "don't", "kittan's", is none), on the same line, within LINE_REACH; that mark must
# come right after a stop, comma or dash, so "'round nine ... the twins' father" is no line.
# Not an elision opening a word ("since '40", "'cause", "'em"): its mark would pair with the
# end of a line further on and weigh the narration between as said.
LINE_OPEN_RE = re.compile(
    r"'(?=\w)(?!\d|(?:cause|cos|coz|til|till|em|bout|round|nuff|n|tis|twas)\b)"
)
LINE_OPEN_AFTER = "(\u2014\u2013-"  # or a space, or the start of the text
LINE_END_RE = re.compile(r"'(?!\w)")
LINE_END_AFTER = ",.!?\u2026\u2014\u2013-"
LINE_REACH = 600
DOUBLE_MARKS = ('"', "\u201c", "\u201d")


def single_quoted_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the lines in single quotation marks, in one pass over the marks."""
    ends = [m.start() for m in LINE_END_RE.finditer(text)]
    spans: list[tuple[int, int]] = []
    reached = 0
    for opening in LINE_OPEN_RE.finditer(text):
        start = opening.start()
        before = text[start - 1] if start else " "
        if start < reached or not (before.isspace() or before in LINE_OPEN_AFTER):
            continue
        i = bisect_right(ends, start)
        if i == len(ends):
            break
        end = ends[i]
        if (
            end - start <= LINE_REACH
            and text[end - 1] in LINE_END_AFTER
            and text.find("\n", start, end) < 0
        ):
            spans.append((start, end + 1))
            reached = end + 1
    return spans


def dialogue_spans(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """The work's dialogue: the quotes found, and lines in single quotation marks."""
    spans = [(q.start, q.end) for q in quotes]
    # a work that writes its dialogue in double marks uses single ones for apostrophes
    # ("the twins' mother", "'cause") and quotes within quotes
    if "'" in text and not any(mark in text for mark in DOUBLE_MARKS):
        spans += single_quoted_lines(text)
    return sorted(spans)


def said_weakly(cues: list[Scored], spans: list[tuple[int, int]]) -> list[Scored]:
    """The cues, those inside dialogue (`dialogue_spans`) weighed by SAID_WEAK_FACTOR."""
    if not cues or not spans:
        return cues
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # furthest end so far
    result = []
    for cue in cues:
        i = bisect_right(starts, cue.hit.start) - 1
        inside = i >= 0 and cue.hit.start < reach[i]
        if inside and cue.weight > 0:
            cue = replace(cue, weight=cue.weight * SAID_WEAK_FACTOR)
        result.append(cue)
    return result


# A blow told by its impact weighs as a strong cue of the lexicon does.
IMPACT_SCORE = 3.0


def impact_cues(document: Document, index: SentenceIndex) -> list[Scored]:
    """Violence cues for the rule alone (victims.impact); the model's features unchanged."""
    text, found = document.text, []
    for s in victims.impact_candidates(text, index):
        span, sentence = index.spans[s], index.sentence(s)
        hit = victims.impact(sentence)
        if hit is None or special.MISHAP_RE.search(sentence) or in_an_arena(sentence):
            continue
        at = span.start + hit.start()
        weight = factor(text, span.start, span.end, at)
        if weight:
            hit_at = Hit(at, span.start + hit.end(), hit.group())
            found.append(Scored(s, IMPACT_SCORE * weight, False, hit_at, weight))
    return found


def death_of_a_suicide(
    warnings: list[Warning], scored: dict[str, list[Scored]], index: SentenceIndex, words: int
) -> Warning | None:
    """A suicide whose death the rules find stated (a body, a funeral, an inquest) is a
    death, even when no five-sentence window carries it for the model. An attempt, with no
    stated death, stays Suicide only."""
    names = {w.name for w in warnings}
    if "Suicide" not in names or "Death" in names:
        return None
    finding = best_cluster(scored.get("death", []))
    if not fires(finding, RULES["death"]):
        return None
    suicide = next(w for w in warnings if w.name == "Suicide")
    death = make_warning("death", RULES["death"], finding, index, words)
    death.confidence = suicide.confidence
    return death


def learned_probabilities(document: Document) -> dict[str, float]:
    """Per learned category, the probability of its best window (0 without a cue): what
    the evaluation's reliability table reads, below the notes' thresholds too."""
    models = load_models()
    if models is None or not document.text.strip():
        return {}
    index = sentence_index(document)
    negated: dict[str, list[int]] = {}
    scored = score_cues(document, index, negated)
    special.add_special_cues(document, index, Cast(), scored)
    cues = LearnedCues(document, index, scored, negated, models.vocabulary)
    result = {}
    for category, model in models.models.items():
        found = best_window(
            model, cues.gate(category), len(index), cues.features, cues.rule_features(category)
        )
        result[category] = found.probability if found else 0.0
    return result


# A Violence cluster whose weight sits in one sentence, carried by a bare graphic word with
# no one after it ("maimed by it", "long since severed,", "impaled by its tack"), needs this
# much: on the tune side of warnings-dev such a word is as often said of a thing or of no one
# in particular as of a wound shown (docs/warnings.md, "Violence and death (thirteenth
# session)"). A graphic verb with its victim ("beheaded the traitor", "impaled it on a
# spear") and a blow told by a phrase of the lexicon ("stabbed him") carry it as before.
LONE_VIOLENCE = 4.0
BARE_GRAPHIC_RE = LazyPattern(
    r"(?:decapitat|behead|dismember|mutilat|disembowel|eviscerat|impal|skewer|maim|sever)"
    r"(?:e|es|ed|ing|s)?",
    re.IGNORECASE,
)
# What after a graphic word shows it done to someone or something: an object, a name, a
# number or quantity of them, or what pierced them. A bare plural of the living
# ("impaled prisoners") is checked against victims.LIVING.
AFTER_A_VICTIM_RE = LazyPattern(
    r"\s+(?:(?:him|her|them|me|you|us|it|himself|herself|themselves|myself|the|a|an|his|their"
    r"|my|your|its|our|this|that|these|those|every|each|on|upon|through"
    r"|some(?:one|body)|any(?:one|body)|every(?:one|body)|all|both|several|many"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozens|hundreds|\d+)\b"
    r"|(?-i:[A-Z]))",
    re.IGNORECASE,
)
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)\b")


def lone_violence(category: str, finding: Finding, cues: list[Scored], text: str) -> bool:
    """A Violence cluster of one weighed sentence under LONE_VIOLENCE whose strong cues are
    bare graphic words with no one after them."""
    if category != "violence" or finding.score >= LONE_VIOLENCE:
        return False
    weighed = [s for s in finding.sentences if finding.sentence_scores.get(s, 0) > 0]
    if len(weighed) != 1:
        return False
    strong = [c for c in cues if c.sentence == weighed[0] and c.weight >= CLEAR_CUE]
    return bool(strong) and all(
        BARE_GRAPHIC_RE.fullmatch(c.hit.surface) and not _victim_after(text, c.hit.end)
        for c in strong
    )


def _victim_after(text: str, end: int) -> bool:
    """Whether the words after a graphic word at `end` name whom or what it was done to."""
    if AFTER_A_VICTIM_RE.match(text, end):
        return True
    word = _NEXT_WORD_RE.match(text, end)
    return word is not None and victims.LIVING.fullmatch(word.group(1).lower()) is not None


def fires(finding: Finding, rule: Rule) -> bool:
    """Enough score, and either one clear cue or weak cues spread over several sentences
    (three "pain"/"fight"-like words in one sentence of a long work are not a scene)."""
    if finding.score < rule.threshold or finding.strongest < rule.strongest:
        return False
    if finding.strongest >= CLEAR_CUE or rule.strongest < CLEAR_CUE / 2:
        return True  # a clear cue, or a category made of weak cues only (war)
    return len(finding.sentences) >= WEAK_SENTENCES


def score_cues(
    document: Document, index: SentenceIndex, negated: dict[str, list[int]] | None = None
) -> dict[str, list[Scored]]:
    """Every cue weighed in its clause, per category. Negated cues weigh nothing; their
    sentences are listed in `negated` when given (the learned model reads them)."""
    text = document.text
    figurative = [(h.start, h.end) for h in document_hits(document, FIGURATIVE_LEXICON)]
    scored: dict[str, list[Scored]] = {}
    arena: dict[int, bool] = {}  # per sentence: about a sport, a game or a market
    fig_i = 0
    for hit in document_hits(document, CUE_LEXICON):
        while fig_i < len(figurative) and figurative[fig_i][1] <= hit.start:
            fig_i += 1
        if fig_i < len(figurative) and figurative[fig_i][0] <= hit.start:
            continue  # inside a figurative phrase
        cue = classify(hit.surface)
        if not cue.weights:
            continue
        s = index.index_at(hit.start)
        if s < 0:
            continue
        span = index.spans[s]
        weight_factor = factor(text, span.start, span.end, hit.start)
        if weight_factor == 0:
            if negated is not None:
                for category in cue.weights:
                    negated.setdefault(category, []).append(s)
            continue
        if s not in arena:  # once per sentence (setdefault would re-read it for every cue)
            arena[s] = in_an_arena(index.sentence(s))
        arena_factor = weight_factor * ARENA_FACTOR if arena[s] else weight_factor
        for category, weight in cue.weights.items():
            applied = arena_factor if category in ARENA_CATEGORIES else weight_factor
            scored.setdefault(category, []).append(
                # Only a stated graphic cue makes violence graphic ("I would have her
                # impaled" does not), and a nosebleed's is no gore.
                Scored(
                    s,
                    weight * applied,
                    cue.graphic and applied == 1 and not _from_a_nose(text, span, hit),
                    hit,
                    applied,
                )
            )
    return scored


# "Richie's nose burst ..., blood pouring over his chin", "blood streaming from her nose",
# "a split lip dripping blood": a fistfight's nosebleed or lip, not a wound to gore over
# (blood from the lips alone may be a dying man's: "blood dripping from his lips").
NOSE_OR_LIP_RE = LazyPattern(
    r"\b(?:nose|noses|nostrils?|nosebleeds?|(?:split|busted|bust|fat|cut) lips?)\b", re.IGNORECASE
)
NOSE_REACH = 100  # characters either side of a flow of blood


def _from_a_nose(text: str, span, hit: Hit) -> bool:
    """A flow of blood told beside a nose or a lip, in its sentence."""
    if "blood" not in hit.surface.lower():
        return False
    lo, hi = max(span.start, hit.start - NOSE_REACH), min(span.end, hit.end + NOSE_REACH)
    return bool(NOSE_OR_LIP_RE.search(text, lo, hi))


def _outermost(items: list[Scored]) -> list[Scored]:
    """The cues no longer cue of the sentence contains ("stabbed" inside "stabbed to
    death"). A cue is inside a longer one when one starting before it ends at or after its
    end, or one starting with it ends after it; found in one sweep by start, so a sentence
    of thousands of cues costs n log n, not n squared."""
    by_start: dict[int, int] = {}
    for item in items:
        by_start[item.hit.start] = max(by_start.get(item.hit.start, -1), item.hit.end)
    reach_before: dict[int, int] = {}  # the furthest end among cues starting earlier
    furthest = -1
    for start in sorted(by_start):
        reach_before[start] = furthest
        furthest = max(furthest, by_start[start])
    return [
        a
        for a in items
        if reach_before[a.hit.start] < a.hit.end and by_start[a.hit.start] <= a.hit.end
    ]


def sentence_scores(cues: list[Scored]) -> dict[int, tuple[float, float, bool]]:
    """Per sentence: (score, strongest cue, any graphic). Score = strongest + half the rest;
    a cue inside a longer cue of the same sentence is not counted twice."""
    by_sentence: dict[int, list[Scored]] = {}
    for item in cues:
        by_sentence.setdefault(item.sentence, []).append(item)
    result = {}
    for s, items in by_sentence.items():
        items = _outermost(items)
        weights = sorted((i.weight for i in items), reverse=True)
        score = min(weights[0] + 0.5 * sum(weights[1:]), 6.0)
        result[s] = (score, weights[0], any(i.graphic for i in items))
    return result


def best_cluster(cues: list[Scored]) -> Finding:
    """The highest-scoring run of WINDOW consecutive sentences."""
    if not cues:
        return Finding()
    per_sentence = sentence_scores(cues)
    best = best_run(per_sentence, sorted(per_sentence))
    best.elsewhere = {s: v[0] for s, v in per_sentence.items()}
    return best


def best_run(per_sentence: dict[int, tuple[float, float, bool]], order: list[int]) -> Finding:
    """best_cluster over the sentences `order` (ascending) of `per_sentence`
    (sentence_scores): a sentence's score depends on its own cues only, so the scores of a
    whole work serve every window of it."""
    best = Finding()
    lo = 0
    running = 0.0
    for hi, s in enumerate(order):
        running += per_sentence[s][0]
        while order[lo] <= s - WINDOW:
            running -= per_sentence[order[lo]][0]
            lo += 1
        if running > best.score:
            window = order[lo : hi + 1]
            best = Finding(
                score=running,
                strongest=max(per_sentence[w][1] for w in window),
                graphic=any(per_sentence[w][2] for w in window),
                sentences=window,
                sentence_scores={w: per_sentence[w][0] for w in window},
            )
    return best


def is_graphic(finding: Finding, rule: Rule) -> bool:
    """Graphic descriptors among dense, stated violence."""
    return finding.graphic and finding.score >= GRAPHIC_FACTOR * rule.threshold


def severity_of(score: float, threshold: float, graphic: bool = False) -> str:
    if score >= 3.5 * threshold or (graphic and score >= 2 * threshold):
        return "high"
    if score >= 2 * threshold or graphic:
        return "medium"
    return "low"


def evidence_for(finding: Finding, index: SentenceIndex) -> list[Evidence]:
    """The strongest sentences of the best cluster, then strong cues elsewhere in the work."""
    strongest_first = sorted(finding.sentences, key=lambda s: -finding.sentence_scores[s])
    chosen = strongest_first[:MAX_EVIDENCE]
    others = sorted(
        (s for s, score in finding.elsewhere.items() if s not in chosen and score >= 2),
        key=lambda s: -finding.elsewhere[s],
    )
    chosen += others[: MAX_EVIDENCE - len(chosen)]
    return [index.evidence(s) for s in sorted(chosen)]


def make_warning(
    category: str, rule: Rule, finding: Finding, index: SentenceIndex, words: int = 0
) -> Warning:
    graphic = finding.graphic and category in ("violence", "blood")
    severity = severity_of(finding.score, rule.threshold, graphic)
    recurring = sum(1 for score in finding.elsewhere.values() if score >= 2)
    if severity == "low" and recurring >= max(RECURRING, words * RECURRING_PER_WORD):
        severity = "medium"  # returned to again and again across the work
    return Warning(
        name=rule.name,
        severity=severity,
        archive_warning=rule.archive,
        evidence=evidence_for(finding, index),
        confidence=RULE_CONFIDENCE.get(rule.name, DEFAULT_RULE_CONFIDENCE),
    )


class LearnedCues:
    """The per-sentence cues and features the learned model reads, computed on demand."""

    def __init__(self, document, index, scored, negated, vocabulary):
        figurative = [index.index_at(h.start) for h in document_hits(document, FIGURATIVE_LEXICON)]
        self.index = index
        self.scored = scored
        self.cues = collect_cues(scored, negated, figurative)
        self.vocabulary = vocabulary
        self.lowered = document.text.lower()
        self._features: dict[int, dict] = {}

    def sentence(self, s: int) -> str:
        return self.index.sentence(s)

    def features(self, s: int) -> dict:
        found = self._features.get(s)
        if found is None:
            found = sentence_features(
                self.index.sentence(s), self.cues.get(s, EMPTY_CUES), self.vocabulary
            )
            self._features[s] = found
        return found

    def rule_features(self, category: str):
        """For best_window: the rules' cluster over a window's sentences."""
        rule = RULES[category]
        cues = sorted(self.scored.get(category, []), key=lambda c: c.sentence)
        per_sentence = sentence_scores(cues)  # once, not once per window (its cues alike)
        sentences = sorted(per_sentence)

        def of_window(start: int, end: int) -> dict[str, float]:
            inside = sentences[bisect_left(sentences, start) : bisect_left(sentences, end)]
            finding = best_run(per_sentence, inside)
            return rule_features(finding.score, fires(finding, rule))

        return of_window

    def gate(self, category: str) -> list[int]:
        """Sentences holding a cue or a keyword of the category (stated or not): the
        windows scored."""
        found = {item.sentence for item in self.scored.get(category, [])}
        keyword = KEYWORD_RES.get(category)
        if keyword is not None:
            text = self.lowered
            found.update(self.index.index_at(m.start()) for m in keyword.finditer(text))
        found.discard(-1)
        return sorted(found)


def rules_override(category: str, rule: Rule, finding: Finding, cues: LearnedCues) -> bool:
    return (
        category in DEPICTION_OVERRIDES
        and fires(finding, rule)
        and depicted_in_narration(category, finding, cues)
    )


def depicted_in_narration(category: str, finding: Finding, cues: LearnedCues) -> bool:
    """A sentence of the rules' best cluster states the thing in narration
    (DEPICTION_OVERRIDES), or, in a cluster twice the threshold, tells it by its signs
    (NARRATED_SIGNS: a flat line, a hearse, a sheet over a face)."""
    depicts, mentions = DEPICTION_OVERRIDES[category]
    if not finding.sentences:
        return False
    strong, weak = NARRATED_SIGNS.get(category, (None, None))
    dense = finding.score >= 2 * RULES[category].threshold
    for s in range(min(finding.sentences), max(finding.sentences) + 1):
        features = cues.features(s)
        if any(f"dep:{name}" in features or f"dep:{name}:q" in features for name in mentions):
            continue
        if any(f"dep:{name}" in features for name in depicts if name != "body"):
            return True
        if "dep:body" in features and DYING_BODY_RE.search(cues.sentence(s).lower()):
            return True
        if strong is None or "dialogue" in features:
            continue
        sentence = cues.sentence(s)
        if strong.search(sentence) or (dense and weak.search(sentence)):
            return True
    return False


def learned_confidence(category: str, model: CategoryModel, cues: LearnedCues) -> float:
    learned = best_window(
        model, cues.gate(category), len(cues.index), cues.features, cues.rule_features(category)
    )
    return learned.probability if learned else 0.0


def _cue_sentences_first(learned, gate: list[int]) -> list[int]:
    """The window's sentences that push towards the note, heaviest first, those holding a
    cue of the category before the rest: the model may weigh `she cut her palm open ... the
    blood` above `he had been dead for hours`, but a Death note shows the death first."""
    pushing = [s for s in learned.sentences if learned.contributions[s] > 0]
    cued = set(gate)
    return [s for s in pushing if s in cued] + [s for s in pushing if s not in cued]


def learned_warning(
    category: str, rule: Rule, finding: Finding, model: CategoryModel, cues: LearnedCues
) -> Warning | None:
    """The note when the model's best window reaches its threshold. Evidence: the
    sentence carrying the most weight first, then the window's other sentences that push
    towards the note, then strong cue sentences elsewhere."""
    learned = best_window(
        model, cues.gate(category), len(cues.index), cues.features, cues.rule_features(category)
    )
    if learned is None or learned.probability < model.threshold:
        return None
    index = cues.index
    heaviest = _cue_sentences_first(learned, cues.gate(category))[:3]
    heaviest = heaviest or learned.sentences[:1]
    elsewhere = sorted(
        (s for s, score in finding.elsewhere.items() if s not in heaviest and score >= 2),
        key=lambda s: -finding.elsewhere[s],
    )[: MAX_EVIDENCE - len(heaviest)]
    chosen = heaviest[:1] + sorted(heaviest[1:] + elsewhere)
    graphic = finding.graphic and category in ("violence", "blood")
    severity = severity_of(finding.score, rule.threshold, graphic) if finding.sentences else "low"
    return Warning(
        name=rule.name,
        severity=severity,
        archive_warning=rule.archive,
        evidence=[index.evidence(s) for s in chosen],
        confidence=learned.probability,
    )
