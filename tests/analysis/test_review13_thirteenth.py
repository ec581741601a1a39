"""Review (thirteenth session): hand-written cases for the problems the review of the
session's merged changes found (docs/evaluation.md, "Review (thirteenth session)")."""

import threading

import pytest

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings


def names(text: str) -> set[str]:
    document = read_text(text)
    return {w.name for w in detect_warnings(document, find_quotes(document), Cast())}


# The trigger cue took "pull" and "squeez" with -ed/-ing/-es/-s, so "squeeze the trigger"
# (present-tense narration, the infinitive) was missed while "pull the trigger" was found.
@pytest.mark.parametrize("verb", ["squeeze", "pull"])
def test_a_trigger_squeezed_in_the_present_tense_is_the_shot(verb):
    text = (
        "The barn smells of hay and diesel. Tomasz kneels in the straw and does not look up. "
        f"I {verb} the trigger. Somewhere outside, a dog starts barking."
    )
    assert "Violence" in names(text)


# The cue left out every "the trigger on ...", to spare "pulled the trigger on the deal",
# and with it the shot at someone: "pulled the trigger on him".
def test_a_trigger_pulled_on_someone_is_the_shot():
    text = (
        "The farmhouse was quiet. Odile stood in the yard with the pistol. "
        "Without a word, she pulled the trigger on him. The crows lifted from the field."
    )
    assert "Violence" in names(text)


def test_lazy_patterns_compile_once_for_concurrent_first_uses():
    """Threads (a threaded web or worker process) asking a fresh LazyPattern at once all
    get the same answers."""
    pattern = LazyPattern(r"(?P<word>stab\w*)", 0)
    found: list[object] = []

    def use() -> None:
        found.append(pattern.search("she stabbed him").group("word"))

    threads = [threading.Thread(target=use) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == ["stabbed"] * 16


# The lone-graphic-word rule knew a victim after the word only by a pronoun, a determiner,
# "one/two/three" or a capital: "beheaded someone", "impaled prisoners", "maimed four men"
# lost their Violence although the victim is there.
QUIET = "The village was quiet that spring. Mara swept the steps of the inn. {} She went home."


@pytest.mark.parametrize(
    "deed",
    [
        "The raiders beheaded someone at the gate.",
        "The raiders impaled prisoners along the road.",
        "The raiders maimed four men at the ford.",
        "The raiders beheaded both guards.",
    ],
)
def test_a_graphic_word_with_its_victim_after_it_makes_violence(deed):
    assert "Violence" in names(QUIET.format(deed))


def test_a_graphic_word_before_a_thing_stays_lone():
    deed = "In the case lay the statue's severed hands, pale as chalk."
    assert "Violence" not in names(QUIET.format(deed))
