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


# Friends to lovers: the rule that makes romance said in lines between friends a friend's
# took "I'm in love with you" said by both for a friend's words too, and the confession
# ended platonic; said by one, it stays what the rule made it (a love that may be refused).
def test_best_friends_who_both_say_they_are_in_love_are_a_couple():
    text = (
        "Nadia and Priyanka had been best friends since the first day of school. They shared "
        "everything: lunches, secrets, a bedroom wall covered in posters.\n\n"
        "On the last night of summer they sat on the roof of Nadia's building and watched the "
        "city lights.\n\n"
        '"Can I tell you something?" Nadia asked.\n\n'
        '"Always," Priyanka said.\n\n'
        '"I\'m in love with you. I have been for years."\n\n'
        "Priyanka was quiet for a long moment. Then she smiled. \"I'm in love with you too, "
        'idiot."\n\n'
        "They stayed on the roof until the sun came up.\n"
    )
    kinds = {frozenset(r.characters): r.kind for r in analyze_text(text).relationships}
    assert kinds[frozenset({"Nadia", "Priyanka"})] == "romantic"
