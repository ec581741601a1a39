"""The learned passage classifier for content notes: features, weights and scoring.

A logistic model per category (violence, death, war, abduction), fitted on the tune side of
warnings-dev (`fanarchive train warnings`, see warnings.training), scores a window of
WINDOW consecutive sentences — about the size of the dataset's passages — from:

- the lexicon's cues (warnings.lexicon), weighed in their clause as the rules weigh them,
  summed per category; cues negated or hypothetical, figurative phrases;
- the sentence's context: dialogue, questions, first and second person;
- depiction against mention (DEPICTION): a blow on a body, an injury, a death said of
  someone in the narration, against threats, idioms, memories, conditions, news;
- optionally a small vocabulary of words and word pairs chosen on the tune side.

Each feature is summed over the window's sentences and then compressed with log(1 + x), so
a long work is scored window by window like the passages the model learned from. Only
windows holding a cue of the category are scored: the model learned to tell passages that
*mention* the subject apart from those that *carry* it, and has never seen the others.

The weights live in learned_weights.json beside this file; scoring is plain Python.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from fanarchive.analysis.prefilter import Prefiltered
from fanarchive.analysis.text import DOUBLE_QUOTE_MARKS

WEIGHTS_PATH = Path(__file__).with_name("learned_weights.json")
WINDOW = 5  # sentences: the dataset's passages average about five
TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "i'm", "i'd", "i've", "i'll"})
SECOND_PERSON = frozenset({"you", "your", "yourself", "you're", "you'd", "you've", "you'll"})

# A category's plain words (the evaluation's keyword rule, the baseline docs/warnings.md
# quotes: F1 about 0.33 on violence): a window holding one is scored
# even when no lexicon cue is there ("taken", "hostage" in a sense the cues do not hold).
KEYWORDS = {
    "violence": r"violen\w*|fight\w*|hit|punch\w*|kick\w*|stab\w*|blood\w*|hurt\w*|attack\w*|beat\w*|kill\w*|weapon\w*|gun\w*|knife|sword",
    "death": r"death|dead|die|died|dying|kill\w*|murder\w*|funeral|corpse|grave",
    "war": r"wars?|battle\w*|soldiers?|army|armies|troops",
    "abduction": r"kidnap\w*|abduct\w*|hostage\w*|captive\w*|ransom|taken",
}


def _opening_on_letters(alternatives: str) -> str:
    r"""`\b(?:hit|kick\w*|kill\w*)\b` as `(?:h(?<!\w.)(?:it)|k(?<!\w.)(?:ick\w*|ill\w*))\b`:
    the same words (the look-behind takes the first letter in and asks what `\b` asked of the
    character before it), but a pattern opening on letters lets the regex engine skip to
    them: the gate reads the whole text once per category. The words are grouped by their
    first letter, so that at a letter one look-behind and that letter's words are tried,
    not every word (all of a sentence's keywords 81 -> 25 ms over a 100,000-word work's
    sentences). Every match is a whole word (a word, or a stem and `\w*`, before `\b`), so
    the order of the words changes no match."""
    words = alternatives.split("|")
    if not all(word[:2].isalpha() for word in words):
        raise ValueError(f"not plain words: {alternatives}")
    by_letter: dict[str, list[str]] = {}
    for word in words:
        by_letter.setdefault(word[0], []).append(word[1:])
    groups = (rf"{letter}(?<!\w.)(?:{'|'.join(rest)})" for letter, rest in by_letter.items())
    return "(?:" + "|".join(groups) + r")\b"


KEYWORD_RES = {k: re.compile(_opening_on_letters(v)) for k, v in KEYWORDS.items()}
# All categories' keywords in one pass over a sentence; a word may belong to several
# ("killed": violence and death), looked up once per word.
KEYWORDS_RE = re.compile(_opening_on_letters("|".join(KEYWORDS.values())))


@cache
def keyword_categories(word: str) -> tuple[str, ...]:
    return tuple(k for k, regex in KEYWORD_RES.items() if regex.fullmatch(word))


def _inflect(stems: str) -> frozenset[str]:
    """Each stem with its common endings ("slam" -> slam, slams, slammed, slamming ...)."""
    words = set()
    for stem in stems.split():
        words.update({stem, stem + "s", stem + "es", stem + "ed", stem + "d", stem + "ing"})
        words.update({stem + stem[-1] + "ed", stem + stem[-1] + "ing"})  # slammed, slamming
        if stem.endswith("e"):
            words.update({stem[:-1] + "ing", stem + "d"})
    return frozenset(words)


# Semantic fields counted per sentence: physical force, combat, pain and the body carry a
# scene of violence whatever its exact words; the lexicon's cues only name particular acts.
FIELDS = {
    "force": _inflect(
        "slam smash hurl crash crush strike struck hit punch kick shove throw threw thrown "
        "tackle slash swing swung lunge charge ram smack slap yank wrench twist snap crack "
        "knock knocked collide impact blast explode explosion fire shoot shot stab pierce "
        "tear tore torn rip grab grabbed choke pin pinned drag dragged flung fling"
    ),
    "combat": _inflect(
        "attack enemy enemies fight fought battle sword blade weapon gun knife dagger "
        "arrow bullet shield armor armour soldier kill killed dodge parry block opponent "
        "foe strike blow blows assault ambush wound wounded"
    ),
    "pain": _inflect(
        "pain agony scream screamed groan gasp cry whimper bleed bled blood bloody bruise "
        "ache hurt hurts injury injured wound broken burn burned burnt throb sting"
    ),
    "destruction": _inflect(
        "destroy destroyed ruin shatter shattered collapse collapsed explode burst "
        "crumble smash wreck rubble debris fire flame flames"
    ),
    "motion": _inflect(
        "fall fell flew fly flying leap leapt jump dive dove roll rolled spin spun stagger "
        "stumble sprawl hurtle hurtled launch launched rush rushed"
    ),
    "body": frozenset(
        [
            "face",
            "jaw",
            "nose",
            "ribs",
            "rib",
            "chest",
            "stomach",
            "gut",
            "skull",
            "head",
            "neck",
            "throat",
            "shoulder",
            "arm",
            "arms",
            "leg",
            "legs",
            "back",
            "spine",
            "knee",
            "knees",
            "body",
            "flesh",
            "bone",
            "bones",
            "skin",
            "side",
            "temple",
        ]
    ),
}

_BODY = (
    r"(?:face|jaw|nose|ribs?|chest|stomach|gut|skull|head|neck|throat|shoulders?|arms?|legs?"
    r"|back|spine|knees?|body|flesh|bones?|skin|side|temple|cheek|lip|mouth|eye|wrist|hand"
    r"|fingers?|teeth)"
)
_WHOSE = r"(?:(?:his|her|their|my|your|the)\s+(?:\w+'s\s+)?|\w+'s\s+)"  # the man's jaw
_FORCE = (
    r"(?:slam\w*|smash\w*|hit|hits|struck|strike\w*|punch\w*|kick\w*|shov\w*|stab\w*|slash\w*"
    r"|slap\w*|chok\w*|broke|broken|crack\w*|snapp\w*|slic\w*|cut|pierc\w*|tore|torn|rip\w*"
    r"|shot|bit|bite\w*|grabb\w*|yank\w*|twist\w*|crush\w*|smack\w*|beat\w*|bash\w*|jab\w*"
    r"|elbow\w*|kneed|head-?butt\w*)"
)
# Depiction against mention: how a scene that carries violence or death is written (a force
# verb on a body part or a person, an injury, a death said of "he"/"she", a body, a
# funeral) and how a mere mention is (a modal or "to" before die/kill/hurt, idioms, a past
# remembered, a condition, news, games and films). Counted per sentence, apart in dialogue
# (":q"): a threat in a quote is not a blow in the narration. Written from what depiction
# means, not from particular passages; the model weighs them by cross-validation.
DEPICTION = {
    "force_body": rf"\b{_FORCE}\s+(?:\w+\s+){{0,3}}{_WHOSE}{_BODY}\b",
    "force_person": rf"\b{_FORCE}\s+(?:him|her|them|me)\b",
    "injury": r"\b(?:blood\w*|bleed\w*|bled|bruis\w*|wound\w*|gash\w*|cuts?|split|swollen"
    r"|broken|fractur\w*|dislocat\w*|concuss\w*)\b",
    "reaction": r"\b(?:pain|agony|scream\w*|groan\w*|gasp\w*|cry|cried|whimper\w*|winc\w*"
    r"|hiss\w*)\b",
    "fall": r"\b(?:fell|falls?|stagger\w*|stumbl\w*|crumpl\w*|collaps\w*|thrown|flung|knocked)\b",
    "hurt_modal": r"\b(?:would|will|could|might|gonna|going to|'ll|'d|wanna|want to|to|don't"
    r"|never|not)\s+(?:hurt|hit|kill|punch|kick|beat|stab|fight|attack)\b",
    "play": r"\b(?:game|video|movie|film|news|sparr\w*|train\w*|practice|match|tournament"
    r"|play\w*)\b",
    "emotional": r"\b(?:hurt\w* (?:feelings|pride)|heart|emotion\w*|ego)\b",
    "died": r"\b(?:he|she|they|i|we)\s+(?:(?:was|were|is|are)\s+dead|(?:had\s+)?died)\b"
    r"|\bdied\s+(?:in|on)\s+(?:his|her|their|my)\b",
    "body": r"\b(?:stopped breathing|last breath|no pulse|pulse|lifeless|dead body|corpses?"
    r"|body|heart stopped)\b|\bbreath(?:ing)?\b[^.!?]{0,40}\bstopped\b",
    "killed": r"\b(?:was killed|were killed|killed (?:him|her|them)|murdered)\b"
    r"|\bshot (?:him|her|them) dead\b",
    "dying": r"\b(?:dying|bled out|bleeding out|eyes (?:went|glazed))\b",
    "mourning": r"\b(?:funeral|grave|buried|mourn\w*|grief|griev\w*)\b",
    "die_modal": r"\b(?:would|will|could|might|gonna|going to|'ll|'d|wanna|want to|to)\s+"
    r"(?:die|kill|be dead)\b",
    "idiom": r"\bdead (?:tired|of night|serious|set|silent|end|weight|last)\b|\bdeadline\b"
    r"|\bdied laughing\b|\bdrop dead\b|\bdeath (?:threat|wish|glare|stare|grip)\b",
    "kill_you": r"\bkill (?:you|me|myself|yourself|him|her)\b",
    "past": r"\b(?:years ago|ago|used to|remember\w*|since|had died|had been killed"
    r"|passed away)\b|\bwhen (?:i|he|she|we|they) (?:was|were)\b"
    r"|\blate (?:mother|father|wife|husband)\b",
    "condition": r"\b(?:if|unless)\b",
    "reported": r"\b(?:news|report\w*|heard|movie|game|book|story|show)\b",
}
DEPICTION_RES = tuple((name, re.compile(pattern)) for name, pattern in DEPICTION.items())
# Matches where any DEPICTION pattern does: most sentences hold none, and one search of the
# alternation costs a third of the twenty searches it replaces there.
ANY_DEPICTION_RE = re.compile("|".join(f"(?:{pattern})" for pattern in DEPICTION.values()))
# The same search, tried only where a word opening one of the patterns stands: 2.6 times
# faster on the sentences of a 100,000-word work (the alternation is read at every position).
ANY_DEPICTION = Prefiltered(ANY_DEPICTION_RE)


def depiction_features(lowered: str, in_dialogue: bool, features: dict[str, float]) -> None:
    """Add each DEPICTION pattern's count in the sentence (suffix ":q" in dialogue)."""
    first = ANY_DEPICTION.search(lowered)
    if first is None:
        return
    # No pattern matches before the alternation's first match, so each one is read from
    # there (its look-behinds still see the text before).
    start = first.start()
    suffix = ":q" if in_dialogue else ""
    for name, regex in DEPICTION_RES:
        found = len(regex.findall(lowered, start))
        if found:
            features[f"dep:{name}{suffix}"] = float(found)


WORD_FEATURES: dict[str, tuple[str, ...]] = {}
for _name, _members in (
    ("first_person", FIRST_PERSON),
    ("second_person", SECOND_PERSON),
    *((f"field:{field_name}", members) for field_name, members in FIELDS.items()),
):
    for _word in _members:
        WORD_FEATURES[_word] = (*WORD_FEATURES.get(_word, ()), _name)


@dataclass
class SentenceCues:
    """What the rules found in one sentence, per category (context-weighed)."""

    score: dict[str, float]  # the rule's sentence score (strongest cue + half the rest)
    stated: dict[str, int]  # cues counted fully
    hypothetical: dict[str, int]  # cues counted half (asked, irrealis)
    negated: dict[str, int]  # cues dropped by a negation
    graphic: int = 0
    figurative: int = 0


def tokens(sentence: str) -> list[str]:
    return TOKEN_RE.findall(sentence.lower().replace("’", "'"))


def ngrams(words: list[str]) -> set[str]:
    """Words and adjacent word pairs ("shot him", "the war")."""
    grams = set(words)
    grams.update([f"{a} {b}" for a, b in zip(words, words[1:], strict=False)])
    return grams


def sentence_features(sentence: str, cues: SentenceCues, vocabulary: frozenset[str]) -> dict:
    """The raw (un-summed) features of one sentence."""
    features: dict[str, float] = {"sentences": 1.0}
    for category, value in cues.score.items():
        features[f"cue:{category}"] = value
        features[f"max:{category}"] = value
    for name, counts in (
        ("stated", cues.stated),
        ("hyp", cues.hypothetical),
        ("neg", cues.negated),
    ):
        for category, count in counts.items():
            features[f"{name}:{category}"] = float(count)
    if cues.graphic:
        features["graphic"] = float(cues.graphic)
    if cues.figurative:
        features["figurative"] = float(cues.figurative)
    lowered = sentence.lower().replace("’", "'")
    words = TOKEN_RE.findall(lowered)
    in_dialogue = any(map(sentence.__contains__, DOUBLE_QUOTE_MARKS))
    if in_dialogue:
        features["dialogue"] = 1.0
    depiction_features(lowered, in_dialogue, features)
    if sentence.rstrip("\"'”’ )").endswith("?"):
        features["question"] = 1.0
    # person and semantic fields in one pass (WORD_FEATURES); most words are in none
    for names in filter(None, map(WORD_FEATURES.get, words)):
        for name in names:
            features[name] = features.get(name, 0.0) + 1.0
    for word in KEYWORDS_RE.findall(lowered):
        for category in keyword_categories(word):
            name = f"kw:{category}:q" if in_dialogue else f"kw:{category}"
            features[name] = features.get(name, 0.0) + 1.0
    for gram in vocabulary_grams(words, vocabulary):
        features[f"w:{gram}"] = 1.0
    return features


def vocabulary_grams(words: list[str], vocabulary: frozenset[str]) -> frozenset[str]:
    """`ngrams(words) & vocabulary` without the set of every word and pair: the words are
    looked up in the vocabulary as they are, and a pair is written out only when its first
    and second words open and close some pair of the vocabulary (16 of its 100 entries are
    pairs). A fifth of the time of a sentence's features went to building that set."""
    firsts, seconds = _pair_words(vocabulary)
    found = vocabulary.intersection(words)
    pairs = [
        gram
        for a, b in zip(words, words[1:], strict=False)
        if a in firsts and b in seconds and (gram := f"{a} {b}") in vocabulary
    ]
    return found.union(pairs) if pairs else found


@lru_cache(maxsize=8)  # the shipped vocabulary; training tries a few
def _pair_words(vocabulary: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The words the vocabulary's pairs open with and the words they close with."""
    pairs = [gram.split(" ", 1) for gram in vocabulary if " " in gram]
    return frozenset(a for a, _ in pairs), frozenset(b for _, b in pairs)


def window_features(per_sentence: list[dict]) -> dict[str, float]:
    """Sum the sentences' features (`max:` ones take the window's highest), then
    log(1 + x): a window of five sentences and a passage of six weigh alike, and one word
    repeated ten times is not ten words."""
    summed: dict[str, float] = {}
    for features in per_sentence:
        for name, value in features.items():
            if name.startswith("max:"):
                summed[name] = max(summed.get(name, 0.0), value)
            else:
                summed[name] = summed.get(name, 0.0) + value
    return {name: math.log1p(value) for name, value in summed.items()}


@dataclass(frozen=True)
class CategoryModel:
    category: str
    weights: dict[str, float]
    bias: float
    threshold: float  # probability at which the note is given
    calibration: tuple[float, float]  # Platt scaling (a, b): p = sigmoid(a * margin + b)
    cross_validation: dict = field(default_factory=dict)  # tune-side out-of-fold figures

    def margin(self, features: dict[str, float]) -> float:
        weights = self.weights
        return self.bias + sum(weights.get(name, 0.0) * value for name, value in features.items())

    def probability(self, features: dict[str, float]) -> float:
        a, b = self.calibration
        return _sigmoid(a * self.margin(features) + b)

    def contribution(self, features: dict[str, float]) -> float:
        """How much one sentence pushes its window towards the category (for evidence)."""
        weights = self.weights
        return sum(weights.get(name, 0.0) * math.log1p(v) for name, v in features.items())


@dataclass(frozen=True)
class LearnedModels:
    models: dict[str, CategoryModel]
    vocabulary: frozenset[str]


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@cache
def load_models(path: Path = WEIGHTS_PATH) -> LearnedModels | None:
    """The shipped weights; None when the file is absent (the rules then decide alone)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    models = {
        category: CategoryModel(
            category=category,
            weights=entry["weights"],
            bias=entry["bias"],
            threshold=entry["threshold"],
            calibration=tuple(entry["calibration"]),
            cross_validation=entry.get("cross_validation", {}),
        )
        for category, entry in data["categories"].items()
    }
    return LearnedModels(models, frozenset(data["vocabulary"]))


def collect_cues(
    scored: dict, negated: dict[str, list[int]], figurative: list[int]
) -> dict[int, SentenceCues]:
    """Per sentence: the rules' cue scores and counts for every category.

    `scored` maps a category to its Scored cues (warnings.score_cues), `negated` a category
    to the sentences of its negated cues, `figurative` lists the sentence of each figurative
    phrase."""
    from fanarchive.analysis.warnings import sentence_scores

    cues: dict[int, SentenceCues] = {}

    def entry(s: int) -> SentenceCues:
        found = cues.get(s)
        if found is None:
            found = cues[s] = SentenceCues({}, {}, {}, {})
        return found

    for category, items in scored.items():
        for s, (score, _strongest, _graphic) in sentence_scores(items).items():
            entry(s).score[category] = score
        for item in items:
            counts = entry(item.sentence).stated if item.factor == 1 else None
            if counts is None:
                counts = entry(item.sentence).hypothetical
            counts[category] = counts.get(category, 0) + 1
            if item.graphic and category == "violence":
                entry(item.sentence).graphic += 1
    for category, sentences in negated.items():
        for s in sentences:
            counts = entry(s).negated
            counts[category] = counts.get(category, 0) + 1
    for s in figurative:
        entry(s).figurative += 1
    return cues


EMPTY_CUES = SentenceCues({}, {}, {}, {})


@dataclass
class LearnedFinding:
    """The best window of one category: its probability and sentences by weight."""

    probability: float
    sentences: list[int]  # the window's sentences, the heaviest first
    contributions: dict[int, float]


def best_window(
    model: CategoryModel,
    gate: list[int],
    sentence_count: int,
    features_of,
    rule_features_of=None,
) -> LearnedFinding | None:
    """Score a window of WINDOW sentences around each gate sentence (one holding a cue of
    the category); `features_of(s)` gives a sentence's raw features (cached by the caller),
    `rule_features_of(start, end)` what the rules make of the window (rule_features).
    A text of at most two windows is scored whole, as the passages were in training."""
    if not gate:
        return None
    if sentence_count <= 2 * WINDOW:
        spans = [(0, sentence_count)]
    else:
        half = WINDOW // 2
        starts = sorted({max(0, min(g - half, sentence_count - WINDOW)) for g in gate})
        spans = [(start, start + WINDOW) for start in starts]
    best: tuple[float, int, int] | None = None
    for start, end in spans:
        features = window_features([features_of(s) for s in range(start, end)])
        if rule_features_of is not None:
            features.update(rule_features_of(start, end))
        probability = model.probability(features)
        if best is None or probability > best[0]:
            best = (probability, start, end)
    probability, start, end = best
    contributions = {s: model.contribution(features_of(s)) for s in range(start, end)}
    ranked = sorted(contributions, key=lambda s: -contributions[s])
    return LearnedFinding(probability, ranked, contributions)


def rule_features(cluster_score: float, rule_fires: bool) -> dict[str, float]:
    """What the rules make of a window: their cluster score and whether their note fires
    (the model weighs the rules' verdict with everything else)."""
    features = {"rule:score": math.log1p(cluster_score)}
    if rule_fires:
        features["rule:fires"] = 1.0
    return features
