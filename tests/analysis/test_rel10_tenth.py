"""Tenth session (rel10): a given name said once, leading a sentence as a person, whom the
next sentence goes on with as "he" or "she", is one of the cast (docs/relationships.md,
"Relationships (tenth session)")."""

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text

# Yolanda is named once, leads her sentence and is "she" in the next one.
NAMED_ONCE = """The ferry was late again, and Oswin had given up on the timetable an hour ago.
He sat on his suitcase at the end of the pier and watched the gulls.

Yolanda walked him down from the station and carried the heavier bag. She was the only
one in the village who still wrote him letters.

"You'll miss the boat if you keep daydreaming," Oswin told himself, and stood up.
"""

# "Dawn" (a given name too) leads a sentence once and "she" follows, but its own sentence says
# "her": the one whose boots they are is the "she", and the dawn is light.
WEATHER = """Dawn crept over her boots on the footbridge, grey and thin. She pulled her collar up
and kept walking toward the mill, where Teodor was waiting with the lantern.

"You're late," Teodor said.

"The river was loud," she said. "I stopped to listen."
"""

# A name leading a sentence with no "he" or "she" after it stays out, as before.
NO_PRONOUN = """The ferry was late again, and Oswin had given up on the timetable an hour ago.
He sat on his suitcase at the end of the pier and watched the gulls.

Yolanda walked him down from the station and carried the heavier bag. The gulls did not
care about any of it.
"""


def cast_names(text: str) -> set[str]:
    document = read_text(text, "text")
    cast = detect_cast(document, find_quotes(document), default_knowledge())
    return {character.name for character in cast.characters}


def test_a_name_said_once_that_the_next_sentence_calls_she_is_cast():
    names = cast_names(NAMED_ONCE)
    assert "Yolanda" in names
    assert "Oswin" in names


def test_curly_apostrophes_and_quotes_read_the_same():
    text = NAMED_ONCE.replace("'", "\u2019")
    assert "Yolanda" in cast_names(text)


def test_a_word_whose_own_sentence_speaks_of_another_woman_is_not_cast():
    names = cast_names(WEATHER)
    assert "Dawn" not in names
    assert "Teodor" in names


def test_without_the_pronoun_the_name_said_once_stays_out():
    assert "Yolanda" not in cast_names(NO_PRONOUN)


# Everyday negatives around the new cast member: a friend who hugs him goodbye and a sister
# who kisses his cheek are no couple.
GOODBYE = """The ferry was late again, and Oswin had given up on the timetable an hour ago.
He sat on his suitcase at the end of the pier and watched the gulls.

Yolanda walked him down from the station and carried the heavier bag. She had been his best
friend since they were six, and she hugged him hard when the horn went.

"Write to me," Yolanda said.

"Every week," Oswin said. His sister Mireille came running down the pier with his scarf, and
she kissed his cheek and told him not to be an idiot on the mainland.
"""


def test_a_friend_who_hugs_and_a_sister_who_kisses_a_cheek_are_no_couple():
    analysis = analyze_document(read_text(GOODBYE, "text"))
    romantic = {frozenset(r.characters) for r in analysis.relationships if r.kind == "romantic"}
    names = {c.name for c in analysis.characters}
    assert "Yolanda" in names
    assert not any("Oswin" in pair for pair in romantic), analysis.relationships


def test_a_word_that_only_starts_like_he_is_no_pronoun():
    text = NO_PRONOUN.replace(
        "Yolanda walked him down from the station and carried the heavier bag. The gulls",
        "Yolanda carried the heavier bag down from the station. Here the gulls",
    )
    assert "Here the gulls" in text
    assert "Yolanda" not in cast_names(text)
