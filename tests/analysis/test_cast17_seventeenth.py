"""Denied acts (seventeenth session; docs/evaluation.md, "Denied acts (seventeenth
session)"): a sentence a given name opens with a denied or habitual act (`Nell didn't
answer.`, `Nell never shouted`) shows a person as plainly as `Nell answered.`
(`characters.context.acts_as_person`), so a friend said twice, never in a speech tag, is in
the cast."""

from fanarchive.analysis.pipeline import analyze_text

# A kitchen after a funeral, with no line spoken: the friend opens two sentences, one with
# `had` (a state a place could be in) and one with a denied act.
KITCHEN = (
    "Tomas stood at the sink long after the last guest had gone, washing the same cup over "
    "and over, and the radio played something about rain.\n\n"
    "Nell had stayed behind to help. She sat on the step with a bin bag and a roll of tape "
    "she already knew they would not need.\n\n"
    "He put the cup down at last and leaned on the counter with both hands.\n\n"
    "Nell didn't say anything. She crossed the kitchen and put her arm round him, and they "
    "stood like that while the light went.\n"
)


def test_friend_opening_a_denied_act_is_cast():
    names = {c.name for c in analyze_text(KITCHEN).characters}
    assert "Nell" in names


def test_denied_act_reads_as_a_person():
    from fanarchive.analysis.characters import context

    text = "Nell never shouted; she just looked."
    assert context.acts_as_person(text, len("Nell"))
    assert not context.acts_as_person("Paris was quiet.", len("Paris"))
