"""The review of the fifteenth session's rules: hand-written passages on which a new rule
gave a wrong output (docs/evaluation.md, "Review (fifteenth session)")."""

from fanarchive.analysis.pipeline import analyze_text


def _kinds(text: str) -> dict[tuple[str, ...], str]:
    return {tuple(sorted(r.characters)): r.kind for r in analyze_text(text).relationships}


def _speakers(text: str) -> dict[str, str | None]:
    return {q.text.strip(" ,"): q.speaker for q in analyze_text(text).quotes}


def test_a_spouse_after_a_line_is_its_speaker_not_the_child_spoken_to():
    """`"Eat your peas, Sam ..." Her husband laughed`: the husband is a third person, not Sam,
    the six-year-old the line is said to."""
    text = (
        "Sam was six and hated peas. He pushed them around the plate with his fork and made a "
        "wall of mashed potato to hide them behind.\n\n"
        "Jo watched him from across the table. She was not fooled.\n\n"
        '"Eat your peas, Sam, or there\'s no pudding." Her husband laughed into his napkin '
        "and pretended it was a cough.\n\n"
        "Sam ate one pea. Then he ate another, very slowly, watching Jo the whole time.\n"
    )
    assert _kinds(text).get(("Jo", "Sam")) != "romantic"


def test_third_person_thoughts_make_no_first_person_narrator():
    """`*I told him I'd be fine,* she thought.`: a third-person story's unquoted thoughts say
    I; its narrator is no character."""
    text = (
        "Kara hated the break room. She hated the flickering light and the way the coffee "
        "machine groaned when anyone touched it. She poured a cup anyway and leaned against "
        "the counter.\n\n"
        "*I told him I'd be fine,* she thought. *I said it twice.*\n\n"
        "Lena came in a minute later, her heels loud on the tile. She looked tired. She looked "
        "like she had not slept in days.\n\n"
        '"You\'re here early," Lena said.\n\n'
        '"Couldn\'t sleep." Kara shrugged. She watched Lena fill her mug. She watched her add '
        "too much sugar, the way she always did.\n\n"
        "*I should say something,* she thought. *I really should.*\n\n"
        '"Are you okay?" Lena asked. She set the mug down. She studied Kara\'s face for a long '
        "time.\n\n"
        '"Fine." I am not fine, Kara thought. She smiled anyway. She picked up her coffee and '
        "headed for the door, and Lena let her go.\n"
    )
    assert "Narrator" not in {c.name for c in analyze_text(text).characters}


def test_a_handle_beside_the_short_names_own_label_is_someone_else():
    """`kat: not me` beside `katniss: who took my bow`: two people in one chat."""
    text = (
        "Kat had muted the chat twice already, but the buzzing kept coming through anyway, so "
        "she gave up and opened it.\n\n"
        "katniss: who took my bow\n"
        "kat: not me\n"
        "katniss: someone did\n"
        "peeta: i might know\n"
        "kat: peeta.\n\n"
        "Kat laughed and rolled over in bed. Peeta was definitely going to get shot.\n"
    )
    speakers = [q.speaker for q in analyze_text(text).quotes]
    assert speakers[0] != speakers[1]


def test_its_me_after_who_is_it_calls_the_asker():
    """`"Who is it?" / "Maya, open up, it's me."`: the one at the door calls Maya, who asked;
    the reply is not Maya's own name given."""
    text = (
        "Maya had just got out of the shower when three quick raps sounded on the door of the "
        "flat. She wrapped the towel tighter and padded into the hall.\n\n"
        '"Who is it?"\n\n'
        '"Maya, open up, it\'s me. I forgot my keys again."\n\n'
        "She sighed and let Jonah in. He was soaked to the skin and grinning.\n"
    )
    speakers = _speakers(text)
    assert speakers["Maya, open up, it's me. I forgot my keys again."] != "Maya"
    assert speakers["Who is it?"] == "Maya"


def test_the_asker_named_in_the_questions_paragraph_is_called_not_answering():
    """`"Who is it?" Maya called ... / "Maya, come on, I forgot my keys."`: Maya asked."""
    text = (
        "Maya had just got out of the shower when someone knocked on the door of the flat.\n\n"
        '"Who is it?" Maya called, wrapping the towel tighter.\n\n'
        '"Maya, come on, I forgot my keys again."\n\n'
        "She sighed and let Jonah in. He was soaked to the skin and grinning.\n"
    )
    assert _speakers(text)["Maya, come on, I forgot my keys again."] != "Maya"


def test_an_elided_year_opens_no_line_in_single_quotes():
    """`since '40, and the bombs fell ... 'Get under the table,'`: the elision's mark is no
    line's opening, so the bombs are narration, not talk of a war."""
    text = (
        "Nana had been in the Blitz since 1940, 'cause the bombs fell on the street every "
        "night that winter, and the house next door burned to the ground with the Pikes "
        "inside. 'Get under the table,' her mother said.\n\n"
        "She got under the table. The shelling went on until dawn, and when it stopped the "
        "whole street was rubble and fire.\n\n"
        "'Is it over?' she asked.\n\n"
        "'For tonight,' her mother said.\n"
    )
    assert "War" in {w.name for w in analyze_text(text).warnings}


def test_did_you_sign_your_name_asks_no_name():
    """`"Did you sign your name?" / "Tom, I did, look."`: the reply calls Tom, who asked."""
    text = (
        "Tom leaned over the desk where Ellie was filling in the form for the third time.\n\n"
        '"Did you sign your name?"\n\n'
        '"Tom, I did, look. Right there at the bottom."\n\n'
        "He looked. She had.\n"
    )
    assert _speakers(text)["Tom, I did, look. Right there at the bottom."] != "Tom"
