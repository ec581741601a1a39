"""The lead's reading, fifteenth session: what a learned note shows first
(docs/warnings.md, "The lead's reading (fifteenth session)")."""

from fanarchive.analysis.pipeline import analyze_text

RIVER = (
    "Nobody in the village talked about what Ewan did after the mill closed.\n\n"
    "Catriona found the bottle on the kitchen table the morning after. Her brother was in the "
    "chair by the cold hearth, and he had been dead for hours.\n\n"
    "She sat down across from him and held his hand until it was light, and then she walked "
    "to the doctor's house in her slippers.\n\n"
    '"He\'d been low," Dr. Fraser said afterwards. "Since the spring."\n\n'
    "At the funeral, Mhairi from the post office pressed a jar of honey into her hands and "
    "said she was sorry, so sorry.\n\n"
    "Later that year she cut her palm open on a broken milk bottle and watched the blood well "
    "up without feeling much of anything.\n"
)


def test_a_learned_notes_first_evidence_holds_a_cue_of_its_category():
    """The model weighed the cut palm's blood above the death: a Death note showed the cut
    first. A sentence holding a death cue comes first now."""
    death = next(w for w in analyze_text(RIVER).warnings if w.name == "Death")
    first = death.evidence[0].text.lower()
    assert "dead" in first or "funeral" in first
