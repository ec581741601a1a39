"""Bigotry in the text: misogyny, homophobia, racism and ableism (features and lexicons).

Written from general knowledge of the words used to demean each group, not from any
passage of the development data. Per class three kinds of cue, counted per sentence:

- a slur or derogation ("slur"): a word whose use demeans the group ("dyke", "cripple");
- a mention of the group ("group"): "women", "gay", "wheelchair" — neutral by itself;
- hostility ("hostile"): contempt, disgust, insult, mockery, exclusion, in the same sentence.

A mention of the group is content only with hostility around it: "Sam is gay" is not
homophobia, "a wheelchair" is not ableism. The features (bias_features) feed the learned
model of training.py; whether a class becomes a content note is decided on the check side
of warnings-dev (docs/warnings.md).
"""

from __future__ import annotations

import math
import re

from fanarchive.analysis.text import DOUBLE_QUOTE_MARKS


def _words(pattern: str) -> re.Pattern:
    return re.compile(rf"\b(?:{pattern})\b")


# Slurs and derogations per class (general knowledge; each a word whose ordinary use in
# an insult demeans the group), and the words naming the prejudice ("homophobic"). Words
# mostly neutral or of another sense are left out: "queer" as an identity, "lame",
# "crazy", "fairies", "Pansy", a garden "hoe", "a chink in his armour", "savages", a
# wheelchair (even "confined to" one), "handicapped", "differently abled".
SLURS = {
    "misogyny": _words(
        r"bitch(?:es|y)?|sluts?|slutty|whores?|skanks?|harlots?|bimbos?|cunts?|twats?"
        r"|hussy|hussies|floozy|jezebel|gold ?diggers?|feminazis?|sexist\w*|misogyn\w*"
        r"|chauvinis\w*"
    ),
    "homophobia": _words(
        r"fags?|faggots?|faggy|dykes?|homos?|poofs?|poofters?|sissy|sissies|queers"
        r"|trann(?:y|ies)|shemales?|ladyboys?|carpet munchers?|butt ?pirates?|no homo"
        r"|homophob\w*|transphob\w*"
    ),
    "racism": _words(
        r"nigg(?:er|a)s?|chinks?(?! in)|gooks?|spics?|wetbacks?|kikes?|ragheads?|towelheads?"
        r"|coons?|darkies?|redskins?|half-?breeds?|mudbloods?|japs?|wogs?|pakis?|beaners?"
        r"|gypped|slant-?eyed?|racis\w*|xenophob\w*"
    ),
    "ableism": _words(
        r"retard(?:s|ed)?|cripples?|spaz(?:zes)?|spastics?|mongoloids?|imbeciles?|cretins?"
        r"|lunatics?|psychos?|nutjobs?|nutcases?|loonies|mental cases?|basket cases?"
        r"|(?:an|the) invalids?|ableis\w*"
    ),
}

# Neutral mentions of the group: counted apart; content only with hostility close by.
GROUPS = {
    "misogyny": _words(
        r"wom[ae]n|girls?|females?|ladies|lady|wives|wife|she|her|feminine|femininity"
    ),
    "homophobia": _words(
        r"gay|gays|lesbians?|bisexual\w*|bi|trans|transgender|queer|homosexual\w*"
        r"|same-sex|two (?:men|boys|guys|girls|women)|boyfriends?|girlfriends?|coming out"
        r"|came out|closet\w*"
    ),
    "racism": _words(
        r"race|races|racial|skin|colou?r|black|white|brown|asian|chinese|japanese|korean"
        r"|mexican|african|arab|indian|jewish|jews?|muslim|immigrants?|foreigners?"
        r"|blood|muggle-?born|pure-?blood|ethnic\w*|accent|kind|breed"
    ),
    "ableism": _words(
        r"disab\w*|wheelchairs?|wheelchair-bound|handicapped|differently[- ]abled|invalid|blind|deaf|mute|autis\w*|crutch(?:es)?|cane|limp\w*"
        r"|paraly[sz]ed|amputee|prosthetic|mental(?:ly)? ill\w*|illness|disorder|stutter\w*"
        r"|dyslexi\w*|adhd|seizures?|brain damage\w*|special needs|therapy|medication"
    ),
}

# Contempt, disgust, insult, mockery, exclusion: what turns a mention into an attack.
HOSTILE = _words(
    r"disgust\w*|gross|sick|sicko|unnatural|abominations?|wrong|sin|sinful|pervert\w*"
    r"|freak\w*|hate[sd]?|hating|hatred|despise\w*|contempt\w*|sneer\w*|spat|spit|jeer\w*"
    r"|mock\w*|taunt\w*|laugh(?:ed|ing)? at|insult\w*|slur\w*|names|called (?:him|her|them|me|you)"
    r"|shut up|stupid|useless|worthless|pathetic|weak|inferior|filthy|dirty|animals?"
    r"|belong|place|kind|your kind|their kind|people like|not welcome|go back|get out"
    r"|can't even|just a|only a|nothing but|should(?:n't)? be|not allowed|deserve\w*"
    r"|bully\w*|bullied|beat up|harass\w*|discriminat\w*|prejudic\w*|bigot\w*|stereotyp\w*"
)
# Everyday insults aimed at a person: a slur is sharper when addressed ("you fag").
ADDRESSED = re.compile(r"\b(?:you|you're|ya|your|such a|like a|fucking|little|stupid|dirty)\s+$")
CLASSES = tuple(SLURS)


def sentence_bias_features(sentence: str, category: str, features: dict[str, float]) -> None:
    """Add the class's cue counts in one sentence (suffix ':q' in dialogue)."""
    lowered = sentence.lower().replace("’", "'")
    quoted = any(mark in sentence for mark in DOUBLE_QUOTE_MARKS) or lowered.startswith("'")
    suffix = ":q" if quoted else ""
    slurs = list(SLURS[category].finditer(lowered))
    groups = len(GROUPS[category].findall(lowered))
    hostile = len(HOSTILE.findall(lowered))
    if slurs:
        _add(features, f"bias:slur{suffix}", len(slurs))
        _add(features, "bias:slur_sentences", 1)
        addressed = sum(
            1 for m in slurs if ADDRESSED.search(lowered[max(0, m.start() - 12) : m.start()])
        )
        if addressed:
            _add(features, "bias:slur_addressed", addressed)
        if hostile:
            _add(features, "bias:slur_hostile", 1)
    if groups:
        _add(features, "bias:group", groups)
        if hostile:
            _add(features, f"bias:group_hostile{suffix}", 1)
    if hostile:
        _add(features, "bias:hostile", hostile)
    if quoted:
        _add(features, "bias:dialogue", 1)
    _add(features, "bias:sentences", 1)


def _add(features: dict[str, float], name: str, value: float) -> None:
    features[name] = features.get(name, 0.0) + value


def bias_features(sentences: list[str], category: str) -> dict[str, float]:
    """The class's features of a window of sentences: counts summed then log(1 + x), and
    the density of slur sentences (a passage full of them is not a stray word)."""
    summed: dict[str, float] = {}
    for sentence in sentences:
        sentence_bias_features(sentence, category, summed)
    count = summed.get("bias:sentences", 1.0)
    features = {name: math.log1p(value) for name, value in summed.items()}
    features["bias:slur_density"] = summed.get("bias:slur_sentences", 0.0) / count
    return features


def has_cue(text: str, category: str) -> bool:
    """The keyword rule / gate: a slur or derogation of the class anywhere in the text."""
    return bool(SLURS[category].search(text.lower().replace("’", "'")))
