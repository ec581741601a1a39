"""The learned ranking of the sieve's less certain answers (speakers/ranking.py)."""

import subprocess
import sys

from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import ranking, run_sieve

from .test_speakers import hand_cast

CONVERSATION = (
    '"Where were you?" said Emma.\n\n"Out," said Naruto.\n\n"Out where, Gaara?"\n\n'
    '"Nowhere."\n\n"Nowhere is somewhere."\n'
)


def sieve_of(text: str, decide=run_sieve):
    """The sieve of `text` with the hand cast; `decide`: run_sieve, or decide_speakers (the
    sieve and the ranking)."""
    document = read_text(text)
    quotes = find_quotes(document)
    return decide(document, quotes, hand_cast(document.text))


def test_the_model_chooses_among_the_candidates_of_a_conversation_turn():
    sieve = sieve_of(CONVERSATION)
    nowhere = sieve.lines[3]
    assert nowhere.quote.rule in ranking.RANKED_RULES
    candidates = ranking.candidate_features(sieve, nowhere)
    assert {"Emma", "Naruto", "Gaara"} <= set(candidates)
    assert candidates["Gaara"]["previous_addressee"] == 1.0
    # A model that trusts the one addressed in the previous turn above all lets Gaara answer.
    ranking.rerank(sieve, ranking.Model({"previous_addressee": 5.0, "sieve": 1.0}))
    assert nowhere.quote.speaker == "Gaara"
    assert 0.5 < nowhere.quote.confidence <= 1.0


def test_near_certain_rules_stay_rules():
    sieve = sieve_of(CONVERSATION)
    ranking.rerank(sieve, ranking.Model({"sieve": -10.0, "latest_named": 5.0}))
    assert [line.quote.speaker for line in sieve.lines[:2]] == ["Emma", "Naruto"]
    assert [line.quote.rule for line in sieve.lines[:2]] == ["explicit", "explicit"]


def test_the_shipped_weights_load_and_speak_the_features_it_computes():
    model = ranking.shipped_model()
    assert model is not None
    sieve = sieve_of(CONVERSATION)
    computed = {
        name.split("|")[0]
        for line in sieve.lines
        for features in ranking.candidate_features(sieve, line).values()
        for name in features
    }
    # Every weight is for a feature the ranking computes (rules appear as `rule=<name>`).
    expected = computed | {f"rule={rule}" for rule in ranking.RANKED_RULES}
    assert {name.split("|")[0] for name in model.weights} <= expected


def test_scoring_needs_no_scikit_learn():
    code = (
        "import sys\n"
        "from fanarchive.analysis.pipeline import analyze_text\n"
        'analyze_text(\'"Hi," said Emma.\\n\\n"Hello."\\n\\n"Well?"\\n\')\n'
        "print('sklearn' in sys.modules or 'scipy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_candidates_know_who_spoke_lately_and_who_was_talked_about():
    sieve = sieve_of(CONVERSATION)
    somewhere = ranking.candidate_features(sieve, sieve.lines[4])
    # Turns back: "Nowhere." (1), "Out where, Gaara?" (2), "Out," said Naruto (3).
    assert somewhere["Naruto"]["three_turns_back"] == 1.0
    assert somewhere["Naruto"]["last_tagged"] == 1.0
    assert somewhere["Emma"]["last_tagged"] == 0.0
    assert somewhere["Naruto"]["turn_share"] > 0
    sieve = sieve_of(
        'Emma waited. "Have you seen Sakura?" said Naruto.\n\nSakura looked at Gaara.\n\n"No."\n'
    )
    no = ranking.candidate_features(sieve, sieve.lines[1])
    assert no["Sakura"]["named_in_previous_turn"] == 1.0
    assert no["Gaara"]["named_in_previous_turn"] == 0.0
    assert no["Gaara"]["named_since_previous_turn"] == 1.0
    assert no["Emma"]["named_since_previous_turn"] == 0.0


def test_the_previous_turn_addresses_someone_in_any_of_its_parts():
    sieve = sieve_of(
        '"Where were you?" said Naruto.\n\n'
        '"Another time, Gaara," said Emma, "I would not go there alone."\n\n'
        '"I will go where I like."\n'
    )
    reply = ranking.candidate_features(sieve, sieve.lines[3])
    assert reply["Gaara"]["previous_addressee"] == 1.0
    assert reply["Naruto"]["previous_addressee"] == 0.0
