"""Review (fourteenth session): hand-written cases for the wrong outputs the review of the
session's merged rules found (docs/evaluation.md, "Review (fourteenth session)")."""

from fanarchive.analysis.pipeline import analyze_text


def _genders(text: str) -> dict[str, str]:
    return {c.name: c.gender for c in analyze_text(text).characters}


# `_kin_gender` took "your brother Kate" in "Tell your brother Kate says hi" for a kin noun
# of Kate's and made her a man against every "she" and "her" the narration gives her.
def test_a_kin_noun_before_a_name_yields_to_the_names_own_pronouns():
    text = (
        "Kate leaned in the doorway of the garage, her arms folded. She watched Danny wrestle "
        "with the carburettor for a full minute before she spoke.\n\n"
        '"Tell your brother Kate says hi," she said.\n\n'
        'Danny snorted. "Tell him yourself. He\'s in the kitchen."\n\n'
        "Kate rolled her eyes and went inside. She found Marco at the stove, and she stole a "
        "piece of bacon off his plate before he could stop her.\n"
    )
    assert _genders(text)["Kate"] == "female"


def test_a_kin_noun_still_genders_a_name_its_pronouns_agree_with():
    text = (
        "My sister Jules had never liked Theo. She said so every Sunday, loudly, over the "
        'roast.\n\n"He\'s fine," I told her.\n\n"He\'s a prat," Jules said. "Pass the gravy."\n'
    )
    assert _genders(text)["Jules"] == "female"
