"""Fan-fiction speakers, epithets (seventeenth session; docs/evaluation.md, "Fan-fiction
epithets (seventeenth session)"): in a short work, a tag that describes its speaker (`the
cook said`) when no tag rule could say who that is marks a voice the turns did not lead to,
so the parity does not hand the line back to one of the two trading turns
(`Sieve.described_third_voice`)."""

from tests.analysis.casts import sieve_answers

# Marek and Ilse trade four turns; the cook, named by the narration before they came in,
# speaks the fifth. The parity gave it to Marek.
KITCHEN = (
    "The kitchen was warm, and Dunya had the stove going before anyone else was up.\n\n"
    "It did not stay quiet. Marek came in arguing, and Ilse came in after him, and both of "
    "them sat down at the table without so much as a nod to Dunya.\n\n"
    '"We go north," Marek said.\n\n'
    '"North is a glacier," Ilse said.\n\n'
    '"North is shorter."\n\n'
    '"Shorter to a glacier."\n\n'
    '"North is where the bread is," the cook said, and put the loaf down between them.\n'
)

# The same without a third person in the scene: nobody else to give the line to.
KITCHEN_OF_TWO = KITCHEN.replace(
    "The kitchen was warm, and Dunya had the stove going before anyone else was up.\n\n", ""
).replace(" without so much as a nod to Dunya", "")

# `continued the cook` goes on with a speech: not a new voice.
KITCHEN_CONTINUED = KITCHEN.replace("the cook said", "continued the cook")


def test_a_described_voice_is_not_one_of_the_two_trading_turns():
    speakers = [speaker for speaker, _ in sieve_answers(KITCHEN)]
    assert speakers[:4] == ["Marek", "Ilse", "Marek", "Ilse"]
    assert speakers[4] == "Dunya"


def test_with_no_third_person_the_turns_stand():
    assert sieve_answers(KITCHEN_OF_TWO)[4][1] != "descriptor"


def test_a_continuing_verb_is_no_new_voice():
    assert sieve_answers(KITCHEN_CONTINUED)[4][0] != "Dunya"
