"""A first-person narrator named by the others in the scene (issue 14, section 4): the name
others call out and the narration never uses, called twice (its clipped forms joined) or once
by a turn the narrator answers with their own tagged line. Whole pipeline on hand-written
passages."""

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from fanarchive.analysis.characters.narrator import (
    MANY_FORMS,
    _whole_word_offsets,
    _whole_word_offsets_of,
)
from tests.analysis.test_speakers_narrator import analyse

KITCHEN = (
    "The lights were already on when I let myself in, which meant something was wrong. I "
    "hung my coat on the hook and stood in the doorway for a while. My feet hurt. I had "
    "walked from the station because I could not face the bus.\n\n"
)


def test_a_name_called_in_a_full_and_a_clipped_form_names_the_narrator():
    # `Tasha` once and `Natasha` once: one name, called twice, known by both forms.
    text = KITCHEN + (
        '"You\'re late, Tasha." Rudi did not look up from the stove.\n\n'
        '"The trains," I said.\n\n'
        '"The trains are always the trains."\n\n'
        "I sat down and pulled off my boots, one and then the other, and left them by the "
        "radiator to dry.\n\n"
        '"Natasha."\n\n'
        '"What?"\n\n'
        '"Eat something."\n'
    )
    speakers, cast = analyse(text)
    assert cast.narrator.name in ("Tasha", "Natasha")
    assert cast.resolve("Tasha") is cast.resolve("Natasha") is cast.narrator
    assert speakers[1] == cast.narrator.name


def test_a_pet_form_and_the_name_it_comes_from_are_one_name_called_twice():
    # `Tsukki` (the start of `Tsukishima`, doubled, with a pet ending) and `Tsukishima`,
    # each called once by a different teammate: one name, called twice.
    text = KITCHEN + (
        '"Please," Rudi said. "It\'s one night, Tsukki."\n\n'
        '"No."\n\n'
        "I looked past him. Kageyama was sitting on the bench in the corner, glaring at the "
        "floor like it had insulted his serve.\n\n"
        '"Even the King," I said.\n\n'
        'Kageyama\'s head snapped up. "Shut up, Tsukishima."\n\n'
        '"Make me."\n'
    )
    speakers, cast = analyse(text)
    assert cast.resolve("Tsukki") is cast.resolve("Tsukishima") is cast.narrator
    assert speakers[2] == cast.narrator.name


def test_a_clipped_form_that_is_also_a_word_joins_the_full_name():
    # `Bell` alone is an ordinary word (a role word), but it is the end of `Isabell`.
    text = KITCHEN + (
        '"Nobody broke anything, Bell." Rudi kept stirring.\n\n'
        '"Then why are you here at six?" I said.\n\n'
        "He shrugged. Steam curled round the lamp, and the window behind him had gone grey "
        "with it.\n\n"
        '"Isabell."\n\n'
        '"Sorry. Sorry. What happened?"\n'
    )
    speakers, cast = analyse(text)
    assert cast.narrator.name == "Isabell"
    assert speakers[1] == "Isabell"


def test_a_name_called_once_by_a_turn_the_narrator_answers_names_the_narrator():
    text = KITCHEN + (
        "The phone went before I had my boots off.\n\n"
        '"Oluchi, is it the blue dress tonight or the green?"\n\n'
        '"Mama, I\'m not going tonight," I said. "I told you."\n\n'
        '"But you might go."\n\n'
        "I hung up and sat on the stairs. Upstairs the neighbours' dog was barking at the "
        "door.\n\n"
        '"Bram, stop that!" somebody shouted through the wall.\n'
    )
    speakers, cast = analyse(text)
    assert cast.narrator.name == "Oluchi"
    assert speakers[1] == speakers[2] == "Oluchi"


@pytest.mark.parametrize(
    ("passage", "narrators_lines"),
    [
        pytest.param(
            "The boy sat at the table with his homework. His mother stood behind him with her "
            "arms folded.\n\n"
            '"Good evening," I said.\n\n'
            '"Tobias, go upstairs."\n\n'
            "The boy went without a word, and the stairs creaked under him all the way up.\n\n"
            '"He is not to hear this," she said.\n',
            [0],
            # the son is `the boy` in the narration; the one call of his name is no answer's
            id="called once, unanswered",
        ),
        pytest.param(
            "The car smelled of coffee and wet dogs. The man in the back seat was asleep with "
            "his mouth open.\n\n"
            '"Dario! Dario, we\'re here," the driver said.\n\n'
            '"Let him sleep," I said.\n\n'
            '"Dario, wake up," I said, louder, when the engine stopped.\n',
            [1, 2],
            # others call `Dario` twice, but so does the narrator: he is someone else in the car
            id="called by the narrator's own line",
        ),
        pytest.param(
            '"You\'re late, Tasha." Rudi did not look up from the stove.\n\n'
            '"The trains," I said.\n\n'
            "Tasha came in behind me and dropped her bag by the door.\n\n"
            '"Eat something, Tasha."\n',
            [1],
            # others call `Tasha` twice, but the narration says `Tasha came in`
            id="used by the narration",
        ),
        pytest.param(
            '"Jesus, you\'re late." Rudi did not look up from the stove.\n\n'
            '"The trains," I said.\n\n'
            "I sat down and pulled off my boots, one and then the other.\n\n"
            '"Jesus! Your socks."\n',
            [1],
            # a given name too, but a word this common the cast missed is an oath
            id="a common word",
        ),
    ],
)
def test_a_name_that_is_someone_elses_leaves_the_narrator_unnamed(passage, narrators_lines):
    speakers, cast = analyse(KITCHEN + passage)
    assert cast.narrator.name == "Narrator"
    assert [speakers[i] for i in narrators_lines] == ["Narrator"] * len(narrators_lines)


def test_the_narrator_giving_their_own_name_is_no_call_of_someone_else():
    # `"Oluchi," I said.` answers the nurse: a line that is only the name calls nobody.
    text = KITCHEN + (
        '"And you are?" the nurse asked.\n\n'
        '"Oluchi," I said.\n\n'
        '"Sit down, Oluchi. The doctor will be a while."\n\n'
        "I sat on the plastic chair by the window and waited.\n\n"
        '"Oluchi? He will see you now."\n'
    )
    speakers, cast = analyse(text)
    assert cast.narrator.name == "Oluchi"
    assert speakers[1] == "Oluchi"


@given(
    text=st.text(alphabet="aAb-'’_1 .é\n", max_size=30),
    word=st.sampled_from(["a", "ab", "aba", "A-a", "a-a", "b'a", "_a", "a_", "1a", "é", "-a"]),
)
@example(text="a-a-a", word="a-a")  # matches do not overlap
@example(text="ba-a-a", word="a-a")  # a failed offset is followed by one that fits
def test_whole_word_offsets_are_where_a_word_bounded_pattern_matches(text, word):
    # str.find stands in for `\b…\b` (the narration's uses of a called name): same offsets
    expected = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
    assert list(_whole_word_offsets(text, word)) == expected


@given(
    text=st.text(alphabet="aAb-'’_1 .é\n", max_size=40),
    words=st.sets(st.sampled_from(["a", "ab", "A-a", "a-a", "b'a", "_a", "a_", "1a", "é", "-a"])),
)
@example(text="a-a-a ba-a-a", words={"a-a", "a"})
@example(text="a-ab a-a", words={"a-a"})  # a form running on into a word
def test_many_forms_are_found_in_one_pass_where_each_alone_is(text, words):
    # more than MANY_FORMS forms: one pass over the text's words, not a search for each
    forms = words | {f"Filler{i}" for i in range(MANY_FORMS)}
    found = _whole_word_offsets_of(text, forms)
    assert {word: found[word] for word in words} == {
        word: list(_whole_word_offsets(text, word)) for word in words
    }


@pytest.mark.parametrize("self_naming", ["It's Ellie", "I'm Ellie", "This is Ellie"])
def test_the_narrator_saying_their_own_name_keeps_it(self_naming):
    # `"It's Ellie, Marcus, open up," I said`: the narrator gives their name, calls no one.
    text = (
        "I'm Ellie Hart, and I have never liked Mondays. "
        + KITCHEN
        + (
            '"You look terrible," Marcus said through the door.\n\n'
            f'"{self_naming}, Marcus, open up," I said.\n'
        )
    )
    speakers, cast = analyse(text)
    assert cast.narrator.name == "Ellie Hart"
    assert speakers[1] == "Ellie Hart"
