"""People a novel never names: `The guide stood serenely on the bank`, `the captain glared at
him`, `her visitor moved quickly`. A lower-case description whose head names a
person, and that acts in the narration again and again (the subject of a verb, not of a state
a thing could be in), is someone: BookNLP clusters such noun phrases into a character of their
own. It becomes a cast entry with every narrated mention of its head (`the guide`, `the old
guide`), so the pronoun tags after it (`The guide stood ... / "One day blue," he told us`) and
the turns it takes go to it. Descriptions anyone could be (`the man`, `the girl`) are left to
`definite.py`'s introduction test; a description linked to a name (`Zeke, the first mate`) is
joined to it afterwards as any description is (`apposition.py`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from fanarchive.analysis.characters.context import acts, following_pronoun, gesture_pronoun
from fanarchive.analysis.characters.definite import POINTING_WORDS, Description
from fanarchive.analysis.characters.epithets import PERSON_ROLE_NOUNS, is_role, role_gender
from fanarchive.analysis.characters.lexicon import GENERIC_PERSON_NOUNS, SPEECH_VERBS, words
from fanarchive.analysis.characters.scan import Scan
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.speakers.lexicon import FEMALE_NOUNS, MALE_NOUNS

# How often a description must act in the narration to be someone of its own.
MIN_ACTS = 3
# A description named this often (after `the`) that has shown no person yet is a thing.
THING_AFTER = 30
# `the guide`: one lower-case word after `the`, read as the head when it acts.
# (A letter test before the look-behind: it fails faster at most of the text's characters.)
_THE_RE = re.compile(r"[Tt](?<![\w-].)he ([a-z][a-z\-]{2,})\b(?!['’])")
# Heads anyone could be are `definite.py`'s; these are not, though English uses them for
# someone the story has not named yet.
UNKNOWN_PEOPLE = words("stranger visitor guest")
# What only a person does right after being named: `the guide, who`, `the guide smiled`,
# `the guide answered`, `the guide shook his head` (`gesture_pronoun`).
_PERSON_VERBS = SPEECH_VERBS - words("went goes began begins cut returned continued called offered")
_PERSON_VERBS |= words("smiled laughed nodded shrugged grinned frowned sighed winked")
_PERSON_AFTER_RE = re.compile(r",?\s+(?:who\b|(?:[a-z]+ly\s+)?([a-z]+)\b)")
# `The guide stood serenely on the bank. / "One day blue," he told us`: a quotation soon after,
# with no name between, whose tag is a pronoun.
_PRONOUN_TAG_RE = re.compile(r"[\"”’']?\s*,?\s*(he|she)\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
_NAME_RE = re.compile(r"(?<![.!?\"“”]\s)(?<!\n)\b[A-Z][a-z]+")
TAG_ANTECEDENT_REACH = 300
# `the old guide`, `the guide`: any phrase of up to three words with its head.
_ANY_PHRASE = r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir) ((?:(?!the\b)[a-z\-]+ ){{0,2}}{}\b)"


def find_acting_descriptions(scan: Scan, known: set[tuple[str, ...]]) -> list[Description]:
    """Descriptions of a person that act at least MIN_ACTS times in the narration, with the
    gender their head gives, else the pronoun tags and pronouns after their acts; none whose
    head is already `known`."""
    places: dict[str, list[int]] = {}
    for match in _THE_RE.finditer(scan.text):
        places.setdefault(match.group(1), []).append(match.end())
    heads_known = {words_[-1] for words_ in known}
    found = []
    for head, ends in places.items():
        if head in heads_known or not _person_head(head):
            continue
        if len(ends) < MIN_ACTS and not _person_noun(head):
            continue
        acts_ = _Acts(scan, [end for end in ends if not scan.in_quote(end)], _gender_of(head))
        gender = _gender_of(head)
        if gender == "unknown":
            gender = acts_.gender()
        if gender == "unknown" and head not in PERSON_ROLE_NOUNS:
            continue
        if not (_person_noun(head) or acts_.person or acts_.led()):
            continue
        if acts_.count + _possessed_acts(scan, head, MIN_ACTS - acts_.count) >= MIN_ACTS:
            found.append(_described(head, gender, scan))
    return found


class _Acts:
    """What a description's acting mentions after `the` say: how many, whether one shows a
    person, and the genders of the pronouns and pronoun tags after them."""

    def __init__(self, scan: Scan, ends: list[int], known: str) -> None:
        text = scan.text
        self.count, self.person = 0, False
        self.tags: Counter[str] = Counter()
        self.pronouns: Counter[str] = Counter()
        for read, end in enumerate(ends):
            if read >= THING_AFTER and not (self.person or self.tags.keys() - {""}):
                break  # `the door`, `the sky`: so many mentions and still nothing a person does
            if not acts(text, end):
                continue
            self.count += 1
            if known != "unknown":  # `the landlady`: only how often she acts is asked
                if self.count >= MIN_ACTS:
                    break
                continue
            self.person = self.person or _person_sign(scan, end)
            self.tags[_pronoun_tag_after(scan, end)] += 1
            self.pronouns[following_pronoun(text, end)] += 1
            if self._mixed():  # `the door` before her lines and his: no one's gender
                break

    def _mixed(self) -> bool:
        return all(self.tags[g] and self.pronouns[g] for g in ("male", "female"))

    def gender(self) -> str:
        """The tags its acts lead into say its gender before the pronouns in the narration
        after them do (`The visitor sat and listened to her retreating feet`)."""
        found = _agreed(self.tags, 1)
        return found if found != "unknown" else _agreed(self.pronouns, 2)

    def led(self) -> bool:
        """Two pronoun tags of one gender after its acts (`The guide stood serenely on the
        bank. / "One day blue," he told us`): someone who speaks."""
        return _agreed(self.tags, 2) != "unknown"


def _possessed_acts(scan: Scan, head: str, needed: int) -> int:
    """`her visitor moved quickly`: acts after a possessive, read only when `the` was not
    enough (a possessive alone does not show a noun for someone: `her business`)."""
    if needed <= 0:
        return 0
    head_re = re.compile(rf"{re.escape(head)}\b(?!['’])")
    count, searched_to = 0, 0
    # Where `head` follows a possessive, in text order, read as a search for `his head`
    # would (each match from the end of the last): the text is read once for every head.
    for start, word in scan.after_possessive.get(head[:3], ()):
        if start < searched_to or (found := head_re.match(scan.text, word)) is None:
            continue
        searched_to = found.end()
        if not scan.in_quote(start) and acts(scan.text, found.end()):
            count += 1
    return count


def _described(head: str, gender: str, scan: Scan) -> Description:
    """`the guide` with every narrated mention of its head (`the old guide`, `our guide`)."""
    description = Description((head,), gender=gender)
    # `her visitor`: the `her` is someone else's mention; the description's starts after it.
    description.spans = [
        (m.start() if m.group(0)[1:4] == "he " else m.start(1), m.end())
        for m in re.finditer(_ANY_PHRASE.format(re.escape(head)), scan.text)
        if not scan.in_quote(m.start())
    ]
    return description


def _gender_of(head: str) -> str:
    """The gender a head noun gives (`guide` none, `landlady` female, `landlord` male; a role
    either can hold, `captain`, `doctor`, none); `business`, `harness` are no `-ess` for a
    woman."""
    if head.endswith(("ness", "less")):
        return "unknown"
    gender = role_gender(head)
    if gender == "unknown" and head not in PERSON_ROLE_NOUNS:
        gender = "male" if head in MALE_NOUNS else "female" if head in FEMALE_NOUNS else gender
    return gender


def _person_noun(head: str) -> bool:
    return head in PERSON_ROLE_NOUNS or head in UNKNOWN_PEOPLE or _gender_of(head) != "unknown"


def _person_head(head: str) -> bool:
    if head in UNKNOWN_PEOPLE:
        return True
    return head not in POINTING_WORDS and head not in GENERIC_PERSON_NOUNS and is_role(head)


def _agreed(votes: Counter[str], least: int) -> str:
    """The one gender the votes give, at least `least` times and never the other."""
    genders = {g: n for g, n in votes.items() if g}
    if len(genders) == 1 and next(iter(genders.values())) >= least:
        return next(iter(genders))
    return "unknown"


def _person_sign(scan: Scan, end: int) -> bool:
    """`the guide, who`, `the guide smiled`, `the guide shook his head`."""
    text = scan.text
    after = _PERSON_AFTER_RE.match(text, end, end + 40)
    if after is not None and (after.group(1) is None or after.group(1) in _PERSON_VERBS):
        return True
    return bool(gesture_pronoun(text, end))


def _pronoun_tag_after(scan: Scan, end: int) -> str:
    """The gender of the pronoun tag (`he told us`) of the quotation that follows a mention
    within TAG_ANTECEDENT_REACH, no name between; "" when there is none."""
    j = bisect_left(scan.quote_starts, end)
    if j == len(scan.quote_starts) or scan.quote_starts[j] - end > TAG_ANTECEDENT_REACH:
        return ""
    if _NAME_RE.search(scan.text, end, scan.quote_starts[j]):
        return ""
    tag = _PRONOUN_TAG_RE.match(scan.text, scan.quote_ends[j], scan.quote_ends[j] + 40)
    if tag is None or tag.group(2) not in _PERSON_VERBS:
        return ""
    return "male" if tag.group(1) == "he" else "female"


# --- a newcomer the speaker rules found no one for -------------------------------------------

# `an old labouring man`, `the woman`, `my aunt`, `a tall, strong, heavy, nut-brown man`: a
# determiner, then up to four modifiers before the head (read inside a look-ahead, so that
# `the man and the woman` offers both).
# `\b([Aa]n?|[Tt]he|[Oo]ne|[Mm]y|[Oo]ur) ...`, each word opening on its letter (a look-behind
# asking what `\b` asked), so that `re` skips ahead to those letters: opening on `\b`, it was
# tried at every character (38-55 -> 24-38 ms over a 100,000-word text; the same matches).
_INTRODUCING_WORDS = ("An?", "an?", "The", "the", "One", "one", "My", "my", "Our", "our")
_INTRODUCED_RE = LazyPattern(
    "(" + "|".join(rf"{word[0]}(?<!\w.){word[1:]}" for word in _INTRODUCING_WORDS) + ")"
    r" (?=((?:[A-Za-z][a-z\-]*,? ){0,4}[A-Za-z][a-z\-]*))"
)
_WORD_RE = LazyPattern(r"[A-Za-z][a-z\-]*")
# Words no modifier is: past one, the phrase has ended (`the day his mother died`).
_NOT_MODIFIERS = words(
    """
    i you he she it we they me him her us them his its our your their who whom whose which
    what that this these those a an the of in on at to for with by from into upon and or but
    nor as than if when while was were is are be been being had has have did do does would
    could should will shall may might must not no so very
    """
)


class Introductions:
    """Every description of a person in a text with a gendered head (`an old labouring man`,
    `my aunt`; not a possessor, `the man's`), read once and in text order, so that the
    speaker rules can ask for the last one before a line as often as they like (reading the
    3,000 characters before every line of a long run of `she said` was quadratic in
    practice: 1.3 s for 16,000 lines)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._spans: dict[str, list[tuple[int, int]]] = {"male": [], "female": []}
        for match in _INTRODUCED_RE.finditer(text):
            for word in _WORD_RE.finditer(text, match.end(), match.end(2)):
                head_gender = _person_gender(word.group())
                if head_gender == "unknown":
                    if word.group().lower() in _NOT_MODIFIERS:
                        break
                    continue
                if text[word.end() : word.end() + 1] not in ("'", "’", "-"):
                    self._spans[head_gender].append((match.start(), word.end()))
                break
        self._ends = {gender: [e for _, e in spans] for gender, spans in self._spans.items()}

    def last(self, start: int, end: int, gender: str, skip) -> tuple[int, int, str] | None:
        """The last description of a person of `gender` in `text[start:end]` that `skip` does
        not rule out (a quote, a cast mention): its span and its name (`The Old Labouring
        Man`)."""
        spans = self._spans.get(gender, [])
        i = bisect_right(self._ends.get(gender, []), end)
        while i > 0:
            i -= 1
            first, last = spans[i]
            if first < start:
                return None
            if not skip(first, last):
                phrase = _WORD_RE.findall(self.text, first, last)
                lead = "My" if phrase[0].lower() in ("my", "our") else "The"
                return first, last, " ".join([lead, *(w.capitalize() for w in phrase[1:])])
        return None


def _person_gender(head: str) -> str:
    """`man`, `landlady` and `fisherman` give a gender; `human`, `business`, `address` none."""
    head = head.lower()
    if head in MALE_NOUNS:
        return "male"
    if head in FEMALE_NOUNS:
        return "female"
    if head.endswith("woman"):
        return "female"
    if head.endswith("man") and len(head) >= 6:
        return "male"
    return "unknown"
