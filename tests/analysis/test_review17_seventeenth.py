"""Review of the seventeenth session's rules (docs/relationships.md and docs/warnings.md,
"Review (seventeenth session)"): hand-written passages each rule read wrongly, failing
before its narrowing."""

from fanarchive.analysis import analyze_text


def pairs(text: str) -> dict[str, str]:
    return {r["tag"]: r["kind"] for r in analyze_text(text).to_dict()["relationships"]}


WAITING = "Nadia Okonkwo had been waiting for two hours when a nurse came out.\n\n"
BED = '\n\nTom Reed was asleep in the bed by the window.\n\n"Hey," he said.\n'


def test_his_may_mean_the_person_someone_named_has():
    """'"Is Tom Reed's father here?" / "I'm his wife."': his is the father's, not Tom's."""
    text = (
        WAITING
        + '"Is Tom Reed\'s father here?"\n\nNadia stood up. "I\'m his wife. He\'s parking."'
        + BED
    )
    assert "Nadia Okonkwo/Tom Reed" not in pairs(text)


def test_his_still_means_him_beside_a_person_of_the_other_sex():
    text = WAITING + '"Is Tom Reed\'s sister here?"\n\nNadia stood up. "No. I\'m his wife."' + BED
    assert pairs(text).get("Nadia Okonkwo/Tom Reed") == "romantic"


def test_a_declaration_its_tag_calls_a_lie_binds_nobody():
    text = (
        WAITING
        + '"Family only, sorry. Tom Reed is in surgery."\n\n'
        + 'Nadia leaned on the desk. "Fine. I\'m his wife," she lied.'
        + BED
    )
    assert "Nadia Okonkwo/Tom Reed" not in pairs(text)


def warning_names(text: str) -> set[str]:
    return {warning["name"] for warning in analyze_text(text).to_dict()["warnings"]}


def test_a_massacre_its_sentence_shows_real_keeps_its_warnings():
    """An everyday event called a massacre is figurative, but not when the rest of the
    sentence tells of shooting: 'the vote was a massacre: soldiers fired into the queues'."""
    text = (
        "In the capital the vote was a massacre: soldiers fired into the queues outside the"
        " polling stations.\n\nMara Voss counted the wounded with the other nurses.\n"
    )
    assert "Killing" in warning_names(text)


def test_a_vote_called_a_massacre_stays_figurative():
    text = (
        "The vote was a massacre for the party: they lost ninety seats.\n\nMara Voss turned"
        " off the television and went to bed.\n"
    )
    assert not warning_names(text) & {"Killing", "Death", "Violence"}
