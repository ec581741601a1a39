"""The lead's reading of hand-written scenes, fifteenth session (docs/evaluation.md, "The
lead's reading (fifteenth session)")."""

from fanarchive.analysis.pipeline import analyze_text

KITCHEN = (
    "Rosa burns her wrist on the oven door, and Ines is beside her before she can swear.\n\n"
    '"Cold water," Ines says. "Now."\n\n'
    '"It\'s nothing," Rosa says. "I got distracted."\n\n'
    '"You always get distracted when your father calls." Her wife holds the wrist under the '
    "tap and doesn't let go.\n\n"
    '"He wants to come for Christmas."\n\n'
    '"Then we\'ll lay another plate," Ines says.\n'
)

DINNER = (
    "Tomas came home late, and the soup had gone cold.\n\n"
    '"Sorry," he said. "The train."\n\n'
    "Later, when Lucia had finished the washing-up and the three of them were sitting by the "
    'stove in the kitchen, Tomas put down his spoon. "I\'m thinking of leaving the firm."\n\n'
    '"Since when?" Lucia asked.\n'
)


def test_a_spouse_opening_the_sentence_after_a_line_is_that_lines_other_side():
    """`"..." Her wife holds the wrist`: the wife is the one speaking (Ines), "her" the one
    spoken to (Rosa): a couple, not two friends."""
    analysis = analyze_text(KITCHEN)
    kinds = {tuple(sorted(r.characters)): r.kind for r in analysis.relationships}
    assert kinds.get(("Ines", "Rosa")) == "romantic"


def test_a_spouse_noun_after_a_line_needs_genders_that_fit():
    """`His wife` after a line between two women names neither of them."""
    text = KITCHEN.replace("Her wife holds", "His wife holds")
    kinds = {tuple(sorted(r.characters)): r.kind for r in analyze_text(text).relationships}
    assert kinds.get(("Ines", "Rosa")) != "romantic"


def test_a_long_subordinate_clause_gives_way_to_the_main_clauses_subject():
    """`Later, when Lucia had finished ... in the kitchen, Tomas put down his spoon.`: the beat
    is Tomas's, not Lucia's, however long the clause before the comma."""
    speakers = {q.text.strip(" ,"): q.speaker for q in analyze_text(DINNER).quotes}
    assert speakers["I'm thinking of leaving the firm."] == "Tomas"


def test_a_given_name_ending_in_s_is_no_plural_of_a_word():
    """`Wes` is no plural of `we`, `Ines` none of `in`: both were dropped as groups."""
    text = (
        "Wes parks the van behind the bakery and Ines climbs out first.\n\n"
        '"You\'re late," Ines says.\n\n'
        '"Traffic," Wes says. "Ines, I swear."\n\n'
        "Ines laughs and tosses him the keys. Wes catches them one-handed.\n"
    )
    names = {c.name for c in analyze_text(text).characters}
    assert {"Wes", "Ines"} <= names


CHAT = (
    "nightclub group chat\n\n"
    "sarahmills: is anyone awake\n"
    "tomreyes: no\n"
    "sarahmills: i locked myself out again\n"
    "tomreyes: of course you did\n"
    "jo: coming. bringing the spare key\n\n"
    "---\n\n"
    "Sarah is sitting on the steps when Tom and Jo arrive, hugging her knees.\n\n"
    '"Don\'t say it," Sarah says.\n\n'
    '"Wasn\'t going to," Tom says, and says it anyway.\n'
)


def test_a_run_together_chat_handle_is_the_person_whose_name_opens_it():
    """`sarahmills:` beside `Sarah is sitting on the steps`: one person, not two."""
    analysis = analyze_text(CHAT)
    names = {c.name for c in analysis.characters}
    assert "sarahmills" not in names and "tomreyes" not in names
    speakers = [q.speaker for q in analysis.quotes[:4]]
    assert speakers == ["Sarah", "Tom", "Sarah", "Tom"]


def test_a_dash_line_opening_like_narration_is_still_speech():
    """`— She kept it in 1940, too.`: the space after the dash made the line read as a
    sentence broken off, and its speech as narration; the line was lost."""
    text = (
        "The ferry left at noon. Henri stood at the rail, and Elodie found him there.\n\n"
        "— Will your sister be at the station? she asked.\n\n"
        "— She wrote that she would.\n\n"
        "— She always keeps her word.\n\n"
        "— She kept it in the war, too, Henri said.\n\n"
        "They said nothing for a while.\n"
    )
    lines = [q.text.strip(" ,.") for q in analyze_text(text).quotes]
    assert "She wrote that she would" in lines
    assert "She always keeps her word" in lines
