"""What the attribution rules read around each quote: the narration before and after it in its
paragraph, the characters named there (cast mentions), pronouns and descriptions, vocatives.

`Context` is built once per document; each quote becomes a `Line`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from fanarchive.analysis.characters.lexicon import POSSESSIVE_DETERMINERS
from fanarchive.analysis.document import Document, Span
from fanarchive.analysis.model import Mention, Quote
from fanarchive.analysis.speakers.kin import KIN_NOUNS
from fanarchive.analysis.speakers.lexicon import (
    ADDRESS_GENDER,
    AUXILIARIES,
    DETERMINERS,
    FEMALE_NOUNS,
    FILLERS,
    MALE_NOUNS,
    MEMORY_RE_SOURCE,
    OTHER_NOUNS,
    POSSESSIVE_GENDER,
    PRONOUN_GENDER,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    TAG_ONLY_VERBS,
    UNGENDERED_PERSON_NOUNS,
)
from fanarchive.analysis.speakers.narrator_naming import SELF_NAMED_RE
from fanarchive.analysis.speakers.persons import (
    listener_after,
    narrator_present_verb,
    possessive_opening,
)

TOKEN_RE = re.compile(r"[^\W\d_][\w'’\-]*|[.!?;:,]|—|--")
SENTENCE_END = frozenset(".!?;")
# A sentence boundary inside narration ("Mr." and "Mrs." are not boundaries). The mark comes
# first and the look-behinds take it in: a pattern opening on a character class lets the
# regex engine skip to the marks instead of trying five look-behinds at every character.
BOUNDARY_RE = re.compile(
    r"[.!?](?<!\bMr.)(?<!\bMrs.)(?<!\bDr.)(?<!\bSt.)(?<!\bMs.)[.!?]*['\"”’)]*\s+"
)
PRONOUN_SUBJECT_RE = re.compile(r"\b(?:he|she|I|it|they|we)\b", re.I)
MEMORY_RE = re.compile(MEMORY_RE_SOURCE, re.I)
# A conjunction right before a mention opens a clause it is the subject of (`They were
# writing, when the White Rabbit interrupted`).
CLAUSE_OPENING_RE = re.compile(
    r"\b(?:when|while|whilst|until|till|because|though|although"
    r"|whereupon)\s+(?:the\s+)?$",
    re.I,
)
# A title standing alone between commas or stops inside a quote: `Yes, sir.`, `Papa!`
_ADDRESS_WORDS = "|".join(word.replace("'", "['’]") for word in ADDRESS_GENDER)
TITLE_VOCATIVE_RE = re.compile(
    rf"(?:^|[,!?.;]\s|[\"“‘'])\s*({_ADDRESS_WORDS})\s*(?:[,.!?;—]|--|$)", re.I
)
# A parent called by kinship inside a quote: `But, my dear papa, ...`, `Mother!`
KIN_VOCATIVE_RE = re.compile(
    r"(?:^|[,!?.;]\s|[\"“‘'])\s*(?:(?:my\s+)?dear(?:est)?\s+|oh,?\s+)?"
    r"(papa|mamma|mama|father|mother)\s*(?:[,.!?;—]|--|$)",
    re.I,
)
VOCATIVE_LEAD_RE = re.compile(r"(?:^|\W)(?:oh|ah|dear|dearest|my|well|why|yes|no|come)$", re.I)
DASHES = frozenset("—―–")
QUOTE_MARKS = frozenset("\"'“”‘’„‚«»‹›")
BEAT_PRONOUNS = frozenset(["He", "She", "I", "You", "he", "she", "you"])
# A word that may open a beat before its subject: `"..." But she leaned into him.`
BEAT_OPENERS = frozenset(["But", "And", "Then", "So", "Still", "Yet", "Instead"])
# Narration sentences read back for the description a pronoun tag's `he` or `she` continues.
ANTECEDENT_SENTENCES = 3
NARRATION_EDGE = " \t\n\"'“”‘’"
# A question asking the one spoken to for their own name (not `"Who did it?"`, whose answer
# names someone else; nor `"Did you sign your name?"`, which asks no name: "your name" only
# after "what's", "and" or opening its sentence).
ASKS_OWN_NAME_RE = re.compile(
    r"(?:\b(?:what name|name, please|who are you|who is it|who is this|who's there"
    r"|who is there|who goes there|who's this|who's it)|\band you are"
    r"|(?:\bwhat(?:'s|\u2019s| is| was)?|\band|^|[.!?,])\s*your name)\W*$",
    re.I,
)
# `"Who is it?" / "Maya, open up, it's me."`: one who answers "it's me" expects to be known
# by voice, so the name opening the answer calls the asker; it is not the speaker's own.
KNOWN_BY_VOICE_RE = re.compile(r"\bit(?:'|\u2019)?s me\b|\bit is me\b", re.I)
TAG_WINDOW = 7  # a speech verb further than this many words from the quote is not its tag
# Who opens the clause a reporting `said that` leads into (`replied that he had not`).
REPORTED_SUBJECTS = frozenset(("he", "she", "they", "i", "we", "you", "it", "there", "the"))
SOFT_BREAK_SHARE = 0.2  # below this share of single-newline breaks, they are line wraps
SCAN_CHARS = 200  # how far around a quote the narration is read
# How far back from a speech verb its clause's subject is read, in words and marks.
CLAUSE_WORDS = 16
PREPOSITIONS = frozenset(
    ["at", "in", "on", "with", "by", "for", "of", "to", "from", "after", "before", "upon"]
)
CLAUSE_STOPS = frozenset([";", ":", "--", "—", ".", "!", "?"])
COORDINATORS = frozenset(["and", "or", "but", "nor"])
# Words opening a clause inside a sentence: a subject after them is that clause's.
SUBORDINATORS = frozenset(
    ["when", "while", "whilst", "as", "that", "though", "although", "because", "if", "till"]
    + ["until", "where", "which", "whom", "whose", "since", "before", "after", "than"]
)
# Words after which a name opens a clause (is its subject), not a verb's or preposition's object.
CLAUSE_LEADS = SUBORDINATORS | {"then", "so", "yet", "now", "once"}
# Where a sentence's last coordinate clause begins (its subject is the latest one).
_COORDINATE_CLAUSE_RE = re.compile(r"(?:;|, but|, and) ")
BEAT_SENTENCES = 2  # sentences of a quote's paragraph read back for its beat
# A beat after a quote telling that its subject kept silent (`_silent`).
SILENT_LEADS = frozenset(["only", "merely"])
GIVING_VERBS = frozenset(["made", "gave", "returned", "said", "answered", "replied", "offered"])
SILENT_VERBS = frozenset(["was", "remained", "kept", "stayed", "fell"])
ANSWER_VERBS = frozenset(["answer", "reply", "respond", "speak", "say"])
BEAT_OPENING = 120  # characters of a beat sentence read when a subordinate clause opens it
MAIN_CLAUSE_WORDS = 14  # how far a beat's main clause is read past a subordinate one
# A beat's subject who hears or listens is the one spoken to (`Context._hears`).
HEARING_VERBS = frozenset(
    ["hear", "hears", "heard", "hearing", "overheard", "overhear", "listened", "listening"]
)
# A clause's subject who perceives another `say` is the listener (`_clause_opening_subject`).
PERCEPTION_VERBS = HEARING_VERBS | {"saw", "see", "sees", "watched"}
SPOKEN_NOUNS = frozenset(["voice", "voices", "words", "cry", "whisper", "tones"])
HEARING_RE = re.compile(r"\b(?:hear|heard|hears|hearing|overhear|overheard|listen)", re.I)
HEARD_WORDS = 8  # words after the hearing verb read for the voice or words heard
VOICE_WORD_RE = re.compile("voice", re.I)  # what a `Sam's voice` token's next word must be


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    character: str | None = None  # canonical name when the token is a cast mention
    possessive: bool = False

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(slots=True)
class Subject:
    """Who a tag or a beat points at, before resolution."""

    kind: str  # "name" | "pronoun" | "descriptor" | "unresolved"
    value: str  # canonical name, gender ("male", "female", "narrator", "other"), or surface
    position: int  # offset in the text, for recency
    kin: str | None = None  # `her mother`: "mother" (a descriptor naming a relative)
    possessor: str | None = None  # `her mother`: "female", the possessor's gender
    owner: str | None = None  # `Astrid's mother`: "Astrid", a possessor the tag names


@dataclass(slots=True)
class Tag:
    subject: Subject
    verb: str
    side: str  # "after" (the quote, then the tag) | "before" (the tag, then the quote)
    listener: Subject | None = None  # `she told him`: the one spoken to, when a pronoun


@dataclass
class Line:
    """One quote and what surrounds it."""

    quote: Quote
    index: int
    paragraph: int
    before: tuple[int, int]  # narration in the same paragraph since the previous quote
    after: tuple[int, int]  # narration in the same paragraph until the next quote
    first_in_paragraph: bool
    continues: bool  # the same speech as the previous paragraph's last quote
    addressee: str | None = None
    tag: Tag | None = None
    beat_before: Subject | None = None
    beat_after: Subject | None = None
    # "gender": the gender a tag gives the speaker; "not": characters the tag names as listeners
    notes: dict = field(default_factory=dict)


class Context:
    def __init__(
        self,
        document: Document,
        quotes: list[Quote],
        mentions: list[Mention],
        second_person: bool = False,
        told_to_reader: bool = False,
    ):
        self.document = document
        # In a story told to "you" (a reader-insert), `you said` is the narrator's line.
        # In a story an I tells to "you" (a Reader the cast holds), `you said` is the Reader's.
        you = "narrator" if second_person else "reader" if told_to_reader else None
        self.pronoun_gender = PRONOUN_GENDER | ({"you": you} if you else {})
        self.possessive_gender = POSSESSIVE_GENDER | ({"your": you} if you else {})
        self.text = document.text
        self.quotes = quotes
        self.quote_starts = [q.start for q in quotes]
        inside, outside = [], []
        for mention in mentions:
            (inside if self.in_quote(mention.start) else outside).append(mention)
        self.outside = outside
        self.outside_starts = [m.start for m in outside]
        self.mention_at = {m.start: m for m in mentions}
        self._clause_cache: tuple[tuple[int, int], list[Token]] | None = None
        self._most_named: list[str] | None = None
        self.inside = inside
        # Whether a tag's noun that gives no gender (`said the officer`) is its subject: only
        # when the sieve asks again for a quote no other tag was found for.
        self.person_nouns = False
        # Whether a tag reading met such a noun since the sieve last cleared this: when it did
        # not, asking again with `person_nouns` would read every word the same way.
        self.person_noun_read = False
        self.inside_starts = [m.start for m in inside]
        self.breaks = sorted(
            [s.start for s in document.scene_breaks] + [c.start for c in document.chapters]
        )
        self.break_set = frozenset(self.breaks)  # asked of every paragraph before a quote
        self.units, self.unit_of = self._units()
        self.lines = self._lines()

    def _units(self) -> tuple[list[Span], list[int]]:
        """Paragraphs as the rules see them. In a work whose paragraphs are separated by blank
        lines, a lone line break inside a block (a short wrapped paragraph split in two) does
        not start a new turn; in a work written one paragraph per line, every line does."""
        paragraphs = self.document.paragraphs
        gaps = [
            self.text[a.end : b.start] for a, b in zip(paragraphs, paragraphs[1:], strict=False)
        ]
        soft = [gap.count("\n") < 2 for gap in gaps]
        merge = sum(soft) < SOFT_BREAK_SHARE * max(1, len(gaps))
        breaks = set(self.breaks)
        units: list[Span] = []
        unit_of: list[int] = []
        for index, para in enumerate(paragraphs):
            joins = (
                merge
                and index
                and soft[index - 1]
                and para.start not in breaks
                and not self.document.in_note(para.start)
            )
            if joins:
                units[-1] = Span(units[-1].start, para.end)
            else:
                units.append(para)
            unit_of.append(len(units) - 1)
        return units, unit_of

    def in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quotes[i].end

    def _lines(self) -> list[Line]:
        lines: list[Line] = []
        units = [self.unit_of[q.paragraph] for q in self.quotes]
        for index, quote in enumerate(self.quotes):
            unit = units[index]
            para = self.units[unit]
            prev = self.quotes[index - 1] if index else None
            first = prev is None or units[index - 1] != unit
            before = (para.start if first else prev.end, quote.start)
            last = index + 1 == len(self.quotes) or units[index + 1] != unit
            after = (quote.end, para.end if last else self.quotes[index + 1].start)
            line = Line(quote, index, unit, before, after, first, False)
            line.continues = (
                first and prev is not None and self._continues(unit, quote, prev, units[index - 1])
            )
            line.addressee = self.vocative(quote)
            # `"What name?" / "Hallam."`: the name the reply opens on is its speaker's own
            own = self.name_given(quote, prev) if first and prev and line.addressee else None
            if own:
                line.notes["own_name"], line.addressee = own, None
            lines.append(line)
        return lines

    def _continues(self, unit: int, quote: Quote, previous: Quote, previous_unit: int) -> bool:
        """`quote` opens its paragraph right after a paragraph whose last quote was left open:
        one speech over several paragraphs (Gutenberg style)."""
        if previous_unit != unit - 1:
            return False
        opening = self.text[self.units[unit].start : quote.start]
        if opening.strip(" \t\n\"'“”‘’„‚—―") != "":
            return False
        if DASHES & set(opening) and not QUOTE_MARKS & set(opening):
            # `— Narrow. / — Narrow like a street?`: a dash line has no closing mark to leave
            # open; each dash paragraph is a new turn.
            return False
        return self.text[previous.end : self.units[previous_unit].end].strip() == ""

    # --- tokens -------------------------------------------------------------------------

    def tokens(
        self, start: int, end: int, clause: bool = False, limit: int | None = None
    ) -> list[Token]:
        """Words and punctuation of text[start:end], cast mentions merged into one token.
        With `clause`, only the first sentence or clause (CLAUSE_ENDS), read no further: a
        tag's window of SCAN_CHARS mostly lies past the clause's end. With `limit`, only the
        first `limit` tokens (a sentence's opening words, where its subject is read)."""
        text, mention_at = self.text, self.mention_at
        result: list[Token] = []
        append = result.append
        skip_until = start
        for match in TOKEN_RE.finditer(text, start, end):
            at, stop = match.span()
            if at < skip_until:
                continue
            mention = mention_at.get(at)
            if mention is not None:
                tail = text[mention.end : mention.end + 2]
                possessive = tail in ("'s", "’s")
                append(
                    Token(
                        text[mention.start : mention.end],
                        mention.start,
                        mention.end,
                        mention.character,
                        possessive,
                    )
                )
                skip_until = mention.end + (2 if possessive else 0)
                if len(result) == limit:
                    break
                continue
            word = match.group()
            if clause:
                if not result and word in CLAUSE_OPENERS:
                    continue
                if word in CLAUSE_ENDS:
                    break
            append(Token(word, at, stop))
            if len(result) == limit:
                break
        return result

    def clause_after(self, start: int, end: int) -> list[Token]:
        """The clause right after a quote; tag_after and beat_after both read it."""
        key = (start, end)
        cached = self._clause_cache
        if cached is None or cached[0] != key:
            cached = self._clause_cache = (
                key,
                self.tokens(start, min(end, start + SCAN_CHARS), True),
            )
        return cached[1]

    # --- vocatives ----------------------------------------------------------------------

    def vocative(self, quote: Quote) -> str | None:
        """The character a quote is addressed to by name ("Gaara?", "Well, Emma, ..."): the
        first it calls, or the last one opening a sentence of its own."""
        i = bisect.bisect_left(self.inside_starts, quote.start)
        called = None
        while i < len(self.inside) and self.inside[i].start < quote.end:
            mention = self.inside[i]
            i += 1
            # `"Hastings. Your coat. Miss Lemon, please telephone for a taxi."`: a later
            # sentence opening on another call turns to the one who answers (the last call
            # whatever its place: PDNC check -2, LitBank check -2).
            if _called(self.text, quote, mention) and (
                called is None or _opens_sentence(self.text, quote, mention)
            ):
                called = mention.character
        return called

    def name_given(self, quote: Quote, previous: Quote) -> str | None:
        """`"And you are?" / "Hallam. I wrote to you."`: a reply opening on a name right after
        a question asking the other's name gives the speaker's own name; it calls no one."""
        if not ASKS_OWN_NAME_RE.search(previous.text[-40:]) or KNOWN_BY_VOICE_RE.search(quote.text):
            return None
        mention = self.mention_at.get(quote.start)
        if mention is None:
            return None
        # `"Who is it?" Maya called. / "Maya, open up, it's me."`: the name of one the
        # question's paragraph tells of (its asker) calls the asker
        asked_from = self.text.rfind("\n", 0, previous.start) + 1
        if any(
            m.character == mention.character for m in self.mentions_outside(asked_from, quote.start)
        ):
            return None
        return mention.character

    def self_named(self, quote: Quote) -> str | None:
        """The character a quote introduces as its speaker (`"I'm Ted."`, `"My name is Kit"`,
        `"Call me Ishmael"`): the cast's character for the name, not its possessive (`I'm
        Ted's sister`)."""
        for match in SELF_NAMED_RE.finditer(self.text, quote.start, quote.end):
            mention = self.mention_at.get(match.start(1))
            if mention is None or self.text[mention.end : mention.end + 1] in ("'", "’"):
                continue
            return mention.character
        return None

    def addressed_gender(self, quote: Quote) -> str | None:
        """The gender of the one a quote addresses by a title (`"Yes, sir."`, `"Papa!"`)."""
        match = TITLE_VOCATIVE_RE.search(self.text, quote.start, quote.end)
        return ADDRESS_GENDER[match.group(1).lower().replace("’", "'")] if match else None

    def kin_vocative(self, quote: Quote) -> str | None:
        """The parent a quote calls by kinship (`my dear papa`): `papa`, `mother`..."""
        match = KIN_VOCATIVE_RE.search(self.text, quote.start, quote.end)
        return match.group(1).lower() if match else None

    # --- tags ---------------------------------------------------------------------------

    def tag_after(self, line: Line) -> Tag | None:
        """`"...," said Emma` / `Naruto replied` / `he asked` / `was all Naruto said` /
        `came Naruto's voice` right after the quote."""
        start, end = line.after
        tokens = self.clause_after(start, end)
        for v, token in enumerate(tokens[:TAG_WINDOW]):
            if token.character is not None:
                continue  # a name is no verb
            lower = token.lower
            if lower == "voice" and v:
                subject = self._subject_at(tokens, v - 1, possessive=True)
                if subject:
                    return Tag(subject, "voice", "after")
            if (
                lower in SPEECH_VERBS
                or lower in TAG_ONLY_VERBS
                or narrator_present_verb(tokens, v, self.pronoun_gender)
            ):
                if _reports(tokens, v):
                    return None
                subject = self._subject_before(tokens, v) or self._subject_after(tokens, v)
                if subject:
                    # Someone the tag clause names besides its subject is spoken to, not speaking.
                    line.notes["not"] = {
                        t.character for t in tokens if t.character and t.start != subject.position
                    }
                    found = listener_after(tokens, v, self.pronoun_gender)
                    listener = Subject("pronoun", *found) if found else None
                    return Tag(subject, token.lower, "after", listener)
                return None
        return None

    def leads_in(self, line: Line) -> bool:
        """Whether the narration before the quote ends on a speech verb and a comma or colon
        (`the White Rabbit cried out, "`, `said to her:`)."""
        start, end = line.before
        segment = self.text[start:end].rstrip(" \t\n\"'“”‘’")
        return len(segment) > 1 and segment[-1] in ",:" and _ends_with_speech_verb(segment[:-1])

    def tag_before(self, line: Line) -> Tag | None:
        """`Naruto said, "...` / `Then he turned to her and said: "...`. The subject right before
        the verb (`When Sissy knocked, he said,`) wins over the sentence's first one."""
        start, end = line.before
        segment = self.text[start:end].rstrip(" \t\n\"'“”‘’")
        if not segment or (segment[-1] not in ",:—-" and not _ends_with_speech_verb(segment)):
            return None
        segment_end = start + len(segment)
        sentence_start = _last_sentence_start(
            self.text, max(start, segment_end - SCAN_CHARS), segment_end
        )
        tokens = self.tokens(sentence_start, segment_end)
        verbs = [
            i for i, t in enumerate(tokens) if t.character is None and _finite_tag_verb(t.lower)
        ]
        verbs = verbs or _participle_verbs(tokens)
        if not verbs:
            return None
        verb = verbs[-1]
        subject = (
            self._adjacent_subject(tokens, verb)
            or self._subject_before(tokens, verb)
            or self._clause_subject(tokens, verb)
            or self._clause_opening_subject(tokens, verb)
            or self._first_subject(tokens[:verb])
            or self._subject_after(tokens, verb)
        )
        return Tag(subject, tokens[verb].lower, "before") if subject else None

    def _clause_subject(self, tokens: list[Token], verb: int) -> Subject | None:
        """The subject of the clause a speech verb ends, read back from the verb when words
        stand between them: `Emma could not help saying,`, `she very innocently said,`,
        `Mrs. Bennet followed her, saying,`, `she, in whose mind ..., hastily exclaimed,`;
        a relative's noun (`the White Rabbit, who said in a low voice,`). None (the
        sentence's first subject decides, as before) when the verb is joined to an earlier
        one by `and` (`the Rabbit noticed Alice, as she went hunting about, and called out`),
        across a colon, semicolon or dash, or when `it` or `they` is the subject. A name
        after a verb or a preposition (`turned to Harriet, saying`) is an object, and a
        subject after `as`, `while`, `which` (`where Anne was standing at her window, said`)
        one of a clause inside the sentence, unless the verb is a participle that clause
        ends on (`when Mr. Knightley startled her, by saying,`)."""
        participle = tokens[verb].lower.endswith("ing")
        for k in range(verb - 1, max(-1, verb - 1 - CLAUSE_WORDS), -1):
            token = tokens[k]
            lower = token.lower
            if token.text in CLAUSE_STOPS or lower in COORDINATORS or lower in ("they", "we"):
                return None
            if lower == "it" and (k + 1 == verb or tokens[k + 1].text[0].isalpha()):
                return None  # `and it said`: not a person (`took it up, saying`: an object)
            if lower == "who":
                j = k - 1 if k and tokens[k - 1].text != "," else k - 2
                return self._subject_at(tokens, j) if j >= 0 else None
            if lower not in ("he", "she", "i") and (not token.character or token.possessive):
                continue
            lead = tokens[k - 1] if k else None
            if lead is not None and lead.lower in SUBORDINATORS and not participle:
                continue
            if lower in ("he", "she", "i"):
                return self._subject_at(tokens, k)
            if lead is None or not lead.text[0].isalpha() or lead.lower in CLAUSE_LEADS:
                return Subject("name", token.character, token.start)
        return None

    def _clause_opening_subject(self, tokens: list[Token], verb: int) -> Subject | None:
        """`said the King; and the White Rabbit blew three blasts on the trumpet, and called
        out,`: the subject opening the clause after the last semicolon before the verb (after
        `and`, `but` or `then`), not the sentence's first one."""
        stops = [k for k in range(verb) if tokens[k].text == ";"]
        if not stops:
            return None
        k = stops[-1] + 1
        while k < verb and tokens[k].lower in ("and", "but", "then"):
            k += 1
        for j in range(k, min(verb - 1, k + 3)):
            subject = self._subject_word(tokens, j)
            if subject is not None:
                # its own verb next (`the White Rabbit blew`), not `Elizabeth at that instant
                # moving towards them, he ...` nor `while he was coming round` (a clause the
                # main subject follows), nor one who hears another `say`, nor an owner
                # (`Oswin's porter muttered`)
                after = tokens[j + 1].text
                verb_next = after.isalpha() and after.islower() and not after.endswith("ing")
                inner = tokens[j - 1].lower in SUBORDINATORS or tokens[j - 1].text == ","
                keep = verb_next and after not in PREPOSITIONS and not inner
                keep = keep and not tokens[j].possessive and not _perceives(tokens, j + 1, verb)
                return subject if keep else None
        return None

    def _adjacent_subject(self, tokens: list[Token], verb: int) -> Subject | None:
        """`she heard Harriet say` / `hear him say`: the name right before the verb."""
        if verb == 0:
            return None
        token = tokens[verb - 1]
        if token.character:
            return Subject("name", token.character, token.start)
        if token.lower in ("him", "her") and verb >= 2 and tokens[verb - 2].character is None:
            return Subject("pronoun", "male" if token.lower == "him" else "female", token.start)
        return None

    def beat_before(self, line: Line) -> Subject | None:
        """The subject of the narration sentence just before the quote, same paragraph."""
        start, end = line.before
        segment_end = start + len(self.text[start:end].rstrip(" \t\n\"'“”‘’"))
        if segment_end <= start:
            return None
        floor = max(start, segment_end - SCAN_CHARS)
        end = segment_end
        # `Whitlock put the flask down. His hands were trembling. 'He came ...'`: a last
        # sentence with no one as its subject leaves the beat to the sentence before.
        for _ in range(BEAT_SENTENCES):
            sentence_start = _last_sentence_start(self.text, floor, end)
            opening = self.tokens(sentence_start, min(end, sentence_start + 80))
            subject = self._first_subject(opening[:MAIN_CLAUSE_WORDS], reach=6)
            if subject is not None and end > sentence_start + 80 and _inner(opening, subject):
                # a subordinate clause opens the sentence: its main clause is read further on
                opening = self.tokens(sentence_start, min(end, sentence_start + BEAT_OPENING))
                inner = self._first_subject(opening[:MAIN_CLAUSE_WORDS], reach=6)
                subject = self._main_after_comma(opening, inner) if inner else inner
            if subject is not None:
                if self._reported(opening, subject):
                    line.notes["told"] = subject
                    return None
                if HEARING_RE.search(self.text, subject.position, end) and (
                    self._hears(opening, subject, end)
                    or self._hears(self.tokens(max(subject.position, end - 120), end), subject, end)
                ):
                    return None
                return subject
            if sentence_start <= floor:
                # The narration's first sentence, a possessive opening (`His hands were
                # shaking. "..."`, `My voice cracked.`): its owner.
                value = possessive_opening(opening, self.possessive_gender)
                return Subject("pronoun", value, opening[0].start) if value else None
            end = sentence_start - 1
        return None

    def _main_after_comma(self, opening: list[Token], inner: Subject) -> Subject:
        """`Later, when Mina has gone to bed and the three of them sit around the table, Dev
        turns his glass`: a subordinate clause longer than MAIN_CLAUSE_WORDS still gives way
        to the name or he/she its comma opens the main clause with (only after a comma, so an
        object further on is never taken)."""
        if _inner(opening, inner):  # no main clause within MAIN_CLAUSE_WORDS
            k = MAIN_CLAUSE_WORDS
            while k < len(opening) and opening[k].text not in SENTENCE_END:
                if opening[k - 1].text == ",":
                    subject = self._subject_word(opening, k)
                    if subject is not None:
                        return subject
                k += 1
        return inner

    def _hears(self, tokens: list[Token], subject: Subject, end: int) -> bool:
        """`She heard her voice close to her ear. "You're thinking ..."`, `Alice heard it say
        to itself "Then ..."`: a beat whose subject hears a voice, or hears the very words
        the quote gives, is the listener's; the speaker is someone else. (`She heard a
        noise. "Who's there?"` is the listener's own line.)"""
        for k, token in enumerate(tokens):
            if token.start < subject.position or not self._same_one(token, subject):
                continue
            verb = k + 1
            while verb < len(tokens) and (
                tokens[verb].lower in AUXILIARIES
                or tokens[verb].lower in FILLERS
                or tokens[verb].lower.endswith("ly")
            ):
                verb += 1
            if verb >= len(tokens) or tokens[verb].lower not in HEARING_VERBS:
                continue
            rest = tokens[verb + 1 : verb + 1 + HEARD_WORDS]
            if any(t.lower in SPEECH_VERBS or t.lower in SPOKEN_NOUNS for t in rest):
                return True
            # the quote is the object of the verb, its sentence running into it
            if self.text[end - 1] not in ".!?" and len(tokens) - verb <= HEARD_WORDS:
                return True
        return False

    def _reported(self, tokens: list[Token], subject: Subject) -> bool:
        """`Elizabeth replied that it was. "Very well--and this offer ..."`: a beat reporting
        what its subject said is that one's turn, told; the quote after it answers."""
        k = next((i for i, t in enumerate(tokens) if t.start == subject.position), None)
        if k is None or k + 1 >= len(tokens) or tokens[k + 1].lower not in SPEECH_VERBS:
            return False
        return _reports(tokens, k + 1)

    def _same_one(self, token: Token, subject: Subject) -> bool:
        """Whether a word of the beat's sentence is its subject again (`She ... when she`)."""
        if subject.kind == "name":
            return token.character == subject.value
        return subject.kind == "pronoun" and self.pronoun_gender.get(token.lower) == subject.value

    def beat_after(self, line: Line) -> Subject | None:
        """`"Yosh!" Gai nodded firmly.`: a character acting right after the quote; or a pronoun
        (`"Out." He shrugged.`, `I shrugged.`, `"Fine," he shrugged.`), which the sieve resolves
        like a tag's."""
        start, end = line.after
        tokens = self.clause_after(start, end)
        opened = bool(tokens) and tokens[0].text in BEAT_OPENERS
        if opened:  # `"..." But she leaned into him.`: a pronoun after the opener only
            tokens = tokens[1:]
        if len(tokens) < 2 or not tokens[1].text.islower():
            return None
        first = tokens[0]
        if opened and first.text not in BEAT_PRONOUNS:
            return None
        if _silent([t.lower for t in tokens[1:5]]):
            # `"... an ill-tempered man." Wickham only shook his head.`: spoken to
            if first.character:
                line.notes.setdefault("not", set()).add(first.character)
            return None
        if owned := _owned_relative(tokens, 0):
            return owned
        if first.character:
            return Subject("name", first.character, first.start)
        # also after a comma: `"Fine," he shrugged.`, `"Whatever," you sigh.`
        if first.text in BEAT_PRONOUNS and first.lower in self.pronoun_gender:
            return Subject("pronoun", self.pronoun_gender[first.lower], first.start)
        return None

    def voice_in_next_paragraph(self, line: Line) -> Subject | None:
        """An isolated quote followed by `Kakashi's voice had been flat ...`."""
        paragraphs = self.units
        if line.paragraph + 1 >= len(paragraphs):
            return None
        para = paragraphs[line.paragraph + 1]
        return _possessed_voice(self.tokens(para.start, min(para.end, para.start + 80), limit=4))

    def voice_closing_paragraph_before(self, line: Line) -> Subject | None:
        """`... and Sam's voice came muffled through the wall.` closing the narration paragraph
        before a quote that opens its own: the one whose voice it is speaks it."""
        span = self.previous_paragraph(line)
        if span is None:
            return None
        start, end = span
        end = start + len(self.text[start:end].rstrip())
        if VOICE_WORD_RE.search(self.text, start, end + len("voice")) is None:
            return None  # most paragraphs: no voice to read (a mention ends before `end`)
        return _possessed_voice(self.tokens(_last_sentence_start(self.text, start, end), end))

    def antecedent(self, line: Line, gender: str) -> tuple[Subject, list[str]] | None:
        """Whom a pronoun tag's `he` or `she` continues, read back past sentences whose subject
        is that same pronoun or no one (at most ANTECEDENT_SENTENCES, in the quote's
        paragraph, then the narration paragraph before it): a description (`The old woman
        set down her cup. / "Not yet," she said.`), returned with the characters its paragraph
        names before it (whose epithet it may be: `Bram waded in. The boy was fifteen.`); or a
        name reached past at least one such sentence (`Tem looked from one to the other. Then,
        slowly, she smiled. / "My dad has a signal box," she said.`; the sentence right
        before is the beat rule's). None when another pronoun is the subject first."""
        read = 0
        for start, end in self._narration_before(line):
            end = start + len(self.text[start:end].rstrip(NARRATION_EDGE))
            while end > start and read < ANTECEDENT_SENTENCES:
                sentence = _last_sentence_start(self.text, max(start, end - SCAN_CHARS * 2), end)
                read += 1
                subject = self._sentence_subject(self.tokens(sentence, end, limit=8))
                if subject is not None and subject.kind == "name":
                    subject = self._last_clause_subject(sentence, end) or subject
                if subject is not None and subject.kind == "descriptor":
                    return subject, self._named_between(start, sentence)
                if subject is not None and subject.kind == "name" and read > 1:
                    return subject, []
                if subject is not None and (subject.kind, subject.value) != ("pronoun", gender):
                    return None
                if sentence <= start:
                    break
                end = sentence - 1
        return None

    def _last_clause_subject(self, start: int, end: int) -> Subject | None:
        """The name that opens a sentence's last coordinate clause (`Emma was silent; Harriet
        went on`, `Ann looked up, but Cat had already gone`): the one a pronoun after the
        sentence continues, rather than the sentence's first subject."""
        cuts = [m.end() for m in _COORDINATE_CLAUSE_RE.finditer(self.text, start, end)]
        if not cuts:
            return None
        later = self._sentence_subject(self.tokens(cuts[-1], end, limit=4))
        return later if later is not None and later.kind == "name" else None

    def _narration_before(self, line: Line) -> list[tuple[int, int]]:
        """The narration a pronoun tag's antecedent is read back in: the quote's paragraph
        before it (when it holds any words), then, for a quote opening its paragraph, the
        narration paragraph before."""
        spans = []
        if self.text[line.before[0] : line.before[1]].strip(NARRATION_EDGE):
            spans.append(line.before)
        if line.first_in_paragraph:
            previous = self.previous_paragraph(line)
            if previous is not None:
                spans.append(previous)
        return spans

    def _named_between(self, start: int, end: int) -> list[str]:
        i = bisect.bisect_left(self.outside_starts, start)
        j = bisect.bisect_left(self.outside_starts, end)
        return [mention.character for mention in self.outside[i:j]]

    def _sentence_subject(self, tokens: list[Token]) -> Subject | None:
        """A sentence's subject as `_first_subject` finds it, also when words stand between
        the determiner and the noun (`The old woman`, `A tall man`); a relative (`Her eldest
        daughter`) is none, left to the kin rule."""
        for k, token in enumerate(tokens):
            if token.text in SENTENCE_END:
                break
            if owned := _owned_relative(tokens, k):
                return owned
            if token.character:
                return Subject("name", token.character, token.start)
            if token.lower in ("he", "she", "i"):
                return Subject("pronoun", self.pronoun_gender[token.lower], token.start)
            gender = _noun_gender(token.lower)
            if gender and token.lower != "other":
                before = [t.lower for t in tokens[max(0, k - 3) : k]]
                if any(word in POSSESSIVE_DETERMINERS for word in before):
                    return None
                if any(word in DETERMINERS for word in before):
                    return _descriptor(tokens, k, gender)
        return None

    def subject_before(self, offset: int) -> Subject | None:
        """The subject of the last narration sentence before `offset` (this paragraph or the
        one before), when no quote stands between."""
        floor = max(self.scene_start(offset), offset - SCAN_CHARS * 2)
        i = bisect.bisect_left(self.quote_starts, offset) - 1
        if i >= 0:
            floor = max(floor, self.quotes[i].end + 1)
        end = len(self.text[floor:offset].rstrip(" \t\n\"'“”‘’")) + floor
        if end <= floor:
            return None
        start = _last_sentence_start(self.text, floor, end)
        return self._first_subject(self.tokens(start, end, limit=6))

    def previous_paragraph(self, line: Line) -> tuple[int, int] | None:
        """The narration paragraph right before a paragraph-opening quote (no quote in it)."""
        if not line.first_in_paragraph or line.paragraph == 0:
            return None
        if line.index and self.lines[line.index - 1].paragraph == line.paragraph - 1:
            return None
        para = self.units[line.paragraph - 1]
        if self.document.in_note(para.start) or para.start in self.break_set:
            return None
        return para.start, para.end

    def memory_nearby(self, line: Line) -> bool:
        """Whether the paragraphs around a quote speak of memory (remembered speech)."""
        paragraphs = self.units
        for index in (line.paragraph - 1, line.paragraph + 1):
            if 0 <= index < len(paragraphs):
                para = paragraphs[index]
                if any(
                    not self.in_quote(found.start())
                    for found in MEMORY_RE.finditer(self.text, para.start, para.end)
                ):
                    return True  # the narration's memory: `"I remember things!"` is a line
        return False

    def tag_previous_paragraph(self, line: Line) -> Tag | None:
        """`Mr. Bennet ... said in reply,` / `said to her--` closing the paragraph before."""
        span = self.previous_paragraph(line)
        if span is None:
            return None
        start, end = span
        segment = self.text[start:end].rstrip()
        if not segment or not segment.endswith((",", ":", "--", "—", "-")):
            return None
        fake = Line(
            line.quote,
            line.index,
            line.paragraph,
            (start, start + len(segment)),
            line.after,
            True,
            False,
        )
        return self.tag_before(fake)

    # --- noun phrases -------------------------------------------------------------------

    def _subject_before(self, tokens: list[Token], verb: int) -> Subject | None:
        k = verb - 1
        while (
            k >= 0
            and (
                tokens[k].lower in FILLERS
                or tokens[k].lower in AUXILIARIES
                or tokens[k].lower.endswith("ly")
            )
            and not tokens[k].character
        ):
            k -= 1
        return self._subject_at(tokens, k) if k >= 0 else None

    def _subject_after(self, tokens: list[Token], verb: int) -> Subject | None:
        k = verb + 1
        while (
            k < len(tokens)
            and (tokens[k].lower in FILLERS or tokens[k].lower.endswith("ly"))
            and not tokens[k].character
        ):
            k += 1
        if k >= len(tokens):
            return None
        token = tokens[k]
        if owned := _owned_relative(tokens, k):
            return owned
        if token.character:
            return Subject("name", token.character, token.start)
        if token.lower in self.pronoun_gender and token.lower not in ("they", "we"):
            return Subject("pronoun", self.pronoun_gender[token.lower], token.start)
        if token.lower in DETERMINERS:
            for j in range(k + 1, min(k + 5, len(tokens))):
                if tokens[j].character:
                    return Subject("name", tokens[j].character, tokens[j].start)
                gender = self._tag_noun_gender(tokens[j].lower)
                if gender:
                    return _descriptor(tokens, j, gender)
                if not tokens[j].text[0].isalpha():
                    break
            return None
        if token.text[0].isupper() and token.text not in ("I",):
            return Subject("unresolved", token.text, token.start)
        return None

    def _tag_noun_gender(self, word: str) -> str | None:
        """A tag's noun: its gender, else, when the sieve asks (`person_nouns`), `person` for
        one that gives none (`said the officer`)."""
        gender = _noun_gender(word)
        if gender is None and word in UNGENDERED_PERSON_NOUNS:
            self.person_noun_read = True
            if self.person_nouns:
                return "person"
        return gender

    def _subject_at(self, tokens: list[Token], k: int, possessive: bool = False) -> Subject | None:
        """The noun phrase ending at token k (a name, a pronoun, or `the old man`)."""
        token = tokens[k]
        if k and not possessive and (owned := _owned_relative(tokens, k - 1)):
            return owned
        if token.character:
            return Subject("name", token.character, token.start)
        lower = token.lower
        if possessive:
            if lower in self.possessive_gender:
                return Subject("pronoun", self.possessive_gender[lower], token.start)
            return None
        if lower in self.pronoun_gender and lower not in ("they", "we"):
            return Subject("pronoun", self.pronoun_gender[lower], token.start)
        gender = self._tag_noun_gender(lower)
        if gender and any(t.lower in DETERMINERS for t in tokens[max(0, k - 3) : k]):
            return _descriptor(tokens, k, gender)
        return None

    def _first_subject(self, tokens: list[Token], reach: int = 0) -> Subject | None:
        """The first name, pronoun or description of a sentence. With `reach`, one opening a
        clause inside the sentence (`When the Rabbit came near her, she began`, `replied
        another voice, which Margaret knew to be`) gives way to the main clause's subject
        within `reach` words; it is kept when there is none."""
        inner = None
        for k, token in enumerate(tokens):
            if token.text in SENTENCE_END or (inner is None and k >= reach > 0):
                break
            subject = self._subject_word(tokens, k)
            if subject is None:
                continue
            lead = tokens[k - 1].lower if k else ""
            if not reach or (inner is None and lead not in SUBORDINATORS):
                return subject
            if inner is None:
                inner = subject
            elif subject.kind == "pronoun" or lead in (",", ";"):
                # the main clause opens: a he or she, or a name after the inner clause's
                # comma (`When Ann came in, Cat rose`; not `smiled at Cat`, an object)
                return subject
        return inner

    def _subject_word(self, tokens: list[Token], k: int) -> Subject | None:
        token = tokens[k]
        if token.character:
            return Subject("name", token.character, token.start)
        if token.lower in ("he", "she", "i") or self.pronoun_gender.get(token.lower) in (
            "narrator",
            "reader",
        ):
            return Subject("pronoun", self.pronoun_gender[token.lower], token.start)
        gender = _noun_gender(token.lower)
        if gender and k and tokens[k - 1].lower in DETERMINERS:
            return _descriptor(tokens, k, gender)
        return None

    # --- recency ------------------------------------------------------------------------

    def scene_start(self, offset: int) -> int:
        i = bisect.bisect_right(self.breaks, offset) - 1
        return self.breaks[i] if i >= 0 else 0

    def mentions_inside(self, start: int, end: int):
        """Mentions inside quotes that begin between `start` and `end`, in order."""
        return _between(self.inside, self.inside_starts, start, end)

    def mentions_outside(self, start: int, end: int):
        """Mentions outside quotes that begin between `start` and `end`, in order."""
        return _between(self.outside, self.outside_starts, start, end)

    def recent_mentions(self, offset: int, limit: int = 40):
        """Mentions outside quotes before `offset`, most recent first, within the scene."""
        floor = self.scene_start(offset)
        i = bisect.bisect_left(self.outside_starts, offset) - 1
        count = 0
        while i >= 0 and count < limit:
            mention = self.outside[i]
            if mention.start < floor:
                return
            yield mention
            i -= 1
            count += 1

    def mentions_after(self, offset: int, limit: int):
        """Mentions outside quotes after `offset`, nearest first, within the scene."""
        i = bisect.bisect_left(self.outside_starts, offset)
        scene = self.scene_start(offset)
        for mention in self.outside[i : i + limit]:
            if self.scene_start(mention.start) != scene:
                return
            yield mention

    def most_named(self) -> list[str]:
        """Characters by how often the narration names them, most first."""
        # Asked again for every quote the last pass leaves open: counted once.
        if self._most_named is None:
            counts: dict[str, int] = {}
            for mention in self.outside:
                counts[mention.character] = counts.get(mention.character, 0) + 1
            self._most_named = sorted(counts, key=lambda name: -counts[name])
        return list(self._most_named)

    def is_subject(self, mention: Mention) -> bool:
        """False when a pronoun opens the mention's sentence before it (`he pulled Gaara`)."""
        prefix = self.sentence_before(mention)
        return PRONOUN_SUBJECT_RE.search(prefix) is None or bool(CLAUSE_OPENING_RE.search(prefix))

    def opened_by(self, mention: Mention, pronoun: str) -> bool:
        """Whether `pronoun` opens the mention's sentence (`She had cooked the ham, while
        Millie had only delayed the mustard`): that pronoun is someone else."""
        words = self.sentence_before(mention).split(None, 1)
        return bool(words) and words[0].lower() == pronoun

    def sentence_before(self, mention: Mention) -> str:
        """The words of the mention's sentence before it."""
        floor = max(mention.start - SCAN_CHARS, 0)
        i = bisect.bisect_left(self.quote_starts, mention.start) - 1
        if i >= 0:
            floor = max(floor, self.quotes[i].end + 1)
        prefix = self.text[floor : mention.start]
        cuts = [m.end() for m in BOUNDARY_RE.finditer(prefix)]
        if cuts:
            prefix = prefix[cuts[-1] :]
        return prefix.rsplit("\n\n", 1)[-1]

    def same_sentence(self, earlier: int, later: int) -> bool:
        return (
            BOUNDARY_RE.search(self.text, earlier, later) is None
            and "\n\n" not in self.text[earlier:later]
        )


def _reports(tokens: list[Token], verb: int) -> bool:
    """`"...at last?" Mr. Bennet replied that he had not.`: a speech verb before `that` and a
    clause reports what someone said next; it is no tag of the quote before."""
    after = [t.lower for t in tokens[verb + 1 : verb + 3]]
    return len(after) == 2 and after[0] == "that" and after[1] in REPORTED_SUBJECTS


def _finite_tag_verb(word: str) -> bool:
    """A speech verb a tag may hang on (`said`, `implored`)."""
    return word in SPEECH_VERBS or word in TAG_ONLY_VERBS


def _tag_verb_before(word: str) -> bool:
    """A speech verb of a tag before its quote: any form, or a participle (`by calling
    out,`), which after the quote would be a clause of its own."""
    return _finite_tag_verb(word) or word in SPEECH_PARTICIPLES


def _participle_verbs(tokens: list[Token]) -> list[int]:
    """Speech participles in a sentence with no other speech verb (`Emma took the
    opportunity of whispering,`; in `Mrs. Reynolds replied, that he was, adding,` the
    finite verb is the tag). Not a voice's (`to hear a plaintive voice calling,`): the
    voice is no one the sentence names."""
    return [
        i
        for i, t in enumerate(tokens)
        if t.character is None
        and t.lower in SPEECH_PARTICIPLES
        and not (i and tokens[i - 1].lower in ("voice", "voices"))
    ]


def _ends_with_speech_verb(segment: str) -> bool:
    """`the Dodo suddenly called out "The race is over!"`, `presented the thimble, saying "We
    beg..."`: narration running into the quote through its speech verb, with no comma."""
    if not segment[-1].isalpha():
        return False
    words = [w.lower() for w in segment.split()[-2:]]
    if _tag_verb_before(words[-1]):
        return True
    return len(words) == 2 and words[-1] in ("out", "aloud") and _tag_verb_before(words[0])


# Where a quote's tag clause ends: a dash opening the narration, as in em-dash dialogue
# `—Home —said Naruto.`, does not end it; one after a word does.
CLAUSE_OPENERS = frozenset(("—", "--", ","))
CLAUSE_ENDS = SENTENCE_END | {"—", "--"}


def _possessed_voice(tokens: list[Token]) -> Subject | None:
    """`Kakashi's voice`: the character whose voice the tokens name, if any."""
    for token, following in zip(tokens, tokens[1:], strict=False):
        if token.character and token.possessive and following.lower == "voice":
            return Subject("name", token.character, token.start)
    return None


def _last_sentence_start(text: str, start: int, end: int) -> int:
    last = start
    for match in BOUNDARY_RE.finditer(text, start, end):
        if match.end() < end:
            last = match.end()
    return last


# Enough of the words before a name for VOCATIVE_LEAD_RE's longest lead word and the mark
# before it, and more than any lead word, so a window's cut start is never its `^`.
VOCATIVE_LEAD_CHARS = 40
# After a name and its comma: a relative (`, who`), or an aside (`, I suppose,`) and then
# a verb of the third person, whose subject the name is (not a question's inverted verb:
# `Harriet, my dear, is it true?` calls Harriet).
SUBJECT_AFTER_NAME_RE = re.compile(
    r",\s*(?:(?:who|whose|which)\b|[A-Za-z][a-z]*(?:\s+[a-z]+){0,3},\s*"
    r"(?:is|was|has|had|does|did|will|would|can|could|must|shall|should|may|might|seems|seemed)\b"
    r"(?!\s+(?:not\s+)?(?:it|this|that|there|he|she|you|I|they|we)\b))"
)
SUBJECT_AFTER_NAME_CHARS = 60
NON_SPACE_RE = re.compile(r"\S")


def _opens_sentence(text: str, quote: Quote, mention: Mention) -> bool:
    """`"Hastings. Your coat. Miss Lemon, please ..."`: the name opens a sentence of its own."""
    before = text[max(quote.start, mention.start - 3) : mention.start].rstrip()
    return before[-1:] in (".", "!", "?")


def _called(text: str, quote: Quote, mention: Mention) -> bool:
    """The mention is set off as a call inside the quote: a call's opening (the quote's start,
    a mark, `Mr.` excepted, or a lead word such as `oh` or `well`) before it and a close
    after it. Reads only the words next to the name: a quote of a whole chapter holding
    thousands of names (an unclosed quotation mark) is read once, not once per name."""
    cut = mention.start  # the words before the name, without the spaces before it
    while cut > quote.start and text[cut - 1].isspace():
        cut -= 1
    last = text[cut - 1] if cut > quote.start else ""
    opens = (
        not last
        or last in ",!?…"
        or (last == "." and not text.endswith((" Mr.", " Mrs.", " Dr."), quote.start, cut))
        or VOCATIVE_LEAD_RE.search(text[max(quote.start, cut - VOCATIVE_LEAD_CHARS) : cut])
        is not None
    )
    first = NON_SPACE_RE.search(text, mention.end, quote.end)
    closes = (
        first is None
        or text[mention.end] in ",!?;"
        or text.startswith(("...", "…", "—", "--", ". "), mention.end, quote.end)
        # `"Goodnight, Walter."`: a name closing the quote after a comma (a quote that is
        # only a name may answer `Who's there?` as well as call someone)
        or (
            text[first.start()] == "."
            and NON_SPACE_RE.search(text, first.start() + 1, quote.end) is None
            and last == ","
        )
    )
    if not (opens and closes) or text.startswith(("'s", "’s"), mention.end, quote.end):
        return False
    # `"Mr. Martin, I suppose, is not a man of information"`, `"Jane, who never ..."`: the
    # name is what the sentence is about, not the one it calls.
    aside_end = min(quote.end, mention.end + SUBJECT_AFTER_NAME_CHARS)
    return SUBJECT_AFTER_NAME_RE.match(text, mention.end, aside_end) is None


def _inner(tokens: list[Token], subject: Subject) -> bool:
    """Whether the subject found opens a clause inside its sentence (`As Paul shook ...`)."""
    k = next((i for i, t in enumerate(tokens) if t.start == subject.position), 0)
    return k > 0 and tokens[k - 1].lower in SUBORDINATORS


def _silent(words: list[str]) -> bool:
    """Whether a beat's words after its subject say it answered nothing (`only shook his
    head`, `made no answer`, `said nothing`, `did not reply`, `was silent`): the one who
    keeps silent is the one the quote was said to, not its speaker."""
    if not words:
        return False
    if words[0] in SILENT_LEADS:
        return True
    if len(words) > 1 and words[0] in GIVING_VERBS and words[1] in ("no", "nothing"):
        return True
    if len(words) > 1 and words[0] in SILENT_VERBS and words[1] == "silent":
        return True
    negated = words[1:3] if words[0] in ("did", "could", "would") else words[:2]
    return (
        len(negated) == 2
        and negated[0] in ("not", "didn't", "couldn't", "wouldn't", "didn’t", "couldn’t")
        and negated[1] in ANSWER_VERBS
    )


def _owned_relative(tokens: list[Token], k: int) -> Subject | None:
    """`"Freight!" Astrid's mother said.` (token k the possessive name): the relative, owned
    by that name, never the name's own line."""
    if k + 1 >= len(tokens):
        return None
    token, noun = tokens[k], tokens[k + 1].lower
    if not (token.character and token.possessive and noun in KIN_NOUNS):
        return None
    gender = KIN_NOUNS[noun][0]
    return Subject("descriptor", gender, token.start, noun, None, token.character)


def _descriptor(tokens: list[Token], k: int, gender: str) -> Subject:
    """`the old man` / `her mother`: a description, with the relative it names, if any."""
    token = tokens[k]
    subject = Subject("descriptor", gender, token.start)
    before = tokens[k - 1].lower if k else ""
    if token.lower in KIN_NOUNS and before in POSSESSIVE_GENDER:
        subject.kin, subject.possessor = token.lower, POSSESSIVE_GENDER[before]
    return subject


def _noun_gender(word: str) -> str | None:
    if word in KIN_NOUNS:
        return KIN_NOUNS[word][0]
    if word in MALE_NOUNS:
        return "male"
    if word in FEMALE_NOUNS:
        return "female"
    if word in OTHER_NOUNS:
        return "other"
    return None


def _perceives(tokens: list[Token], start: int, verb: int) -> bool:
    """`Oswin overheard the porter mutter`: a perception verb between a clause's subject and
    the speech verb makes the subject the listener; not across a coordinator (`Tamsin saw the
    flag fall, and called out`, where Tamsin speaks)."""
    seen = [k for k in range(start, verb) if tokens[k].lower in PERCEPTION_VERBS]
    return bool(seen) and not any(t.lower in COORDINATORS for t in tokens[seen[-1] + 1 : verb])


def _between(mentions: list, starts: list[int], start: int, end: int):
    """The `mentions` (in order, `starts` their offsets) that begin between `start` and `end`."""
    i = bisect.bisect_left(starts, start)
    while i < len(mentions) and mentions[i].start < end:
        yield mentions[i]
        i += 1
