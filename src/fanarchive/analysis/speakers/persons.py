"""Rules for stories told by an I or to a you (first- and second-person narration, AO3's
reader-inserts): who the narrator is *not*, who a tag says is spoken to, the present-tense
speech verbs such narrators use (`I tell her`), whom an I telling the story to `you`
addresses (`told_to`), and whose beat a possessive opening is (`My voice cracked.`,
`His hands were shaking.`: `possessive_opening`)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.speakers.lexicon import SPEECH_VERBS

if TYPE_CHECKING:
    from fanarchive.analysis.speakers.context import Context, Subject, Token

GENDERS = ("male", "female")


def third_person(subject: Subject) -> bool:
    """Whether a tag's subject is someone seen from outside (`she says`, `the older woman
    says`, a name the cast does not know): in a story told by an I or to a you, never the
    narrator, whatever gender the narrator has or lacks."""
    if subject.kind == "pronoun":
        return subject.value in GENDERS
    return subject.kind in ("descriptor", "unresolved") and not subject.kin


def spread_third_person(paragraph: list) -> None:
    """`"Straight there," she tells you. "No harbour."`: the untagged quotes of a paragraph
    whose tag is in the third person are not the narrator's either, unless the paragraph
    also holds an `I said` (or a `you said`)."""
    tags = [line.tag for line in paragraph if line.tag is not None]
    if any(tag.subject.value in ("narrator", "reader") for tag in tags):
        return
    if any(line.notes.get("third_person") for line in paragraph):
        for line in paragraph:
            if line.tag is None:
                line.notes["third_person"] = True


# Verbs whose object is the one spoken to (`she told him`, `I asked her`, `he tells you`).
TELLING_VERBS = frozenset(
    ["told", "tells", "tell", "asked", "asks", "ask", "reminded", "reminds", "warned", "warns"]
    + ["assured", "assures", "promised", "promises", "ordered", "orders", "urged", "urges"]
    + ["informed", "informs", "teased", "teases", "begged", "begs", "answered", "answers"]
)
# The object pronouns of a tag and whom they point at; `her` only when no noun follows (`told
# her sister` names someone else).
OBJECT_PRONOUNS = {"him": "male", "her": "female", "me": "narrator", "you": "you"}
# What may follow an object pronoun that is the whole object (`told her quietly`, `asked him,
# and`).
AFTER_OBJECT = frozenset(["and", "as", "then", "before", "without", "with", "while", "again"])


def listener_after(tokens: list[Token], verb: int, pronoun_gender: dict) -> tuple[str, int] | None:
    """`"Finish the letter," Ysolde told her.` / `she tells you` / `he asked me`: the one a
    tag's verb says is spoken to, as a pronoun's value (a gender, "narrator" or "reader") and
    offset; None when the tag names no one spoken to by a pronoun."""
    if tokens[verb].lower not in TELLING_VERBS or verb + 1 >= len(tokens):
        return None
    token = tokens[verb + 1]
    value = OBJECT_PRONOUNS.get(token.lower) if token.character is None else None
    if value == "you":
        value = pronoun_gender.get("you")  # the narrator or the Reader; else unknown
    if value is None:
        return None
    following = tokens[verb + 2] if verb + 2 < len(tokens) else None
    if token.lower == "her" and following is not None:
        plain = not following.text[0].isalpha() or following.lower.endswith("ly")
        if not plain and following.lower not in AFTER_OBJECT:
            return None
    return value, token.start


# Present-tense speech verbs a first- or second-person narration uses (`"A bit," I tell her`,
# `you promise`, `I snap`) that the lexicon holds in the past only. Only after `I` or `you`:
# with any subject they cost the novels more than they gave (docs/evaluation.md).
NARRATOR_PRESENT_VERBS = frozenset(
    ["tell", "promise", "snap", "croak", "admit", "agree", "offer", "mumble", "grumble"]
    + ["groan", "hiss", "growl", "sigh", "laugh", "breathe", "gasp", "stammer", "stutter"]
    + ["correct", "warn", "tease", "joke", "blurt", "counter", "greet", "beg", "confess"]
    + ["announce", "argue", "assure", "complain", "remind", "sob", "squeak", "yelp"]
    + ["drawl", "bark", "snort", "huff", "chuckle", "giggle", "sneer", "snarl", "moan"]
    + ["manage", "venture", "apologise", "apologize", "sniff"]
)


def narrator_present_verb(tokens: list[Token], verb: int, pronoun_gender: dict) -> bool:
    """`"A bit," I tell her.` / `you promise`: a present-tense speech verb right after the
    narrator's own pronoun."""
    if verb == 0 or tokens[verb].lower not in NARRATOR_PRESENT_VERBS:
        return False
    before = tokens[verb - 1]
    return before.character is None and pronoun_gender.get(before.lower) in ("narrator", "reader")


# `"You're late," you said`: a quote closed, then `you` and a speech verb.
YOU_SAID_RE = LazyPattern(r"""[ \t"'”’»]*[,.!?]?[ \t"'”’»]*you[ \t]+(\w+)""")
MIN_YOU_SAID = 2


def told_to(context: Context) -> str | None:
    """The `you` a story told by an I speaks to, when the story has `you said` lines and
    names that `you`: the one the narrator's own tagged lines call by name most (`"The
    train," I said. "Sorry, Anna."`). A novel whose narrator only turns to its reader now and
    then (`you may imagine`) has no `you said` lines."""
    text = context.text
    you_said = 0
    for line in context.lines:
        match = YOU_SAID_RE.match(text, line.quote.end, line.after[1])
        you_said += bool(match and match.group(1).lower() in SPEECH_VERBS)
    if you_said < MIN_YOU_SAID:
        return None
    called: Counter[str] = Counter()
    for line in context.lines:
        if line.addressee is None:
            continue
        tag = context.tag_after(line) or context.tag_before(line)
        if tag is not None and tag.subject.value == "narrator":
            called[line.addressee] += 1
        line.notes.clear()  # the sieve reads the tags again
    return called.most_common(1)[0][0] if called else None


# A sentence opening with one of these and a noun (`His jaw tightened.`, `My voice cracks.`) is
# about the owner; `Your` only where `you` is someone (a reader-insert, an I telling it to you).
POSSESSIVE_OPENERS = frozenset(["His", "Her", "My", "Your"])


def possessive_opening(tokens: list[Token], possessive_gender: dict) -> str | None:
    """`His hands were shaking. "Make it strong."` / `My voice cracks. "Don't."`: a beat
    sentence opening with a possessive pronoun and a noun is about that pronoun's owner, as a
    pronoun's value (a gender, or "narrator"/"reader"); None for any other sentence."""
    if len(tokens) < 3 or tokens[0].character is not None:
        return None
    if tokens[0].text not in POSSESSIVE_OPENERS:
        return None
    noun = tokens[1]
    if noun.character is not None or not (noun.text.isalpha() and noun.text.islower()):
        return None
    return possessive_gender.get(tokens[0].lower)
