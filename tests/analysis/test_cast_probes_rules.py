"""Cast rules kept from the cast probes' tune half (tests/data/cast_probes, docs/evaluation.md
"Cast probes"): each test fails on the rules before it."""

from __future__ import annotations

from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.reading import read_text


def _cast(text: str) -> dict[str, str]:
    return {c.name: c.gender for c in analyze_document(read_text(text)).characters}


def test_a_name_english_seldom_gives_takes_the_storys_unopposed_pronouns():
    # The name list records `Jiwoo` (Ji+Woo) as a woman's name in Korea; the story says he.
    text = (
        "The practice room was empty except for Jiwoo, and Minseok watched from the door.\n\n"
        '"Go to sleep," Minseok said.\n\n'
        "Jiwoo stopped, hands on his knees, breathing hard.\n\n"
        '"One more time," Jiwoo said. Minseok sighed.\n\n'
        "Jiwoo laughed so hard he had to lie down on the floor.\n"
    )
    assert _cast(text)["Jiwoo"] == "male"


def test_a_name_usual_in_english_still_needs_the_overruling_margin():
    # `Ashley` is usual in English as a woman's name: two `he`s do not overrule it.
    text = (
        "The practice room was empty except for Ashley, and Minseok watched from the door.\n\n"
        '"Go to sleep," Minseok said.\n\n'
        "Ashley stopped, hands on his knees, breathing hard.\n\n"
        '"One more time," Ashley said. Minseok sighed.\n\n'
        "Ashley laughed so hard he had to lie down on the floor.\n"
    )
    assert _cast(text)["Ashley"] == "female"
