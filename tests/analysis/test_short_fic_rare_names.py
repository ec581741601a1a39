"""A drabble names most people once or twice (characters/discovery.py). A name English seldom
writes (below Zipf 3 in wordfreq: inventions, `Kenobi`, `Jaskier`) is someone when a speech
tag gives it a line or it does two things only people do; one act alone, or an English word,
is not enough. Passages written for this test."""

from fanarchive.analysis.pipeline import analyze_text

WORKSHOP = """The workshop smelled of oil and scorched copper.

"You're late," said Thrandowel, not looking up from the bench.

"The lift was broken."

"The lift is always broken."

Pellinaux, who had been asleep under a tarpaulin, sat up and yawned. "Is it morning?"

"Nearly noon," I told him.

"Then it's still morning somewhere." Pellinaux shrugged and lay back down.
"""


def _cast(text: str) -> list[str]:
    return sorted(c.name for c in analyze_text(text).characters if c.name != "Narrator")


def test_a_rare_name_tagged_once_in_a_drabble_is_a_character():
    assert "Thrandowel" in _cast(WORKSHOP)


def test_a_rare_name_with_two_person_signs_in_a_drabble_is_a_character():
    # `Pellinaux, who had been asleep` and `Pellinaux shrugged`: named twice, each time
    # doing what only people do
    assert "Pellinaux" in _cast(WORKSHOP)


def test_the_tagged_line_goes_to_the_rare_name():
    quotes = analyze_text(WORKSHOP).quotes
    assert quotes[0].speaker == "Thrandowel"


def test_a_rare_name_acting_once_is_not_enough():
    once = WORKSHOP.replace("Pellinaux, who had been asleep", "Someone had been asleep")
    assert "Pellinaux" not in _cast(once)


def test_in_a_long_work_a_rare_name_tagged_once_is_no_character():
    filler = "The rain went on and the streets were quiet and nobody came to the door.\n\n" * 120
    assert "Thrandowel" not in _cast(filler + WORKSHOP)


BOUNTY = """The cantina was quieter than it used to be, which Tavrek Vaskett took personally.

"Business is terrible," he said.

"You're the magistrate," the pilot pointed out.

Vaskett threw up his hands. "A man can miss the old days."
"""


def test_a_full_name_and_its_family_name_acting_once_each_are_one_character():
    # `which Tavrek Vaskett took personally` and `Vaskett threw up his hands`: one act each
    assert "Tavrek Vaskett" in _cast(BOUNTY)


def test_a_full_name_acting_once_without_its_family_name_is_not_enough():
    alone = BOUNTY.replace("Vaskett threw", "He threw")
    assert "Tavrek Vaskett" not in _cast(alone)
