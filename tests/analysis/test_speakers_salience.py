"""Whom a `she said` continues when the narration last named another woman in passing: not
a name set beside `her maid`, nor one after a `She` that opens its sentence (hand-written
passages)."""

from tests.analysis.test_speakers_turns import attributed_with_detected_cast


def speakers_of(text: str) -> list[str | None]:
    return [quote.speaker for quote in attributed_with_detected_cast(text)]


def test_a_name_set_beside_her_maid_is_not_the_she_who_speaks():
    # Edna, `her` maid, belongs to the woman the narration is about.
    text = (
        "Mrs. Pell had kept the Lamb Inn for thirty years, and Mr. Grange was her first guest "
        "of the winter.\n\n"
        '"A room and a fire," Mr. Grange said.\n\n'
        "Mrs. Pell lit the fire and left him there. As soon as the kettle was well on the "
        "boil, and Edna, her sleepy maid, had been sent for coal, she carried the tray up the "
        "stairs. She was surprised to see that her guest still wore his coat. She noticed "
        "the snow on his shoulders.\n\n"
        '"Will you take your tea now, sir?" she said.\n\n'
        "Edna came up with the coal at last, and Edna was scolded.\n"
    )
    assert speakers_of(text)[-1] == "Mrs. Pell"


def test_a_name_after_a_she_opening_its_sentence_is_not_that_she():
    # `She had done everything, while Edna had only...`: the She is not Edna.
    text = (
        "Mrs. Pell had kept the Lamb Inn for thirty years, and Mr. Grange was her first guest "
        "of the winter.\n\n"
        '"A room and a fire," Mr. Grange said.\n\n'
        "Mrs. Pell lit the fire and left him there. She had aired the sheets, laid the table "
        "and done everything, while Edna had only managed to break a cup. Then she went up "
        "the stairs with the tray. She knocked and entered promptly.\n\n"
        '"Will you take your tea now, sir?" she said.\n'
    )
    assert speakers_of(text)[-1] == "Mrs. Pell"
