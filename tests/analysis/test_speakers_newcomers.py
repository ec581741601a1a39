"""A `she said` (or `said my aunt`) that no one in the cast can be, because the cast has no
woman, is someone the narration brought in without a name: the last woman it describes shortly
before (`an old woman with a basket of eggs`), or the tag's own description. She joins the cast
as a newcomer, with that description as her mention (speakers/sieve.py, `unnamed_speaker`;
characters/unnamed.py, `Introductions`). Before, the line went to one of the men, as the
likeliest speaker there was (`guess`). Passages written for this test."""

from fanarchive.analysis.characters.unnamed import Introductions
from fanarchive.analysis.pipeline import analyze_text

LANE = """Tom and Harry walked down to the village in the rain. Tom carried the lantern, and Harry
carried the rope, and neither of them said much of anything for a mile.

At the bottom of the lane an old woman with a basket of eggs was sheltering under the elm. She
looked them both up and down and did not move out of the way.

"You'll be the boys from the mill," she said.

Tom nodded. Harry kept his eyes on the mud.

"Then you can carry this for me," she said, and held out the basket.
"""

TABLE = """When I came downstairs my uncle was already at the table, and old Cotter sat by the fire
with his pipe. I took my place and said nothing.

"The boy and he were great friends," my uncle said. "He taught him a great deal."

"God rest him," said my aunt quietly. Old Cotter looked at me for a while and then spat
into the grate.
"""


def test_she_with_no_woman_in_the_cast_is_the_woman_just_described():
    analysis = analyze_text(LANE)
    assert [quote.speaker for quote in analysis.quotes] == ["The Old Woman"] * 2
    woman = next(c for c in analysis.characters if c.name == "The Old Woman")
    assert woman.gender == "female"


def test_a_tag_describing_a_woman_no_one_in_the_cast_can_be_is_hers():
    quotes = analyze_text(TABLE).quotes
    assert quotes[-1].speaker == "My Aunt"


def test_a_woman_the_scene_names_is_still_she():
    text = LANE.replace("walked down to the village", "walked down to Mrs. Hale's house").replace(
        "At the bottom of the lane an old woman", "Mrs. Hale was at her door, and an old woman"
    )
    speakers = {quote.speaker for quote in analyze_text(text).quotes}
    assert "The Old Woman" not in speakers


def test_the_description_ends_at_its_head_and_skips_other_phrases():
    text = "On the day his mother died a tall, thin old man came to the door."
    start = text.index("a tall")
    found = Introductions(text).last(0, len(text), "male", lambda s, e: False)
    assert found == (start, text.index("man came") + 3, "The Tall Thin Old Man")
    assert Introductions(text).last(0, len(text), "female", lambda s, e: False) is None


CORNER = """Dick set his box down at the corner of Chatham Street and looked sharply into the faces of
all who passed.

"Shine yer boots, sir?" Dick called to every man who went by.

"How much?" asked a gentleman on his way to his office.

"Ten cents," said Dick, dropping to his knees.
"""


def test_a_tag_bringing_someone_in_with_a_is_no_one_the_scene_knows():
    analysis = analyze_text(CORNER)
    assert [quote.speaker for quote in analysis.quotes] == ["Dick", "The Gentleman", "Dick"]
    assert "The Gentleman" in {character.name for character in analysis.characters}


def test_a_tag_with_the_is_still_someone_the_scene_knows():
    text = CORNER.replace("asked a gentleman", "asked the gentleman")
    assert analyze_text(text).quotes[1].speaker != "The Gentleman"


HARBOUR = """My father came home late that evening, wet through from the long walk up from the
harbour. Jim had gone up to bed an hour before, and I had waited alone by the kitchen fire.

"Is the boat lost?" I asked.

"Nobody saw her go down," said my father, and he sat down heavily by the fire.
"""


def test_the_narrators_relative_no_cast_entry_can_be_speaks_as_the_description():
    analysis = analyze_text(HARBOUR)
    assert [quote.speaker for quote in analysis.quotes][-1] == "My Father"
    assert "My Father" in {character.name for character in analysis.characters}


WEDDING = """The song ended. Before I could escape to the bar, my sister swept down on us in a cloud
of tulle, took each of us by an elbow, and towed us out onto the terrace.

"Right," said the bride, letting go. "How long have you two been pretending?"

"We're not—"

"I've known you for thirty-one years." Clem folded her arms. "You hold his hand like it's a
library book."

Nobody said anything. Inside, the band started something with a lot of trumpet.

"Oh my God," said my sister. "You're both idiots. I'm going back in."
"""


def test_the_narrators_relative_is_a_woman_the_scene_named_speaking_just_before():
    speakers = [quote.speaker for quote in analyze_text(WEDDING).quotes]
    assert "My Sister" not in speakers
