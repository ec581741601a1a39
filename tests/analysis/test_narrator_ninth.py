"""A first-person narrator (characters/detect.py, characters/narrator.py), ninth session:
someone who acts in the narration is someone the I watches, never the I, however often the
dialogue calls them; and a given name that is also an English word (`Max`, `Miles`) or a
common one (`Maxine`) names the narrator when others call it twice."""

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.pipeline import analyze_text
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text

DINER = """The laundromat smelled of dryer sheets and burnt lint, and I was already regretting
the whole plan before I had got the door shut behind me.

Odalys was sitting on the folding table with her sneakers on a basket of somebody's towels.

"Finally. I thought you'd drowned, Miles."

"The bus broke down. And then Teodor caught me at the corner and talked for ten minutes."

"Teodor. Naturally." She flicked a sock at me. "Let me guess. His band."

I dropped my bag on the floor. I sat down on the dryer across from her. I tried to look like
a person with a good excuse.

"They're actually getting pretty—"

"Stop."

Somebody came in behind me before I could answer, a laundry bag over each shoulder.

"Miles! You left your keys on the bench."

"Hi, Teodor. Bye, Teodor."

Teodor put the keys on the machine next to me very gently and backed out again.

"Thanks, Teodor. Seriously."

"He's going to follow you into a volcano one day."

"Don't say things like that."

I looked at the machines going round and round, and I did not tell her about the dream.
"""


def analysis_of(text: str):
    return analyze_text(text)


def narrator_lines(analysis) -> set:
    return {q.speaker for q in analysis.quotes if q.rule == "narrator"}


def cast_of(text: str):
    document = read_text(text, "text")
    return detect_cast(document, find_quotes(document), default_knowledge())


def test_someone_who_acts_in_the_narration_is_not_the_narrator():
    # Teodor is called four times, named once outside the dialogue, and there he acts (`put
    # the keys on the machine next to me`): the I watches him
    narrator = cast_of(DINER).narrator
    assert narrator is None or narrator.name != "Teodor"


def test_called_only_in_dialogue_is_still_how_a_narrator_is_found():
    text = DINER.replace("Teodor put the keys", "Somebody put the keys")
    text = text.replace("Miles", "Teodor")
    assert cast_of(text).narrator is not None


def test_a_worded_given_name_called_twice_names_the_narrator():
    analysis = analysis_of(DINER)
    names = {c.name for c in analysis.characters}
    assert "Miles" in names
    assert "Narrator" not in names
    thanks = next(q for q in analysis.quotes if q.text.startswith("Thanks, Teodor"))
    assert thanks.speaker == "Miles"


def test_an_ordinary_word_called_twice_is_still_no_name():
    # `Okay` and `Hi` open lines as often as any name: neither names the narrator
    text = DINER.replace("Miles", "Okay")
    names = {c.name for c in analysis_of(text).characters}
    assert "Okay" not in names
