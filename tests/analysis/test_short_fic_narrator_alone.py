"""A first-person drabble whose narration names no one but the I (speakers/sieve.py,
speakers/narrator_naming.py): the I does not answer themself, so untagged turns alternate
between the I and someone unnamed, counted from a turn known to be one of them (the I's tag or
beat, or another's `he says`, `He drops his bag`); a turn that is nothing but a name, said by
the other to the I (`"Corrigan."`), names the I. Passages written for this test."""

from hypothesis import given, settings
from hypothesis import strategies as st

from fanarchive.analysis.pipeline import analyze_text

GREENHOUSE = """The greenhouse is warm and smells of wet soil when he finds me there. I keep my
eyes on the basil I am repotting, because I know what he is going to say.

"You missed the meeting."

"I was busy."

"With tomatoes." He leans on the potting bench and looks at the seedlings.

"With tomatoes," I agree. I press the soil down around the stem and wipe my hands.

"Corrigan."

"What?"

"They're asking for you. Upstairs." He doesn't wait for an answer.
"""


def speakers(text: str) -> list[str | None]:
    return [quote.speaker for quote in analyze_text(text).quotes]


def test_untagged_turns_alternate_between_the_i_and_someone_unnamed():
    found = speakers(GREENHOUSE)
    assert found[1] == found[3] == found[5]  # the I's turns
    assert found[0] is None and found[2] is None and found[4] is None


def test_a_turn_that_is_nothing_but_a_name_names_the_i():
    assert speakers(GREENHOUSE)[1] == "Corrigan"


def test_the_name_needs_the_whole_turn():
    # `"Corrigan," he says, "they're asking…"` calls, but so does a line to anyone: the I
    # keeps no name from a call inside a longer turn the rarity bound would not admit
    text = GREENHOUSE.replace('"Corrigan."\n\n"What?"', '"Sweetheart."\n\n"What?"')
    assert "Sweetheart" not in speakers(text)


ATTIC = """The attic is full of boxes, and I am sitting on the one marked WINTER when he climbs
the ladder. I do not look up from the photographs in my lap.

"You said you'd be ten minutes."

"I said I'd try to be ten minutes."

"That was an hour ago." He sits down on the box beside mine.

"What do you want, Okonkwo?"

"Dinner. And for you to come down."

"In a minute," I tell him.
"""


def test_the_one_name_the_i_calls_is_the_unnamed_one_they_talk_to():
    found = speakers(ATTIC)
    assert found[0] == found[2] == found[4] == "Okonkwo"
    assert found[1] == found[3] == found[5] == "Narrator"


def test_two_names_the_i_calls_leave_the_partner_unnamed():
    # which of them is here, and which is called from the other room, the lines do not say
    text = ATTIC.replace('"In a minute," I tell him.', '"In a minute, Adaeze!" I call down.')
    assert speakers(text)[0] is None


STABLE = """"Steady, girl," I said to the grey mare, who ignored me as she always does.

I brushed her down from withers to tail and picked the mud out of her hooves, and the rain
went on drumming on the roof of the stable. The door banged open behind me. I knew the step
without turning round, and I kept brushing.

He leaned on the stall door and watched me work.

"The steward wants you in the hall."

"The steward can wait."

I put the brush down anyway and followed him out into the rain.
"""


def test_a_turn_after_a_he_sentence_opens_with_him():
    # `He leaned on the stall door and watched me work.` / `"The steward wants you in the hall."`:
    # no tag in the first two turns, but the narration just before is his
    assert speakers(STABLE)[1:] == [None, "Narrator"]


@settings(max_examples=300, deadline=None)
@given(st.sets(st.integers(0, 60), min_size=1), st.integers(0, 60))
def test_the_nearest_known_turn_is_the_one_the_whole_list_gives(known, i):
    from fanarchive.analysis.speakers.sieve import _nearest

    assert _nearest(sorted(known), i) == min(known, key=lambda j: (abs(j - i), j))


STABLES = """"You're late."

"I'm always late. You should be used to it by now."

Tomas was leaning on the stable door with his arms folded, which I took as a bad sign, since I
had promised him I would be early for once.

"The horses have been waiting an hour."

"The horses can tell time now?"

"Better than you," he said. "Saddle the grey."

I found the saddle under the bench where I had left it. I could feel him watching me while I
buckled the girth, and I took my time about it.

"You could have done it yourself."

"I could have. But then what would I pay you for?"

"You don't pay me."
"""


def test_the_one_given_name_the_narration_uses_is_the_unnamed_partner():
    found = speakers(STABLES)
    assert found[2] == found[4] == found[5] == "Tomas"
    assert found[3] == "Narrator"


def test_a_given_name_the_text_also_writes_as_a_word_is_no_partner():
    text = STABLES.replace("Tomas was", "Will was").replace("I could have.", "I will.")
    assert "Will" not in speakers(text)
