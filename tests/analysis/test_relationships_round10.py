"""Probe round 10 of the relationships (docs/relationships.md): who a cue can bind, and whom a
plural cue is about."""

import re

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.model import Character, Mention
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.relationships import find_relationships
from tests.analysis.test_relationships import _narrated, _pair, analyse


def _with_cast(text: str, people: dict[str, tuple[str, bool]]):
    """Relationships of `text` with a cast of `people` (name: (gender, present)), each
    mentioned wherever the text names them."""
    document = read_text(text)
    mentions = sorted(
        (
            Mention(m.start(), m.end(), name)
            for name in people
            for m in re.finditer(rf"\b{re.escape(name)}\b", document.text)
        ),
        key=lambda m: m.start,
    )
    cast = Cast(
        [
            Character(
                name,
                gender=gender,
                present=present,
                mentions=sum(m.character == name for m in mentions),
            )
            for name, (gender, present) in people.items()
        ],
        mentions,
    )
    return find_relationships(document, [], cast)


def test_a_character_named_once_is_one_a_cue_can_bind():
    # The cast finds Kiyoko named once and never acting on her own: still the one he loves.
    text = (
        "The bus rolled on through the dark. Tanaka looked at Kiyoko, asleep on his shoulder. "
        "He had been in love with her since his first year, and she had finally said yes. He "
        "kissed her hair and did not sleep at all. Tanaka watched the road until dawn.\n"
    )
    people = {"Tanaka": ("male", True), "Kiyoko": ("female", False)}
    found = _pair(_with_cast(text, people), "Kiyoko", "Tanaka")
    assert found is not None and found.kind == "romantic"


def test_encouraged_them_to_be_friends_is_not_the_named_ones():
    # "them" are the two friends; the father named before the cue is not one of them.
    text = (
        "Bob had never wanted anything to do with Cat, even when Ann had encouraged them to "
        "be friends as children. Ann sighed at the two of them.\n"
    )
    found = _pair(analyse(text), "Ann Lee", "Cat Moss")
    assert found is None or found.subtype != "friends"


def test_the_named_two_who_became_friends_still_bind():
    text = "Bob and Ann had been friends as children, and Ann still called him every week.\n"
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is not None and found.subtype == "friends"


def test_my_sister_is_the_one_woman_the_narration_names_two_sentences_on():
    # First-person fiction names the sister a beat later: "my sister", a sentence naming
    # nobody, then Cat.
    text = (
        "I got off the bus at six. My sister was waiting at the gate with two umbrellas. I "
        "waved like an idiot. Cat rolled her eyes at me, and I took one of the umbrellas. "
        "Cat talked about school the whole way, and I listened.\n"
    )
    found = _pair(_narrated(text, "first", {"Cat": "female"}), "Ann Lee", "Cat Moss")
    assert found is not None and found.subtype == "family"


def test_two_sentences_on_a_name_in_a_line_is_not_the_sister():
    # "Cat" is only spoken of, in Bob's line: not the sister waiting at the gate.
    text = (
        "Ann got off the bus at six. Her sister was waiting at the gate with two umbrellas. "
        'Ann waved. "Cat says hello," Bob said. Ann laughed at that. Cat had gone home early, '
        "and Ann and Cat talked about school the whole evening.\n"
    )
    found = _pair(analyse(text, quotes=[("Cat says hello,", "Bob", None)]), "Ann Lee", "Cat Moss")
    assert found is None or found.subtype != "family"


def test_a_kin_guess_shows_the_two_together():
    # Bob, the one man named a beat after "her brother", never shares a sentence or a
    # paragraph with Ann: the noun puts them together.
    text = (
        "Ann waited at the school gate in the rain. Her brother was late again. The bus had "
        "gone an hour ago.\n\nBob came running round the corner with his coat over his head.\n"
    )
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is not None and (found.kind, found.subtype) == ("platonic", "family")


def test_two_sentences_on_a_man_given_a_role_of_his_own_is_not_the_brother():
    # Review of the two-sentence kin window on an everyday passage: Bob is the postman.
    text = (
        "Ann missed her brother, who was away at sea. The house was quiet without him.\n\n"
        "Bob, the postman, knocked at nine with the letters.\n"
    )
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is None or found.subtype != "family"


def test_a_sentences_kin_phrases_are_found_once_and_answer_as_a_search_would():
    """_describes_another reads a sentence's kin phrases once (a sentence of thousands of
    "her sister" asked for each); it answers as a search of the sentence around the noun."""
    from fanarchive.analysis.characters import detect_cast
    from fanarchive.analysis.packs import default_knowledge
    from fanarchive.analysis.quotes import find_quotes
    from fanarchive.analysis.relationships.binding import Binder
    from fanarchive.analysis.relationships.genders import OTHER_PERSON_RE
    from fanarchive.analysis.sentences import sentence_index

    text = (
        "He was Ann's brother, and her father's son. Ann waved at her sister, and her sister "
        "waved at her mother. Bob kissed his wife. Cat's little brother slept, and Bob read.\n"
    )
    document = read_text(text)
    quotes = find_quotes(document)
    cast = detect_cast(document, quotes, default_knowledge())
    binder = Binder(document, sentence_index(document), quotes, cast, set())
    for noun in re.finditer(r"brother|sister|wife", text):
        s = binder.index.index_at(noun.start())
        span = binder.index.spans[s]
        lead = text[span.start : binder._phrase_start(s, noun.start())]
        slow = OTHER_PERSON_RE.search(lead + " " + text[noun.end() : span.end]) is not None
        assert binder._describes_another(s, noun.start(), noun.end()) == slow, noun.group()
