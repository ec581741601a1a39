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


DORM = (
    "Jess is a sophomore at Northwestern and has zero time for anyone, which is why it is so "
    "annoying that Malik keeps showing up at her door with coffee.\n\n"
    '"Study group," he says, holding up two cups. "I come bearing caffeine."\n\n'
    '"You\'re not in my study group."\n\n'
    '"I could be. I\'m very studious."\n\n'
    "Jess lets him in anyway and shuts her laptop. Of course she does. At midnight her "
    "roommate texts from the library, and Jess turns her phone face down.\n"
)


def test_a_pronoun_after_someone_else_named_earlier_in_its_sentence_is_no_firm_gender():
    """`Jess ... Malik keeps showing up at her door`: the `her` is Jess's; it made Malik a
    woman, and "he says" then went to nobody."""
    analysis = analyze_text(DORM)
    genders = {c.name: c.gender for c in analysis.characters}
    assert genders["Malik"] == "male"
    assert [q.speaker for q in analysis.quotes] == ["Malik", "Malik", "Jess", "Malik"]
