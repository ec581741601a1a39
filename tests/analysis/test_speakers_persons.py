"""Stories told by an I or to a you (issue 14): whom the narration's third-person tags leave
out, whom a tag says is spoken to, present-tense tags. Whole pipeline (quotes, cast,
speakers) on hand-written passages."""

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import attribute_speakers

KITCHEN = (
    "You wake before the alarm and lie there for a while, listening to the rain on your "
    "window. Your head hurts. You slept badly again, and you know your shift will be long.\n\n"
    "Marcus is already in the kitchen when you come down. He has made coffee for both of you, "
    "which he never does.\n\n"
    '"You look terrible," Marcus says.\n\n"Thanks," you say. "I feel terrible."\n\n'
)


def speakers_of(text: str) -> list[str | None]:
    document = read_text(text)
    quotes = find_quotes(document)
    cast = detect_cast(document, quotes, default_knowledge())
    attribute_speakers(document, quotes, cast)
    return [q.speaker for q in quotes]


def test_she_says_in_a_second_person_story_is_never_the_reader():
    # Captain Reyes has no gender in the cast, nor has the Reader: before, the turn went to the
    # Reader as the conversation's other party.
    text = KITCHEN + (
        "The back door bangs open and Captain Reyes comes in out of the rain, shaking water "
        "from her coat, and drops a folder on the table between the two mugs.\n\n"
        '"Both of you, up," says the older woman. "We have a body."\n\n'
        '"Now?" Marcus asks.\n\n"Now," she says flatly.\n'
    )
    assert speakers_of(text)[-1] == "Captain Reyes"
