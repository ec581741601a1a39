"""Role epithets: `The witcher did not look up from his stew.`, `"That's hurtful," the bard
said.`, `The inspector hesitated.` Fan fiction names a character present in a scene by what
they are as often as by name, to avoid repeating the name and to tell two people apart. Such
a mention, when it acts or speaks, is a mention of the named character it stands for.

A lower-case noun after `the` (or a noun and the word before it: `the bounty hunter`, `the
former marshal`) is someone's role in a work when the work shows it doing what
only a person does: speaking (`the bard said`), making a gesture with their own body (`the
angel tilted his head`), having a face that moves (`the demon's mouth twitched`), doing
something with a his or her of its own when the noun names a doer (`The witcher did not look
up from his stew`), or being a noun English uses for people only (`captain`, `detective`).
Not one the work brings in as someone new (`waited for the housekeeper`, `the landlord
appeared`, `a waiter, a tray` before `cries the waiter`): novels use roles for the people
they never name. Which character it is, read the way a reader does:

- of the gender the pronouns after it give (`his stew`) or its head noun gives, or either;
- named in the narration of the scene, before it or shortly after, but not in its own
  sentence (`The detective turned then, and John knew that look` is not John), nor in the
  next sentence of its paragraph (`The angel looked wounded. Crowley leaned back`: two
  people), nor in the lines of its own paragraph (a speaker seldom names themselves: `"...he
  asks of Grospierre," continued the sergeant`); a role that speaks, or acts in a paragraph
  holding a line (its speaker), is not one the narration names in the paragraph of the line
  before or after it either (turns alternate);
- the one holding it as a title (`Captain Okafor` is `the captain`), also a rank the cast
  knows no title for that the text writes before a name (`Director Shaw`), however far;
- when several are left: not the point of view of a third-person story (the character named
  most, clearly: third-person limited calls its own character by name, not by a role; an
  omniscient novel's most named may still be the one), not one another role stands for,
  before or after it in the text (`the witcher` and `the bard` are two people);
- exactly one person left, at every mention of the role that leaves one: a role that would
  stand for two people in one work is nobody's in particular (`the doctor` of a novel).

A story an I tells is left alone: its narration has no named point of view to leave out, and
the one character it names near a role (`the inspector`, `the prisoner`) is as often the I's
companion as the one meant. Descriptions the cast made characters of their own (`the
croupier` speaking twice) and descriptions linked to a name (`Jaskier, the bard,`) are left to
the rules before this one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from fanarchive.analysis.characters.apposition import (
    COMPARATIVES,
    TRAIT_NOUNS,
    NarratedMentions,
)
from fanarchive.analysis.characters.context import (
    PRONOUN_REACH,
    acts,
    following_pronoun,
    gesture_pronoun,
    own_pronoun,
    speaks,
)
from fanarchive.analysis.characters.lexicon import (
    GENERIC_PERSON_NOUNS,
    PLACE_WORDS,
    TITLES,
    title_key,
    words,
)
from fanarchive.analysis.lazyre import LazyPattern

if TYPE_CHECKING:
    from fanarchive.analysis.characters.detect import Draft
    from fanarchive.analysis.characters.scan import Scan

# `the bard`, `the demon's`: one lower-case noun, perhaps followed by a second (`the bounty
# hunter`, see `_found`; `the older Jedi`, a name's capital, is not read).
# `[Tt](?<!\w.)he`: `\bthe`, opening on its letter so the regex engine skips to the t's (the
# look-behind asks what `\b` asked of the character before): half the time on a whole work.
_ROLE_RE = re.compile(
    r"[Tt](?<!\w.)he ([a-z][a-z\-]{2,})\b(['’]s\b)?(?: (?!the\b)([a-z][a-z\-]{2,})\b(['’]s\b)?)?"
)
# Not a role's modifier: words that point or count (`the other doctor` is someone else).
_NOT_MODIFIERS = words("other same first last only next very whole rest one two three")
# Not a role's noun after a modifier: verbs and small words (`the bard said`, `the door of`).
_NOT_HEADS = words(
    """
    said says was were had has did does could would should might must will can of off in on
    at to into onto from with by for up down out over under and or but her his their its him
    them then there that this than what when who which while the
    """
)
# `the still waiting Harriet`: a word before a name is no one's role.
_NAME_AFTER_RE = re.compile(r" [A-Z]")
# A role whose first mention brings someone in (`waited for the housekeeper`, `the landlord
# appeared`) is someone new, not the epithet of a character the scene has named.
_ENTRANCE_RE = re.compile(
    r"\s+(?:appeared|appears|came|comes|entered|enters|arrived|arrives|emerged|emerges)\b"
)
_QUOTE_MARKS = '"“”«»'
_SENTENCE_END_RE = LazyPattern(r"[.!?…]+[\"”’']?\s+")
# After a description's head: punctuation, a speech verb or an adverb, not another noun.
_PHRASE_END_RE = re.compile(r"[,.;:!?—–]| [a-z]+ly\b| [a-z]+(?:ed|s)\b| (?:said|says)\b")
# `the bard said, "` up to the quotation's first word.
_TAG_BEFORE_QUOTE_RE = LazyPattern(r"\s+[a-z]+(?:\s+[a-z]+ly)?[,:]\s*[\"“‘'«]?")
# A person's face and body: `the demon's mouth twitched` (a river's mouth does not twitch:
# the body word must be followed by a verb of its own).
_BODY_RE = re.compile(
    r"\s+(?:mouth|eyes|face|lips|jaw|brow|brows|eyebrows|gaze|expression|shoulders|smile"
    r"|voice|hands|hand|fingers|nose|cheeks|chin)\s+[a-z]+(?:ed|s)\b"
)
# One who does something (`witcher`, `hunter`, `archivist`, `historian`), with a his or her
# of their own in the sentence (`The witcher did not look up from his stew`).
_AGENT_ENDINGS = ("er", "ist", "ian")
# `The letter was still in her hand`: what things do as readily as people.
_STATE_RE = LazyPattern(
    r"(?:['’]s)?\s+(?:was|is|were|are|had|has|lay|lies|stood|stands|seemed|seems|remained)\b"
)
# Nouns English uses for people only, whose gender the head does not give.
PERSON_ROLE_NOUNS = words(
    """
    doctor nurse captain inspector sergeant lieutenant detective officer agent soldier
    """
)
# Not roles: words that point, count or name a group, and heads of things people do.
_NOT_ROLES = GENERIC_PERSON_NOUNS | words(
    """
        other others latter former one same first last rest whole two three only best worst
        most least end way thing reason problem point answer truth matter very next kind sort
        children people men women folk couple pair group crowd family team class
        jury council committee court audience army police staff public party company board
        congregation crew gang mob still just very only now then again
        """
)
TAG_REACH = 4  # characters between a quotation and its tag (see definite.py)
# The point of view is named at least this often, and this many times as often as anyone else.
POINT_OF_VIEW_MENTIONS = 3
POINT_OF_VIEW_SHARE = 1.5
BEFORE_REACH = 2000  # how far before a role the scene names the one it stands for
AFTER_REACH = 1500  # and how far after


@cache
def _noun(word: str) -> bool:
    """A word that can be a role's noun after its modifier (not `said`, `nodded`, `of`)."""
    return not (word in _NOT_HEADS or word.endswith("ed")) and is_role(word)


def is_role(head: str) -> bool:
    """A singular noun that can stand for one person (`witcher`, `captain`), not a trait, a
    comparison, a place or a manner (`the taller`, `the kindness`, `the north`)."""
    plural = head.endswith("s") and not head.endswith("ss")
    return not (
        plural
        or head in _NOT_ROLES
        or head in PLACE_WORDS
        or head.endswith(("ly", "ing", "est"))
        or head in COMPARATIVES
        or head in TRAIT_NOUNS
        or "-" in head
    )


def role_gender(head: str) -> str:
    """The gender a role noun gives (`sorceress`, `fisherman`, `king`), else "unknown"."""
    if head.endswith(("woman", "ess", "lady", "wife")):
        return "female"
    if head.endswith("man"):
        return "male"
    return TITLES.get(title_key(head) or "") or "unknown"


def _tagged(scan: Scan, start: int, end: int) -> bool:
    """`"That's hurtful," the bard said.` / `said the bard, "..."`: a speech verb beside the
    mention and a quotation touching the tag (not `the alarm went off`)."""
    if not speaks(scan.text, start, end):
        return False
    if not _PHRASE_END_RE.match(scan.text, end):  # `continued the prostrate man`
        return False
    i = bisect_right(scan.quote_ends, start) - 1
    # The quotation's own paragraph: `sighed` after a paragraph break tags nothing.
    if (
        i >= 0
        and start - scan.quote_ends[i] <= TAG_REACH + 8
        and "\n" not in scan.text[scan.quote_ends[i] : start]
    ):
        return True
    j = bisect_left(scan.quote_starts, end)
    return (
        j < len(scan.quote_starts)
        and _TAG_BEFORE_QUOTE_RE.fullmatch(scan.text, end, scan.quote_starts[j]) is not None
    )


class _Found:
    """`the bard`, `the bounty hunter`, `the demon's`: a role's words after `the` (`head`: the
    whole phrase, the work's key for it; `noun`: its last word) and where they lie."""

    __slots__ = ("start", "end", "head", "noun", "possessive")

    def __init__(self, start: int, end: int, head: str, possessive: bool) -> None:
        self.start, self.end, self.head = start, end, head
        self.noun = head.rsplit(" ", 1)[-1]
        self.possessive = possessive


def _person_sign(scan: Scan, found: _Found) -> bool:
    """What only a person does at this mention: speak, make a gesture with their own body,
    have a face that moves."""
    text, end = scan.text, found.end
    after = end + (2 if found.possessive else 0)
    return (
        _tagged(scan, found.start, end)
        or bool(gesture_pronoun(text, end))
        or (found.possessive and _BODY_RE.match(text, after) is not None)
        or (
            found.noun.endswith(_AGENT_ENDINGS)
            and own_pronoun(text, end) != ""
            and not _STATE_RE.match(text, end)
        )
    )


class _Mention:
    __slots__ = ("start", "end", "head", "gender", "speaks")

    def __init__(self, start: int, end: int, head: str, gender: str, speaks: bool) -> None:
        self.start, self.end, self.head, self.gender = start, end, head, gender
        self.speaks = speaks


def _found(scan: Scan, match: re.Match[str], roles: dict[str, bool]) -> _Found | None:
    """The role words at a `the` in the narration: one noun (`the bard`), or a modifier and
    a noun (`the bounty hunter`, `the former marshal`) when the one word does not act by
    itself; None when neither can be a role (most of a work's `the`: read cheaply)."""
    word = match.group(1)
    role = roles.get(word)
    if role is None and not is_role(word):
        roles[word] = role = False
    if role is False:
        if not _two_words(match, roles) or scan.in_quote(match.start()):
            return None
    else:
        if scan.in_quote(match.start()):
            return None
        possessive = match.group(2) is not None
        if possessive or acts(scan.text, match.end(1)) or not _two_words(match, roles):
            return _Found(match.start(), match.end(1), word, possessive)
    head = f"{word} {match.group(3)}"
    return _Found(match.start(), match.end(3), head, match.group(4) is not None)


def _two_words(match: re.Match[str], roles: dict[str, bool]) -> bool:
    noun = match.group(3)
    return (
        noun is not None
        and match.group(2) is None
        and _noun(noun)
        and match.group(1) not in _NOT_MODIFIERS
        # `the indignant cook` of a work whose cook came in as someone new is that newcomer
        and roles.get(noun) is not False
        and roles.get(f"{match.group(1)} {noun}") is not False
    )


def _role_mentions(scan: Scan, claimed: set[int], ranks: _Ranks) -> list[_Mention]:
    """Every role epithet that acts or speaks in the narration, in text order, whose head the
    work shows to be a person somewhere and whose first mention neither enters nor stays
    still (`waited for the housekeeper`: someone new)."""
    text = scan.text
    acting: list[_Found] = []
    roles: dict[str, bool] = {}  # head -> a role (False: not one, or a newcomer)
    persons: set[str] = set()
    for match in _ROLE_RE.finditer(text):
        found = _found(scan, match, roles)
        if found is None:
            continue
        head, end = found.head, found.end
        role = roles.get(head)
        after = end + (2 if found.possessive else 0)
        if _NAME_AFTER_RE.match(text, after):
            continue
        acts_here = acts(text, end) or _tagged(scan, found.start, end)
        if role is None:
            roles[head] = acts_here and not _ENTRANCE_RE.match(text, after)
            if not roles[head]:
                continue
        if not acts_here or found.start in claimed:
            continue
        acting.append(found)
        if head not in persons and (
            found.noun in PERSON_ROLE_NOUNS
            or _person_sign(scan, found)
            or ranks.holders(found.noun)
        ):
            persons.add(head)
    return [_mention(scan, found) for found in acting if found.head in persons]


_NAMES_AFTER_RE = LazyPattern(r"([A-Z][a-z]+)(?: ([A-Z][a-z]+))?")


class _Ranks:
    """The nouns the text writes as a named character's title, with who holds each:
    `Director Shaw` makes `the director` a person's role, and Shaw's, though the cast knows
    no title `Director` (the known ones are read by `_holds_title`). Read per noun when first
    asked: one literal search each, for the few nouns that act."""

    def __init__(self, text: str, named: list[Draft]) -> None:
        self.text = text
        self.named = named
        self.owners: dict[str, set[int]] = {}
        for i, draft in enumerate(named):
            for surface in draft.surfaces:
                self.owners.setdefault(surface, set()).add(i)
        self._holders: dict[str, set[int]] = {}
        self._titled: dict[str, set[int]] = {}

    def titled(self, title: str) -> set[int]:
        """Everyone holding `title`, as a title the cast knows or a rank the text writes
        (read once per title, not at every mention of the role)."""
        if title not in self._titled:
            known = {i for i, draft in enumerate(self.named) if _holds_title(draft, title)}
            self._titled[title] = known | self.holders(title)
        return self._titled[title]

    def holders(self, noun: str) -> set[int]:
        if noun not in self._holders:
            found: set[int] = set()
            if self.owners:
                # str.find, then a match at each place: a regex search for `\bDoor ...` over
                # the whole text costs ~9 ms on 100,000 words, the find ~0.1 ms.
                needle = noun.capitalize() + " "
                at = self.text.find(needle)
                while at != -1:
                    match = _NAMES_AFTER_RE.match(self.text, at + len(needle))
                    if match and (at == 0 or not self.text[at - 1].isalnum()):
                        found |= self.owners.get(match.group(1), set())
                        if match.group(2):
                            found |= self.owners.get(f"{match.group(1)} {match.group(2)}", set())
                    at = self.text.find(needle, at + 1)
            self._holders[noun] = found
        return self._holders[noun]


def _mention(scan: Scan, found: _Found) -> _Mention:
    gender = role_gender(found.noun)
    if gender == "unknown":
        after = found.end + (2 if found.possessive else 0)
        # `said the knight, «and when I told her no»`: the line's `her` is someone the knight
        # talks about, so the pronoun is looked for only up to the next quotation.
        line = scan.next_quote_start(after)
        limit = min(PRONOUN_REACH, line - after) if line is not None else PRONOUN_REACH
        gender = following_pronoun(scan.text, after, limit) or "unknown"
    speaks_ = _tagged(scan, found.start, found.end)
    return _Mention(found.start, found.end, found.head, gender, speaks_)


def add_role_epithets(
    named: list[Draft], scan: Scan, claimed: set[int], mentions: NarratedMentions
) -> None:
    """Give each role epithet that acts or speaks to the named character it stands for: the
    one person it can be wherever its mentions leave one (see `_candidates`), when those
    agree."""
    narrators = _narrators(scan)
    if "i" in narrators:
        return
    ranks = _Ranks(scan.text, named)
    roles = _role_mentions(scan, claimed, ranks)
    if not roles:
        return
    point = None if narrators else _point_of_view(mentions)
    genders = _Genders(named, scan)
    in_lines = _NamedInLines(named, scan)
    roles_of: dict[int, set[str]] = {}
    # Read twice: a role resolved later in the text (`the miller` is Tomas) is one another
    # role read before it cannot be either.
    for _ in range(2):
        chosen: dict[str, set[int]] = {}
        readings = []
        for mention in roles:
            candidates = _candidates(mention, mentions, point, roles_of, genders, in_lines, ranks)
            readings.append((mention, candidates))
            if len(candidates) == 1:
                chosen.setdefault(mention.head, set()).add(candidates[0])
                roles_of.setdefault(candidates[0], set()).add(mention.head)
    for mention, candidates in readings:
        owners = chosen.get(mention.head, set())
        if len(owners) != 1 or not owners <= set(candidates):
            continue
        # A mention, not a name: `the witcher` is no alias of Geralt's (a novel's `the porter`
        # named as someone's alias would join them to the gold list's porter).
        named[next(iter(owners))].spans.append((mention.start, mention.end))
        claimed.add(mention.start)


def _point_of_view(mentions: NarratedMentions) -> int | None:
    """The character the narration names most, when strictly more often than anyone else:
    the point of view, whom a third-person-limited story calls by name, not by a role."""
    counts = Counter(i for _, i in mentions.starts())
    top = counts.most_common(2)
    if not top or top[0][1] < POINT_OF_VIEW_MENTIONS:
        return None
    if len(top) == 2 and top[0][1] < POINT_OF_VIEW_SHARE * top[1][1]:
        return None
    return top[0][0]


class _NamedInLines:
    """Where the lines name the cast (`"...he asks of Grospierre"`), for look-ups by range."""

    def __init__(self, named: list[Draft], scan: Scan) -> None:
        self._starts = sorted(
            (start, i)
            for i, draft in enumerate(named)
            for start, _ in draft.spans
            if scan.in_quote(start)
        )

    def named_in(self, start: int, end: int) -> set[int]:
        low = bisect_left(self._starts, (start, -1))
        high = bisect_left(self._starts, (end, -1))
        return {i for _, i in self._starts[low:high]}


class _Genders:
    """A named character's gender: what the pronouns after the narration's mentions of them
    mostly say (`Threlfall sipped her coffee`), else the cast's so far (a given name's usual
    one), read when first asked."""

    def __init__(self, named: list[Draft], scan: Scan) -> None:
        self.named = named
        self.scan = scan
        self._known: dict[int, str] = {}

    def of(self, i: int) -> str:
        if i not in self._known:
            votes = Counter(
                following_pronoun(self.scan.text, end)
                for start, end in self.named[i].spans
                if not self.scan.in_quote(start)
            )
            votes.pop("", None)
            ranked = votes.most_common(2)
            if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
                self._known[i] = ranked[0][0]
            else:
                self._known[i] = self.named[i].likely_gender
        return self._known[i]

    def agrees(self, i: int, gender: str) -> bool:
        return gender == "unknown" or self.of(i) in ("unknown", gender)


def _holds_title(draft: Draft, head: str) -> bool:
    """`Captain Okafor` is `the captain`."""
    key = title_key(head)
    return key is not None and any(
        title_key(alias.split()[0]) == key
        for alias in [draft.character.name, *draft.surfaces]
        if " " in alias
    )


_NARRATED_PRONOUN_RE = re.compile(  # `\b(?:I|[Yy]ou|[Hh]e|[Ss]he)\b`, opening on letters
    r"(?:I(?<!\w.)|Y(?<!\w.)ou|y(?<!\w.)ou|H(?<!\w.)e|h(?<!\w.)e|S(?<!\w.)he|s(?<!\w.)he)\b"
)
SAMPLED_PRONOUNS = 400
NARRATED_IS = 3  # a story whose narration says "I" (or "you") this often is told by one


def _narrators(scan: Scan) -> set[str]:
    """`i` and `you` when the story is told by an I or to a you (its narration says them as
    often as half its he and she): its point of view is no named character."""
    narrated = (m for m in _NARRATED_PRONOUN_RE.finditer(scan.text) if not scan.in_quote(m.start()))
    # The style holds throughout a work: its first pronouns tell it (and cheaply).
    counts = Counter(match.group().lower() for match in islice(narrated, SAMPLED_PRONOUNS))
    third = counts["he"] + counts["she"]
    return {
        person
        for person in ("i", "you")
        if counts[person] >= NARRATED_IS and counts[person] >= third / 2
    }


def _brought_in(text: str, mention: _Mention) -> bool:
    """`a waiter, a tray, forty blinis` just before `"Oh no," cries the waiter`: someone new."""
    noun = mention.head.rsplit(" ", 1)[-1]  # `a cook` brings `the indignant cook` in
    pattern = re.compile(rf"\b[Aa]n? (?:[a-z\-]+,? ){{0,2}}{noun}\b")
    return pattern.search(text, max(0, mention.start - BEFORE_REACH), mention.start) is not None


def _neighbour_speakers(text: str, paragraph: tuple[int, int], mentions: NarratedMentions):
    """Who the narration names in the paragraphs just before and after `paragraph` when they
    hold a line: the ones who spoke the turns before and after, not this one."""
    found: set[int] = set()
    before = _paragraph(text, max(0, paragraph[0] - 3))
    after = _paragraph(text, min(len(text), paragraph[1] + 2))
    for start, end in (before, after):
        if (
            start < end
            and (start, end) != paragraph
            and any(c in text[start:end] for c in _QUOTE_MARKS)
        ):
            found |= mentions.named_in(start, end)
    return found


def _holds_line(scan: Scan, paragraph: tuple[int, int]) -> bool:
    """A role acting in a paragraph that holds a line (`The angel tilted his head. "You said
    I should do it."`) is its speaker, as one a tag names is."""
    j = bisect_left(scan.quote_starts, paragraph[0])
    return j < len(scan.quote_starts) and scan.quote_starts[j] < paragraph[1]


def _paragraph(text: str, position: int) -> tuple[int, int]:
    """The paragraph around `position` (within 3,000 characters either way)."""
    start = text.rfind("\n\n", max(0, position - 3000), position)
    end = text.find("\n\n", position, position + 3000)
    return (start + 2 if start >= 0 else max(0, position - 3000)), (
        end if end >= 0 else min(len(text), position + 3000)
    )


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = max(0, position - 400)
    ends = list(_SENTENCE_END_RE.finditer(text, start, position))
    sentence_start = ends[-1].end() if ends else start
    end = _SENTENCE_END_RE.search(text, position)
    return sentence_start, end.end() if end else len(text)


def _next_sentence(text: str, sentence_end: int) -> tuple[int, int]:
    """The sentence after the one ending at `sentence_end`, when it is in the same paragraph."""
    if "\n" in text[sentence_end - 2 : sentence_end] or text.startswith("\n", sentence_end):
        return sentence_end, sentence_end
    end = _SENTENCE_END_RE.search(text, sentence_end)
    stop = end.end() if end else len(text)
    paragraph = text.find("\n", sentence_end, stop)
    return sentence_end, paragraph if paragraph >= 0 else stop


def _candidates(
    mention: _Mention,
    mentions: NarratedMentions,
    point: int | None,
    roles_of: dict[int, set[str]],
    genders: _Genders,
    in_lines: _NamedInLines,
    ranks: _Ranks,
) -> list[int]:
    """Who the role can be at this mention (see the module's docstring); none when the text
    brought someone new in with it just before (`a waiter, a tray`)."""
    text = mentions.scan.text
    if _brought_in(text, mention):
        return []
    sentence_start, sentence_end = _sentence_bounds(text, mention.start)
    own = mentions.named_in(sentence_start, sentence_end)
    nearby = mentions.named_in(mention.start - BEFORE_REACH, mention.start + AFTER_REACH)
    paragraph = _paragraph(text, mention.start)
    talked_about = in_lines.named_in(*paragraph)
    if mention.speaks or _holds_line(mentions.scan, paragraph):
        talked_about |= _neighbour_speakers(text, paragraph, mentions)
    candidates = [i for i in nearby - own - talked_about if genders.agrees(i, mention.gender)]
    holders = ranks.titled(mention.head.rsplit(" ", 1)[-1])
    titled = [i for i in candidates if i in holders]
    if not titled:
        # `Director Shaw read your report` at the top, `The director took off her glasses`
        # pages later: the one person of the work holding the title, however far.
        titled = [i for i in holders - own if genders.agrees(i, mention.gender)]
    if len(titled) == 1:
        return titled
    next_named = mentions.named_in(*_next_sentence(text, sentence_end))
    candidates = [i for i in candidates if i not in next_named]
    for unlikely in (
        lambda i: i == point,
        lambda i: bool(roles_of.get(i, set()) - {mention.head}),
    ):
        candidates = [i for i in candidates if not unlikely(i)] or candidates
    return sorted(candidates)
