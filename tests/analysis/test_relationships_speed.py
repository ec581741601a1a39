"""The relationships' speed fixes find what the slow forms found (no timed assertions): a
search bounded to the last words before a cue against a search of the whole sentence, and
what a sentence says, found once, against asking it again."""

from hypothesis import given, settings
from hypothesis import strategies as st

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.relationships.acts import VERB_BEFORE_RE
from fanarchive.analysis.relationships.binding import Binder
from fanarchive.analysis.relationships.context import _words_back
from fanarchive.analysis.relationships.genders import DESCRIBED_PERSON_RE, OTHER_PERSON_RE
from fanarchive.analysis.relationships.people import Mentions, Person
from fanarchive.analysis.relationships.relations import (
    POSSESSIVE_WORD_RE,
    POSSESSOR_RE,
    POSSESSOR_WORDS,
)
from fanarchive.analysis.sentences import sentence_index

PIECES = [
    "his", "her", "my", "Ann's", "Bob'", "ex-", "little", "sister", "pulled", "gave", "and",
    "the", "well-known", "o'clock", " ", "  ", "\n", "\t", "\u00a0", ",", "—", '"', "'s", "s'",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_bounded_searches_find_what_a_whole_sentence_search_finds(text):
    for hi in range(len(text) + 1):
        for pattern, words in (
            (POSSESSOR_RE, POSSESSOR_WORDS),
            (POSSESSIVE_WORD_RE, POSSESSOR_WORDS),
            (VERB_BEFORE_RE, 1),
        ):
            whole = pattern.search(text[:hi])
            bounded = pattern.search(text[_words_back(text, 0, hi, words) : hi])
            assert (whole and whole.group()) == (bounded and bounded.group()), (pattern, hi)


def test_a_sentence_is_asked_once_and_answers_as_before():
    text = (
        "Ann kissed Bob. Her mother waited in the car. A soldier came to the door. "
        "He kissed her and the baby cried, and Bob laughed."
    )
    document = read_text(text)
    quotes = find_quotes(document)
    cast = detect_cast(document, quotes, default_knowledge())
    names = {c.name for c in cast.characters}
    binder = Binder(document, sentence_index(document), quotes, cast, names)
    for s, span in enumerate(binder.index.spans):
        sentence = text[span.start : span.end]
        kin = OTHER_PERSON_RE.search(sentence) is not None
        described = DESCRIBED_PERSON_RE.search(sentence) is not None
        assert binder._kin_in(s) == kin
        assert binder._someone_else_in(s) == (kin or described)


def test_lines_of_one_long_sentence_bind_as_before():
    """Many lines in one sentence: who is named in each line, and in the narration around
    them, is sorted out once per sentence; each line still binds its own speaker and the one
    told ("I love you" to Bob, "you're my brother" to Cat)."""
    text = (
        "“I love you,” Ann told Bob and he kissed her and “you’re my brother,” Ann told Cat, "
    ) * 3
    document = read_text(text + "\n")
    quotes = find_quotes(document)
    cast = detect_cast(document, quotes, default_knowledge())
    names = {c.name for c in cast.characters}
    binder = Binder(document, sentence_index(document), quotes, cast, names)
    for quote in quotes:
        expected = [
            p
            for p in binder.people.get(binder.index.index_at(quote.start), [])
            if binder._quote_at(p.start) is quote
        ]
        assert binder._people_in_line(binder.index.index_at(quote.start), quote).people == expected
    narration = [p for p in binder.people.get(0, []) if binder._quote_at(p.start) is None]
    assert binder._people_in_line(0, None).people == narration


def _old_clause_bounds(text, quote, start, end):
    """_clause_bounds as it was: a search of the whole quote for each cue."""
    left = max(text.rfind(mark, quote.start, start) for mark in ".!?;")
    left = quote.start if left < 0 else left + 1
    rights = [i for mark in ".!?;" if (i := text.find(mark, end, quote.end)) >= 0]
    return left, min(rights) if rights else quote.end


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["I love you", ", Mom", ".", "!", "?", ";", " he", " "]), max_size=30)
)
def test_clause_bounds_by_bisection_are_the_old_ones(pieces):
    text = '"' + "".join(pieces) + '" Ann said.\n'
    document = read_text(text)
    quotes = find_quotes(document)
    cast = detect_cast(document, quotes, default_knowledge())
    binder = Binder(document, sentence_index(document), quotes, cast, {"Ann"})
    for quote in quotes:
        for start in range(quote.start, quote.end):
            for end in (start, start + 1, start + 4, quote.end):
                expected = _old_clause_bounds(binder.text, quote, start, end)
                assert binder._clause_bounds(quote, start, end) == expected


SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 8), st.sampled_from("ABC")), max_size=12
)


@settings(max_examples=300, deadline=None)
@given(SPANS, st.booleans())
def test_mentions_answer_as_a_walk_over_them_would(spans, in_text_order):
    """Mentions bisects when starts and ends rise (the cast's order), else walks: both give
    what the per-cue list comprehensions gave."""
    people = [Person(start, start + length, name) for start, length, name in spans]
    if in_text_order:
        people.sort(key=lambda p: (p.start, p.end))
    mentions = Mentions(people)
    for offset in range(0, 75):
        before = [p for p in people if p.end <= offset]
        assert mentions.last_before(offset) == (before[-1] if before else None)
        assert list(mentions.before_reversed(offset)) == list(reversed(before))
        assert mentions.first_from(offset) == next((p for p in people if p.start >= offset), None)
        assert mentions.ending_at(offset) == next((p for p in people if p.end == offset), None)
    assert mentions.names == len({p.name for p in people})


def _crowd_text(count: int) -> tuple[str, list[str]]:
    """One paragraph naming `count` people, two a sentence ("Zaba waved at Kolu.")."""
    names = [f"P{i:05d}" for i in range(count)]
    return " ".join(
        f"{a} waved at {b}." for a, b in zip(names, names[1:] + names[:1], strict=True)
    ) + "\n", names


def _crowd_relationships(count: int):
    import re

    from fanarchive.analysis.characters import Cast
    from fanarchive.analysis.model import Character, Mention
    from fanarchive.analysis.relationships import find_relationships

    text, names = _crowd_text(count)
    document = read_text(text)
    mentions = [
        Mention(m.start(), m.end(), m.group()) for m in re.finditer(r"\bP\d{5}\b", document.text)
    ]
    cast = Cast([Character(name, present=True, mentions=2) for name in names], mentions)
    return find_relationships(document, [], cast)


def test_a_paragraph_of_thousands_of_names_pairs_only_a_crowds_worth(monkeypatch):
    """Every two of the people one paragraph names was a pair: 1,000 names made 500,000 (1.9 s
    of the relationships step; 2,000 ran out of memory). A crowd pairs only its CROWD most
    named people: this runs in well under a second."""
    import fanarchive.analysis.relationships as relationships

    built = []
    original = relationships.count_interactions

    def counting(document, index, quotes, named, names, pairs):
        original(document, index, quotes, named, names, pairs)
        built.append(len(pairs))

    monkeypatch.setattr(relationships, "count_interactions", counting)
    _crowd_relationships(1000)
    crowd = relationships.CROWD
    # each sentence's own pair, and the paragraph's CROWD most named among themselves
    assert built[0] <= 1000 + crowd * (crowd - 1) // 2


def test_a_paragraph_within_the_crowd_bound_pairs_everyone():
    from collections import Counter

    from fanarchive.analysis.relationships import CROWD, _most_named

    first = {f"P{i}": i for i in range(CROWD)}
    assert _most_named(first, Counter(first)) == list(first)
    many = {f"P{i}": i for i in range(CROWD + 5)}
    named = Counter({name: 1 for name in many} | {"P44": 3, "P43": 2})
    kept = _most_named(many, named)
    assert len(kept) == CROWD and kept[:2] == ["P44", "P43"] and "P42" not in kept


NAMES = ["Ann", "Bob", "Cat", "Dan"]
GENDERS = {"Ann": "female", "Bob": "male", "Cat": "female", "Dan": "unknown"}


def _binding(people: list[Person]):
    from fanarchive.analysis.relationships.pronouns import PronounBinding

    binding = object.__new__(Binder)
    binding.people = {0: people}
    binding.genders = GENDERS
    binding._people_ends = {}
    binding.text = "Xxxxx and " * (len(people) + 1)  # each person joined to the one before
    return binding, PronounBinding


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(NAMES), st.booleans()), max_size=30),
    st.integers(0, 400),
    st.sampled_from(NAMES),
    st.sampled_from([{"male"}, {"female"}, {"male", "female"}]),
)
def test_the_people_a_pronoun_may_mean_are_found_by_bisection_as_by_reading_all(
    named_people, cue, named, genders
):
    """`_last_two_fitting` (bisection, stopping at a second name) gives the latest person a
    pronoun may mean and whether another name fits too, as the list of all of them did."""
    people = [
        Person(10 * i, 10 * i + 5, n, narrator) for i, (n, narrator) in enumerate(named_people)
    ]
    binding, _ = _binding(people)
    every = [
        p
        for p in people
        if p.end <= cue and p.name != named and not p.narrator and binding._fits(p.name, genders)
    ]
    found = binding._last_two_fitting(0, 0, cue, named, genders)
    assert bool(found) == bool(every)
    if every:
        assert found[0] is every[-1]
        assert (len({p.name for p in found}) > 1) == (len({p.name for p in every}) > 1)
    for person in people:
        earlier = [p for p in people if p.end <= person.start]
        expected = earlier[-1] if earlier and earlier[-1].name != person.name else None
        assert binding._joined_with(people, person) is expected


QUOTED = st.lists(
    st.sampled_from(['"', "“", "”", "I love you", " ", ", ", "he", "Ann", "."]), max_size=25
).map("".join)


@settings(max_examples=300, deadline=None)
@given(QUOTED, st.data())
def test_the_open_quote_of_a_cue_is_found_by_bisection_as_by_counting(text, data):
    """`_open_quote_clause` against the count of marks in the sentence's text it replaces."""
    from fanarchive.analysis.relationships.exchanges import ExchangeBinding

    binding = object.__new__(ExchangeBinding)
    binding.text = text
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    sentence_start = data.draw(st.integers(0, start))
    lead = text[sentence_start:start]
    if sum(lead.count(mark) for mark in '"“”') % 2 == 0:
        expected = None
    else:
        close = text.find('"', end)
        words = text[start : close if close >= 0 else end]
        expected = (lead.rsplit('"', 1)[-1] + words).lower().replace("’", "'")
    assert binding._open_quote_clause(sentence_start, start, end) == expected
