"""Fan-fiction conversations (seventh session, fic6): rules for exchanges no tag anchors.
Whole pipeline on hand-written passages."""

from tests.analysis.test_speakers_narrator import analyse_quotes


def speakers(text: str) -> list[tuple[str | None, str]]:
    quotes, _ = analyse_quotes(text)
    return [(q.speaker, q.rule) for q in quotes]


# Two people talk with no tag for a stretch; a bare name in the middle says who answers.
BARE_NAME_EXCHANGE = (
    "Odile was still at the bench when Tavish came back in with two cups of coffee. "
    '"You never went home," Tavish said.\n\n'
    '"Neither did you," said Odile.\n\n'
    "Outside, the rain had turned to sleet, and the gutters along the whole street of the "
    "old town were rattling like loose teeth in the wind.\n\n"
    '"Anything?"\n\n'
    '"It moved. Twice, around midnight."\n\n'
    '"Moved where?"\n\n'
    '"Toward the lamp. I think it likes the light."\n\n'
    '"Odile."\n\n'
    '"I know what it sounds like."\n\n'
    '"It sounds like you need sleep."\n'
)


def test_a_bare_name_anchors_an_untagged_exchange_both_ways():
    said = [s for s, _ in speakers(BARE_NAME_EXCHANGE)]
    assert said[2:] == ["Tavish", "Odile", "Tavish", "Odile", "Tavish", "Odile", "Tavish"]


def test_a_bare_name_answering_who_is_there_is_not_a_call():
    text = (
        "The knock came long after midnight, and Brannagh went to the door with the poker "
        "in her hand. She thought of Corrick, three days gone on the mountain road. The snow "
        "had been falling on that road since noon.\n\n"
        '"Who\'s there?"\n\n'
        '"Corrick."\n\n'
        '"At this hour?"\n'
    )
    said = speakers(text)
    assert "answer" not in {rule for _, rule in said}


QUICK_CALL_EXCHANGE = (
    '"You\'re late," Halvard said, not looking up from the ropes.\n\n'
    '"The tide was against me," said Tamsin.\n\n'
    "The harbour had gone quiet by then. Gulls sat along the wall in a long grey row, and "
    "the last light was going out of the water behind the lighthouse.\n\n"
    '"Is the boat in?"\n\n'
    '"Since noon."\n\n'
    '"And the nets, Tamsin?"\n\n'
    '"Mended."\n'
)


def test_a_name_called_in_a_quick_exchange_anchors_it():
    said = [s for s, _ in speakers(QUICK_CALL_EXCHANGE)]
    assert said[2:] == ["Halvard", "Tamsin", "Halvard", "Tamsin"]


def test_a_call_in_a_long_turn_does_not_anchor_the_exchange():
    text = QUICK_CALL_EXCHANGE.replace(
        '"And the nets, Tamsin?"',
        '"And the nets, Tamsin? I asked you on Monday and again on Tuesday, and the '
        'weather will not wait for us."',
    )
    # the exchange stays with the last resort (`nearest_mention`, `answer` after the call)
    assert not {"turn_taking", "turn_partner"} & {rule for _, rule in speakers(text)}


def test_a_later_sentence_calling_someone_else_names_who_answers():
    text = (
        "Orrin stood at the window while Bellamy read the paper and Petra sorted the post at "
        "her desk.\n\n"
        '"There is only one place the train could have stopped," Orrin said. He reached for '
        'his gloves. "Bellamy. Your coat. Petra, please ring for a cab."\n\n'
        '"Already done, sir."\n'
    )
    assert speakers(text)[-1][0] == "Petra"


def test_two_calls_in_one_sentence_keep_the_first():
    text = (
        "Orrin stood at the window while Bellamy read the paper and Petra sorted the post at "
        "her desk.\n\n"
        '"Bellamy, Petra, stay here," Orrin said.\n\n'
        '"Must we?"\n'
    )
    quotes, _ = analyse_quotes(text)
    assert quotes[0].addressee == "Bellamy"
