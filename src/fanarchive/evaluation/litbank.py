"""LitBank (Bamman et al., CC BY 4.0) read as prose: quotations, speakers and every mention.

`load_litbank(folder)` reads `../shared/litbank` (see its README): for each work the
tokenised excerpt (one sentence a line, tokens separated by spaces) is detokenised into
prose as people write it (`Do n't` -> `Don't`, `“ Oh ! ”` -> `“Oh!”`) and every annotated
token span (quotations from `quotations/tsv/`, mentions from `coref/tsv/`) is mapped to
character offsets in that prose, so the analysis can run on the text and be scored against
the annotations.

LitBank keeps no paragraph breaks, only sentence lines. The prose keeps them as paragraph
hints: sentences are joined by a space inside a paragraph, and a blank line starts a new one.
The hints were learned from novels that keep their paragraphs (PDNC's tune novels, cut into
LitBank-like lines by `benchmarks/litbank_paragraphs.py`, which scores them), never from the
gold annotations. A new paragraph starts
- at a sentence that opens after one that closed a quotation (a new turn, or the narration
  after one; a single mark closing inside a double quotation still open ends no turn),
  unless it opens lowercase: a line opening lowercase never starts a paragraph
  (`“ What time is it ? ”` / `asked Dick .`: the tag the tokeniser split off after the `?`),
  nor does `I` and a speech verb there (`“ No ! ”` / `I shouted .`), a tag as well;
- at a quotation right after a sentence with no quotation mark (`She shook her head .` /
  `“ I do not . ”`), unless that sentence is such a split-off tag (the speaker goes on:
  `“ Is it late ? ”` / `asked Dick .` / `“ I must go . ”`);
- at a quotation whose own speech tag follows it (`“B!” sighed Meg`, also when the tag was
  split off onto the next line), and at one opening with an answer (`“ Yes …`, `“ No …`)
  after a quotation that asked a question;
- at a dialogue dash, and after a line that is a heading (all capitals).

The split used throughout `fanarchive evaluate`: works with an even Gutenberg id are the
*tune* side (rules and weights may be fitted on them), odd ids the *check* side (only its
aggregate figures may be looked at).
"""

from __future__ import annotations

import bisect
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from fanarchive.analysis.characters import Cast, detect_cast
from fanarchive.analysis.errors import AnalysisError
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import attribute_speakers
from fanarchive.analysis.speakers.lexicon import REACTION_VERBS, SPEECH_VERBS
from fanarchive.evaluation.scoring import (
    CHECK,
    TUNE,
    GoldQuote,
    Score,
    normalise_name,
    score_quotes,
    side_by_side,
    sides_json,
)

QUOTATIONS_DIR = Path("quotations") / "tsv"
COREF_DIR = Path("coref") / "tsv"

# Tokens written against the token before them (clitics, closing punctuation).
CLITICS = frozenset(
    f"{apostrophe}{ending}"
    for apostrophe in "'’"
    for ending in ("s", "S", "ll", "LL", "ve", "VE", "m", "M", "d", "D", "re", "RE")
) | frozenset({"n't", "n’t", "N'T", "N’T"})
CLOSING = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "”", "’", "’”", "%", "...", "…"})
OPENING = frozenset({"(", "[", "{", "“", "‘", "“‘", "$", "#"})
DASHES = frozenset({"-", "--", "---", "----", "—", "–"})  # all but — are written closed up
TOGGLING = frozenset({'"', "'", "_"})  # the same mark opens and closes
OPENING_QUOTES = ("“", "‘", '"', "'", "«")
CLOSING_QUOTES = ("”", "’", '"', "'", "»")
DIALOGUE_DASHES = ("—", "―", "--")
TAG_VERBS = SPEECH_VERBS | REACTION_VERBS
ANSWER_WORDS = frozenset({"yes", "no", "not", "nay", "aye", "yeah", "oh", "well"})
# Verbs that tag a question put to someone (`“Where?” asked Dick.`), unlike `said`, `cried`.
ASKING_VERBS = frozenset({"asked", "inquired", "enquired", "demanded", "queried", "questioned"})
DOUBLE_MARKS = ('"', "“", "”")  # the marks of a double-quoted quotation, opening or closing
TAG_REACH = 3  # words after the closing mark where a tag's verb stands (`said he`, `Jo added`)
SENTENCE_PUNCTUATION = frozenset({",", ".", ";", ":", "!", "?", "...", "--", "—"})
FILE_RE = re.compile(r"^(\d+)_(.+)_brat$")


@dataclass(frozen=True)
class LitbankMention:
    """A mention from coref/: character span in the prose, its entity (None when the
    annotation links it to no entity), type (PER, FAC, GPE, LOC, VEH, ORG) and form (PROP: a
    name, NOM: a common noun phrase, PRON: a pronoun)."""

    id: str
    start: int
    end: int
    text: str
    entity: str | None
    type: str
    form: str


@dataclass(frozen=True)
class LitbankQuotation:
    """A quotation from quotations/: character span in the prose, its gold speaker (a coref
    entity id such as `Mr_Bennet-0`) and that speaker's names (its PROP mentions)."""

    id: str
    start: int
    end: int
    text: str
    speaker: str | None
    aliases: tuple[str, ...] = ()


@dataclass
class LitbankWork:
    gutenberg_id: int
    title: str
    name: str  # the file stem, e.g. `1342_pride_and_prejudice_brat`
    text: str
    quotations: list[LitbankQuotation] = field(default_factory=list)
    mentions: list[LitbankMention] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # the tokenised lines

    @property
    def side(self) -> str:
        return TUNE if self.gutenberg_id % 2 == 0 else CHECK

    def entity_mentions(self, entity: str) -> list[LitbankMention]:
        return [m for m in self.mentions if m.entity == entity]

    def entity_names(self, entity: str) -> tuple[str, ...]:
        """The entity's PROP mentions, most frequent first: its names and aliases."""
        counts = Counter(m.text for m in self.mentions if m.entity == entity and m.form == "PROP")
        return tuple(name for name, _ in counts.most_common())

    def entity_type(self, entity: str) -> str | None:
        """The entity's most frequent mention type (PER for a person)."""
        counts = Counter(m.type for m in self.mentions if m.entity == entity)
        return counts.most_common(1)[0][0] if counts else None


TokenSpan = tuple[int, int, int, int]  # start sentence, start token, end sentence, end token


@dataclass
class Prose:
    """Detokenised text with each token's character span, `offsets[sentence][token]`."""

    text: str
    offsets: list[list[tuple[int, int]]]

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """Character span of each tokenised line (empty lines left out)."""
        return [(tokens[0][0], tokens[-1][1]) for tokens in self.offsets if tokens]

    def span(self, token_span: TokenSpan) -> tuple[int, int]:
        """Character span of an inclusive token span."""
        first_sentence, first_token, last_sentence, last_token = token_span
        try:
            start = self.offsets[first_sentence][first_token][0]
            end = self.offsets[last_sentence][last_token][1]
        except IndexError:
            raise ValueError(f"token span {token_span} is outside the text") from None
        if end < start:
            raise ValueError(f"token span {token_span} ends before it starts")
        return start, end


def detokenise(lines: list[str]) -> Prose:
    """Prose from tokenised sentence lines, with the character span of every token."""
    sentences = [line.split() for line in lines]
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    length = 0
    quote_state = {mark: False for mark in TOGGLING}  # is this mark's quotation open?
    quote_state["“"] = False  # and a curly double quotation's?
    previous_tokens: list[str] = []
    earlier_tokens: list[str] = []
    for number, tokens in enumerate(sentences):
        spans: list[tuple[int, int]] = []
        if not tokens:
            offsets.append(spans)
            continue
        if parts:
            following = sentences[number + 1] if number + 1 < len(sentences) else []
            speech_open = quote_state['"'] or quote_state["“"]
            separator = _separator(earlier_tokens, previous_tokens, tokens, following, speech_open)
            parts.append(separator)
            length += len(separator)
        # The token before closed a quotation right after a dash: a speech cut off (`“… with a
        # swell rig--” “And, oh, mamma!”`). The quotation straight after it is someone else's
        # interruption, a paragraph of its own in print (never one paragraph in PDNC's
        # novels), though LitBank's tokeniser left both in one sentence.
        cut_off = False
        for index, token in enumerate(tokens):
            before = tokens[index - 1] if index else None
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            space = _space_before(token, before, after, quote_state)
            if index and space:
                # `He intoned: — Introibo`: a dialogue dash after a colon starts a line.
                dash_line = token in DIALOGUE_DASHES[:2] and before == ":"
                gap = "\n\n" if dash_line or (cut_off and _opening(token, quote_state)) else " "
                parts.append(gap)
                length += len(gap)
            if token in ("“", "”"):
                quote_state["“"] = token == "“"
            cut_off = _closing(token, quote_state) and before in DASHES
            parts.append(token)
            spans.append((length, length + len(token)))
            length += len(token)
        offsets.append(spans)
        earlier_tokens, previous_tokens = previous_tokens, tokens
    return Prose("".join(parts), offsets)


def _opening(token: str, state: dict[str, bool]) -> bool:
    """Whether `token`, just read, opened a quotation."""
    return token in ("“", "‘") or (token in ('"', "'") and state[token])


def _closing(token: str, state: dict[str, bool]) -> bool:
    """Whether `token`, just read, closed a quotation (a toggling mark closes when `state`
    says it is no longer open)."""
    return token in ("”", "’") or (token in ('"', "'") and not state[token])


def _space_before(
    token: str, before: str | None, after: str | None, state: dict[str, bool]
) -> bool:
    """Whether a space separates `token` from the token before it on the same line (`before`
    is None for a sentence's first token). Updates `state` when `token` is a mark that both
    opens and closes (" ' _)."""
    if token in TOGGLING:
        opens = _opens(token, before, after, state)
        state[token] = opens
        return opens and before is not None and not _joins_next(before)
    if before is None:
        return False
    if before in TOGGLING and state.get(before):
        return False  # right after an opening " ' _
    if _joins_next(before):
        return False
    if token in CLITICS or token in CLOSING:
        return False
    if token.lower() == "na" and before.lower() in {"gon", "wan"}:
        return False  # `gon na` was `gonna`
    return not (token in DASHES and token != "—" and before not in DASHES)


def _joins_next(before: str) -> bool:
    """Tokens the next token is written against: opening brackets and quotes, `--`."""
    return before in OPENING or (before in DASHES and before != "—")


def _opens(token: str, before: str | None, after: str | None, state: dict[str, bool]) -> bool:
    if before is None:
        return True  # a mark opening a sentence opens a quotation
    if after is None:
        return False  # a mark ending a sentence closes one
    if token == "'" and not state[token] and before[-1:] in "sS" and after[:1].isalpha():
        return False  # the boys ' hats: a plural possessive, not a quotation
    if before in SENTENCE_PUNCTUATION and state[token]:
        return False
    return not state[token]


def _separator(
    earlier: list[str],
    previous: list[str],
    tokens: list[str],
    following: list[str],
    speech_open: bool = False,
) -> str:
    if _new_paragraph(earlier, previous, tokens, following, speech_open):
        return "\n\n"
    # `--` joins what it follows (`Taylor!--I wish`), as closing marks do.
    first = tokens[0]
    joined = (first in DASHES and first != "—") or first in CLOSING or first in CLITICS
    return "" if joined else " "


def _new_paragraph(
    earlier: list[str],
    previous: list[str],
    tokens: list[str],
    following: list[str],
    speech_open: bool = False,
) -> bool:
    """A paragraph hint before `tokens` (see the module docstring), from the two sentences
    before it (`earlier`, `previous`), the one after it (`following`) and whether a double
    quotation is still open after `previous` (`speech_open`)."""
    first = tokens[0]
    if first[:1].islower() or _i_tag(previous, tokens):
        return False  # `asked Dick .`, `I said .`, `and then …`: the sentence before goes on
    if first.startswith(DIALOGUE_DASHES[:2]) or _is_heading(previous):
        return True
    closed = _closes_turn(previous, speech_open)
    if not first.startswith(OPENING_QUOTES):
        # narration after a turn: `“No.”` / `They made camp.`
        after_tag = _tag_ends_turn(previous) or _split_tag_ends_turn(earlier, previous)
        return closed or (_narration(tokens) and after_tag)
    return (
        closed
        or _tagged_quote(tokens)
        or (_only_a_quote(tokens) and _tag_opens(following))
        or (_narration(previous) and not _split_tag(earlier, previous))
        or (_answers(tokens) and _asked(earlier + previous))
        or (_put_a_question(earlier, previous) and "?" not in tokens)
    )


def _closes_turn(previous: list[str], speech_open: bool) -> bool:
    """Whether `previous` ends on a closed quotation: not a single mark closing inside a
    double quotation still open (`" And she said , ' Do come . '` / `She meant it .` goes on
    with the same speaker)."""
    nested = speech_open and previous[-1] in ("'", "’")
    return previous[-1].endswith(CLOSING_QUOTES) and not nested


def _tag_ends_turn(tokens: list[str]) -> bool:
    """`“ No , ” said Jo .`: one quotation, closed, and narration after it to the end of the
    sentence (its tag). A narration sentence after it mostly starts a paragraph, as one
    after a bare closed quotation does."""
    marks = [i for i, t in enumerate(tokens) if t in DOUBLE_MARKS]
    return len(marks) == 2 and marks[0] == 0 and marks[1] < len(tokens) - 1


def _split_tag_ends_turn(before: list[str], tokens: list[str]) -> bool:
    """`“ Is it far ? ”` / `asked Dick .`: a tag split off a sentence that is one quotation,
    so a narration sentence after it follows a tagged turn (`_tag_ends_turn`)."""
    marks = [t for t in before if t in DOUBLE_MARKS]
    return len(marks) == 2 and _split_tag(before, tokens) and _narration(tokens)


def _narration(tokens: list[str]) -> bool:
    """A sentence with no quotation mark: a quotation after it mostly opens a paragraph
    (`She shook her head.` / `“I do not.”`), unless it is a quotation's split-off tag."""
    return not any(t in OPENING_QUOTES or t in CLOSING_QUOTES for t in tokens)


def _split_tag(before: list[str], tokens: list[str]) -> bool:
    """`“ What time is it ? ”` / `asked Dick .`: a lowercase sentence right after a closed
    quotation, the tag the tokeniser split off it. The quotation after it mostly goes on
    in the same paragraph (the speaker adds to what they said)."""
    if _i_tag(before, tokens):
        return True  # `I said .`
    lowercase = tokens[0][:1].islower()
    return bool(before) and before[-1].endswith(CLOSING_QUOTES) and lowercase


def _i_tag(before: list[str], tokens: list[str]) -> bool:
    """`“ No ! ”` / `I shouted .`: a first-person tag the tokeniser split off after `!` or
    `?`, written capitalised as `I` always is, so as much a tag as `he shouted`."""
    split = len(before) > 1 and before[-1] in CLOSING_QUOTES and before[-2] in {"!", "?"}
    return split and len(tokens) > 1 and tokens[0] == "I" and tokens[1].lower() in TAG_VERBS


def _answers(tokens: list[str]) -> bool:
    """`“ Yes …`, `“ No …`, `“ Oh …`: a quotation opening with an answer."""
    return len(tokens) > 1 and tokens[1].lower() in ANSWER_WORDS


def _last_close(tokens: list[str]) -> int | None:
    """The index of the last closing mark in `tokens` (not a first token), or None."""
    closes = [i for i, t in enumerate(tokens) if i and t in CLOSING_QUOTES]
    return closes[-1] if closes else None


def _asked(tokens: list[str]) -> bool:
    """Whether the last quotation in `tokens` ends on a question mark (`“ Are you cold ? ”`):
    a quotation opening with an answer after it is the other speaker's turn."""
    close = _last_close(tokens)
    return close is not None and tokens[close - 1] == "?"


def _put_a_question(before: list[str], tokens: list[str]) -> bool:
    """`“ What time is it ? ” asked Dick .`, its tag on the quotation's line or split off
    onto its own (`asked Dick .` after the quotation): a question put to someone. A quotation
    after it that asks nothing is mostly the other one's answer (`“ Seven o'clock . ”`:
    22 of 38 on PDNC's tune novels), while after `said`, `cried` the asker mostly goes on."""
    if _split_tag(before, tokens):
        return _asked(before) and _asking_verb(tokens[:TAG_REACH])
    if not _asked(tokens):
        return False
    close = _last_close(tokens)
    return _asking_verb(tokens[close + 1 : close + 1 + TAG_REACH])


def _asking_verb(words: list[str]) -> bool:
    return any(word.lower() in ASKING_VERBS for word in words)


def _only_a_quote(tokens: list[str]) -> bool:
    """`“ It 's so dreadful to be poor ! ”`: a sentence that is one quotation, closed."""
    return len(tokens) > 2 and tokens[-1] in CLOSING_QUOTES


def _tag_opens(tokens: list[str]) -> bool:
    """`sighed Meg , looking down …`: a sentence opening with a speech tag (its verb within
    TAG_REACH words), which the tokeniser split from the quotation it tags."""
    return (
        bool(tokens)
        and tokens[0][:1].islower()
        and any(t.lower() in TAG_VERBS for t in tokens[:TAG_REACH])
    )


def _tagged_quote(tokens: list[str]) -> bool:
    """A sentence opening with a quotation its own speech tag follows (`“B!” sighed Meg`):
    in printed dialogue a tagged speech after another sentence is nearly always a new turn,
    so its own paragraph (`“A,” grumbled Jo. “B!” sighed Meg.` is two)."""
    close = next((i for i, t in enumerate(tokens) if i and t in CLOSING_QUOTES), None)
    if close is None:
        return False
    return any(t.lower() in TAG_VERBS for t in tokens[close + 1 : close + 1 + TAG_REACH])


def _is_heading(tokens: list[str]) -> bool:
    words = [t for t in tokens if t[:1].isalpha()]
    return bool(words) and all(w.isupper() for w in words) and len(words) <= 8


def load_litbank(folder: str | Path) -> list[LitbankWork]:
    """Every work of a LitBank folder (one with `quotations/tsv/` and `coref/tsv/`), by
    Gutenberg id. Raises ValueError when the folder is not one."""
    root = Path(folder)
    quotation_dir = root / QUOTATIONS_DIR
    if not quotation_dir.is_dir() or not (root / COREF_DIR).is_dir():
        raise ValueError(f"{root}: not a LitBank folder (no {QUOTATIONS_DIR} and {COREF_DIR})")
    works = [load_work(root, path.stem) for path in sorted(quotation_dir.glob("*_brat.txt"))]
    if not works:
        raise ValueError(f"{root}: no LitBank works in {QUOTATIONS_DIR}")
    return sorted(works, key=lambda w: w.gutenberg_id)


def load_work(root: Path, name: str) -> LitbankWork:
    match = FILE_RE.match(name)
    if not match:
        raise ValueError(f"{name}: not a LitBank file name (<gutenberg id>_<title>_brat)")
    lines = _read_lines(root / QUOTATIONS_DIR / f"{name}.txt")
    prose = detokenise(lines)
    work = LitbankWork(
        gutenberg_id=int(match.group(1)),
        title=match.group(2).replace("_", " ").title(),
        name=name,
        text=prose.text,
        sentences=prose.sentences,
    )
    work.mentions = _mentions(root / COREF_DIR / f"{name}.ann", prose)
    work.quotations = _quotations(root / QUOTATIONS_DIR / f"{name}.ann", prose, work)
    return work


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _rows(path: Path, kind: str) -> list[list[str]]:
    rows = [line.split("\t") for line in _read_lines(path)]
    return [row for row in rows if row and row[0] == kind]


def _token_span(row: list[str], path: Path) -> TokenSpan:
    try:
        first_sentence, first_token, last_sentence, last_token = (int(v) for v in row[2:6])
    except ValueError:
        raise ValueError(f"{path}: bad token span in {row[:6]}") from None
    return first_sentence, first_token, last_sentence, last_token


def _mentions(path: Path, prose: Prose) -> list[LitbankMention]:
    entity = {row[1]: row[2] for row in _rows(path, "COREF") if len(row) >= 3}
    mentions = []
    for row in _rows(path, "MENTION"):
        if len(row) < 9:
            raise ValueError(f"{path}: a MENTION row needs 9 fields: {row}")
        start, end = prose.span(_token_span(row, path))
        mentions.append(
            LitbankMention(
                row[1], start, end, prose.text[start:end], entity.get(row[1]), row[7], row[8]
            )
        )
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def _quotations(path: Path, prose: Prose, work: LitbankWork) -> list[LitbankQuotation]:
    speaker = {row[1]: row[2] for row in _rows(path, "ATTRIB") if len(row) >= 3}
    quotations = []
    for row in _rows(path, "QUOTE"):
        if len(row) < 6:
            raise ValueError(f"{path}: a QUOTE row needs 7 fields: {row}")
        start, end = prose.span(_token_span(row, path))
        who = speaker.get(row[1])
        aliases = work.entity_names(who) if who else ()
        quotations.append(LitbankQuotation(row[1], start, end, prose.text[start:end], who, aliases))
    return sorted(quotations, key=lambda q: q.start)


# --- `fanarchive evaluate litbank FOLDER`: quote attribution end to end -----------------
# Credit: LitBank, David Bamman and colleagues, UC Berkeley (CC BY 4.0).

KINDS = ("Explicit", "Anaphoric", "Implicit")
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
EXIT_OK, EXIT_BAD_INPUT = 0, 3


def quotation_kind(work: LitbankWork, quotation: LitbankQuotation) -> str:
    """PDNC's quotation types derived from the gold annotation: `Explicit` when the narration
    of the sentences the quotation spans names its speaker, `Anaphoric` when it refers to the
    speaker there by a pronoun or a description (`he said`, `said the old man`), `Implicit`
    when it does not mention the speaker at all (a turn in a conversation)."""
    first = bisect.bisect_right(work.sentences, (quotation.start, 1 << 62)) - 1
    last = bisect.bisect_left(work.sentences, (quotation.end, -1))
    start = work.sentences[max(first, 0)][0]
    end = work.sentences[max(last - 1, 0)][1] if last else quotation.end
    forms = {
        m.form
        for m in work.mentions
        if m.entity == quotation.speaker
        and start <= m.start < end
        and not _in_quotation(work, m.start)
    }
    if "PROP" in forms:
        return "Explicit"
    return "Anaphoric" if forms else "Implicit"


def _in_quotation(work: LitbankWork, offset: int) -> bool:
    return any(q.start <= offset < q.end for q in work.quotations)


def gold_names(work: LitbankWork, entity: str) -> frozenset[str]:
    """What counts as naming `entity`: its PROP names (normalised) and its id (the key our
    characters aligned with the entity map to)."""
    return frozenset({normalise_name(n) for n in work.entity_names(entity)} | {f"#{entity}"})


def gold_quotes(work: LitbankWork) -> list[GoldQuote]:
    return [
        GoldQuote(
            [(q.start, q.end)],
            q.speaker,
            gold_names(work, q.speaker) if q.speaker else frozenset(),
            quotation_kind(work, q),
        )
        for q in work.quotations
    ]


def align_cast(work: LitbankWork, cast: Cast) -> dict[str, frozenset[str]]:
    """Map each of our characters to the gold entity its mentions most often are (ties: none),
    and our narrator to the entity that says "I" in the narration."""
    by_start: dict[int, list] = {}
    for m in work.mentions:
        if m.type == "PER" and m.entity:
            by_start.setdefault(m.start, []).append(m)
    votes: dict[str, Counter] = {}
    for mention in cast.mentions:
        covering = [g for g in by_start.get(mention.start, ()) if g.end >= mention.end]
        gold = min(covering, key=lambda g: g.end) if covering else None
        if gold is not None:
            votes.setdefault(mention.character, Counter())[gold.entity] += 1
    aligned = {}
    for name, counts in votes.items():
        ranked = counts.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            aligned[name] = gold_names(work, ranked[0][0])
    narrator = getattr(cast.narrator, "name", cast.narrator)
    speaker = _first_person_entity(work)
    if narrator and speaker:
        aligned[narrator] = gold_names(work, speaker)
    return aligned


def _first_person_entity(work: LitbankWork) -> str | None:
    """The entity the narration's `I` refers to, when it says `I` at least three times."""
    counts = Counter(
        m.entity
        for m in work.mentions
        if m.entity and m.text.lower() in FIRST_PERSON and not _in_quotation(work, m.start)
    )
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] >= 3 else None


def evaluate_work(
    work: LitbankWork, keep_errors: bool = False, attribute=attribute_speakers
) -> Score:
    """Our quotes, our cast, our speakers (`attribute`) on one work, scored against its gold
    quotations."""
    document = read_text(work.text, "text")
    quotes = find_quotes(document)
    cast = detect_cast(document, quotes, default_knowledge())
    attribute(document, quotes, cast)
    return score_quotes(gold_quotes(work), quotes, keep_errors, align_cast(work, cast))


def run(path: str, fmt: str = "text") -> int:
    started = time.perf_counter()
    try:
        works = load_litbank(path)
    except (OSError, ValueError) as error:
        print(f"fanarchive: {path}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    scores: dict[str, Score] = {TUNE: Score(), CHECK: Score()}
    per_work = {}
    for work in works:
        try:
            score = evaluate_work(work)
        except AnalysisError as error:
            print(f"fanarchive: {work.name}: cannot evaluate ({error})", file=sys.stderr)
            return EXIT_BAD_INPUT
        scores[work.side].add(score)
        per_work[work.name] = (work.side, score)
    seconds = time.perf_counter() - started
    tune, check = scores[TUNE], scores[CHECK]
    if fmt == "json":
        result = sides_json(tune, check, KINDS)
        result["works"] = {
            name: {"side": side, "quotes": s.total["all"], "accuracy": round(s.accuracy(), 4)}
            for name, (side, s) in per_work.items()
        }
        result["seconds"] = round(seconds, 2)
        print(json.dumps(result, indent=2))
        return EXIT_OK
    sizes = Counter(work.side for work in works)
    print(
        f"Quote attribution on LitBank (end to end: our quotes, our cast; {len(works)} works, "
        f"tune = even Gutenberg id ({sizes[TUNE]}), check = odd ({sizes[CHECK]}))"
    )
    print("Types from the gold coreference: Explicit = the sentence names the speaker,")
    print("Anaphoric = a pronoun or description there, Implicit = no mention.")
    print(side_by_side(tune, check, KINDS))
    for side, score in ((TUNE, tune), (CHECK, check)):
        print(
            f"Rule precision ({side}): "
            + ", ".join(
                f"{rule} {score.rule_correct[rule]}/{n}"
                for rule, n in score.rule_total.most_common()
            )
        )
    print(f"({seconds:.1f} s)  LitBank: David Bamman and colleagues, UC Berkeley, CC BY 4.0")
    return EXIT_OK
