"""Two men talking: a pronoun opening a paragraph after a turn of dialogue is the other man,
also when that turn opens on a beat (`Dominic lifted his head. "What did you do after?"`) and
when it is a run of bare turns back to the last one a rule decided (`Sieve.turn_before`).
Whole pipeline on hand-written passages."""

from tests.analysis.test_speakers_narrator import analyse_quotes

LOCKER_ROOM = (
    "Dominic sat on the bench with his helmet in his lap. Callum leaned against the lockers "
    "and watched him for a while.\n\n"
    '"You played well," Callum said.\n\n'
    '"I scored on my own goalie."\n\n'
    '"Everyone does that once."\n\n'
    'Dominic lifted his head. "What did you do after?"\n\n'
    '"I threw up in a bin," he said. "Then I went back out the next night."\n'
)

STAKEOUT = (
    "The car smelled of cold chips. Ambrose had his eyes shut, and Jem was watching the house "
    "across the road. Ambrose was not asleep; Ambrose never slept on a stakeout.\n\n"
    '"We sat in her kitchen for an hour." Jem rubbed a hand over his face. "She gave me a '
    'biscuit, guv."\n\n'
    '"Never trust a biscuit."\n\n'
    '"So what now? We go and knock?"\n\n'
    '"At two in the morning, with no warrant?" He was already buttoning his coat. "No. Now we '
    'ring the magistrate."\n'
)


def speakers(text: str) -> list[str | None]:
    quotes, _ = analyse_quotes(text)
    return [q.speaker for q in quotes]


def test_a_pronoun_tag_after_a_turn_opening_on_a_beat_is_the_other_man():
    # Before, `he said` went to Dominic, the subject of the beat the turn before opens on.
    assert speakers(LOCKER_ROOM)[-2:] == ["Callum", "Callum"]


def test_a_pronoun_beat_after_a_run_of_bare_turns_follows_their_alternation():
    # Jem spoke the turn before this one (his, the custard cream's answer, his again): before,
    # `He was already buttoning his coat` went to Jem, the man named last.
    assert speakers(STAKEOUT)[-2:] == ["Ambrose", "Ambrose"]


def test_a_run_of_even_length_says_nothing():
    # One bare turn between: the beat's `He` may be the one who spoke two turns back.
    text = STAKEOUT.replace('"Never trust a biscuit."\n\n', "")
    assert speakers(text)[-1] == speakers(text)[-2]
