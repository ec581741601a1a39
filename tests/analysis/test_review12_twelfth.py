"""Review of the twelfth session's rules (docs/evaluation.md, "Review of the twelfth session's
rules"): hand-written passages where a merged rule fired wrongly, and where it still fires."""

from fanarchive.analysis.characters import context, detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import run_sieve
from tests.analysis.test_rel12_twelfth import QUOTES, TALK
from tests.analysis.test_relationships import _pair, analyse

# --- speakers: `Sieve.other_speaker_than_last` -------------------------------------------

# An untagged exchange the last resort decides; the last turn's own paragraph names Ora
# alone, after a fronted phrase the beat rules do not read.
WORKSHOP = (
    "The workshop was cold. Ora sorted the screws while Pell oiled the lathe. "
    "Rain ticked on the skylight.\n\n"
    '"Is the van back?"\n\n'
    '"Not since Tuesday."\n\n'
    '"Then who has it?"\n\n'
    "Ora shrugged.\n\n"
    '"Dunn, probably."\n\n'
    "{last}\n"
)


def sieve_speakers(text: str, names: list[str]) -> list[str | None]:
    document = read_text(text)
    document.metadata.characters = names
    quotes = find_quotes(document)
    run_sieve(document, quotes, detect_cast(document, quotes, default_knowledge()))
    return [q.speaker for q in quotes]


def test_a_turn_whose_own_narration_names_the_last_speaker_alone_stays_theirs():
    last = 'With a glance at the clock, Ora sighed. "And he never fills the tank."'
    assert sieve_speakers(WORKSHOP.format(last=last), ["Pell", "Ora"])[-1] == "Ora"


def test_a_bare_turn_after_the_same_speaker_still_goes_back_to_the_other():
    last = '"And he never fills the tank." The rain came harder.'
    assert sieve_speakers(WORKSHOP.format(last=last), ["Pell", "Ora"])[-1] == "Pell"


# --- relationships: a kiss bound to nobody ----------------------------------------------


def _ann_and_bob(act: str):
    return _pair(analyse(TALK.format(act=act), QUOTES), "Ann Lee", "Bob Stone")


def test_a_kiss_given_to_her_daughter_withholds_nothing():
    # `her` opens a described person here, not the kiss's object: Ann and Bob stay friends.
    act = "He bent and kissed her daughter goodnight, and Cat pretended not to see."
    found = _ann_and_bob(act)
    assert found is not None and found.kind == "platonic"


def test_a_kiss_of_the_weather_withholds_nothing():
    for act in (
        "The glass was kissed by frost, and Cat pretended not to see.",
        "Her arms were sun-kissed from the harvest, and Cat pretended not to see.",
    ):
        found = _ann_and_bob(act)
        assert found is not None and found.kind == "platonic", act


def test_a_kiss_given_to_her_still_withholds_the_platonic_guess():
    found = _ann_and_bob("He kissed her goodnight, and Cat pretended not to see.")
    assert found is None or found.kind == "romantic"


# --- cast: a place name does not end the stretch after a name ------------------------------


def test_a_person_whose_surname_is_a_place_noun_still_stops_the_reading():
    # `Jenny Park`, `Doctor Abbey`: people; the pronoun after them is not Oruvel's.
    for sentence in (
        "Oruvel stood beside Jenny Park with her hands folded.",
        "Oruvel waited for Chester Field, his oldest friend, by the gate.",
        "Oruvel shook hands with Doctor Abbey. He smiled.",
    ):
        assert context.voting_pronoun(sentence, 0, len("Oruvel")) == "", sentence


def test_a_place_name_still_lets_the_pronoun_through():
    sentence = "Oruvel walked down Kessel Street with his hands in his pockets."
    assert context.voting_pronoun(sentence, 0, len("Oruvel")) == "male"
