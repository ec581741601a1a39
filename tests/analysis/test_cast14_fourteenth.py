"""The cast, fourteenth session (docs/evaluation.md, "Once-named companions (fourteenth
session)"): someone a short work names once, of a sex no one else in the cast has."""

from fanarchive.analysis import analyze_text

CAMP = (
    "Corwin was cleaning his rifle when the rain started. Dale swore and dragged the tarp "
    "over the fire.\n\n"
    '"It\'ll pass," Corwin said.\n\n'
    '"It never passes." Dale looked up at the grey. "Not out here."\n\n'
    "{intro} ducks under the tarp, shaking the water out of her hair.\n\n"
    '"Move up," she says. "You two take up the whole log."\n\n'
    '"We were here first," Dale said.\n\n'
    '"And now I\'m here," she says, and sits.\n'
)


def test_a_once_named_woman_among_men_is_in_the_cast():
    """`Ysmira` said once, leading a sentence with her own `her`, among two men: every `she
    says` is hers (before, the cast was Corwin and Dale only)."""
    analysis = analyze_text(CAMP.format(intro="Ysmira"))
    assert "Ysmira" in {c.name for c in analysis.characters}
    speakers = [q.speaker for q in analysis.quotes]
    assert speakers[-3] == "Ysmira" and speakers[-1] == "Ysmira"


def test_a_common_word_leading_with_her_is_no_one():
    """`Thunder` opens the sentence as a person would; an ordinary word stays out."""
    analysis = analyze_text(CAMP.format(intro="Thunder"))
    assert "Thunder" not in {c.name for c in analysis.characters}
