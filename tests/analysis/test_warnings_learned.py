"""The learned content-note model: shipped weights, plain-Python scoring, evidence, training."""

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import MODEL_DECIDES, detect_warnings, learned_probabilities
from fanarchive.analysis.warnings.learned import WEIGHTS_PATH, load_models, window_features

FIGHT = (
    "The sun was warm on the courtyard stones. "
    "He slammed his fist into the guard's jaw and felt the bone give. "
    "The guard stumbled back, blood pouring from his broken nose, and swung the sword at him. "
    "Jon ducked and drove the knife into his stomach. "
    "The man screamed in agony and fell."
)
CALM = (
    "She thought about the fight they had had last year, and laughed. "
    "The war was a story her grandmother told. "
    "They drank tea in the garden until the sun went down."
)


def test_weights_ship_as_a_small_json_beside_the_code():
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert WEIGHTS_PATH.stat().st_size < 100_000
    assert "tune side" in data["trained_on"]
    models = load_models()
    assert set(models.models) >= MODEL_DECIDES
    for model in models.models.values():
        assert model.calibration[0] > 0  # a higher margin means more often right
        assert 0 < model.threshold < 1


def test_scoring_does_not_import_scikit_learn():
    code = (
        "import sys\n"
        "from fanarchive.analysis import analyze_text\n"
        "analyze_text('He stabbed him in the chest. Blood poured out and he died.')\n"
        "assert not any(m.startswith('sklearn') for m in sys.modules), 'sklearn imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_fight_is_likely_violence_with_the_heaviest_sentence_first():
    document = read_text(FIGHT)
    found = {w.name: w for w in detect_warnings(document, find_quotes(document), Cast())}
    violence = found["Violence"]
    assert violence.confidence >= 0.7 and violence.likelihood == "likely"
    assert "sun was warm" not in violence.evidence[0].text
    for item in violence.evidence:
        assert document.text[item.start : item.end] == item.text


def test_a_calm_passage_mentioning_fights_and_war_gets_no_note():
    document = read_text(CALM)
    found = {w.name for w in detect_warnings(document, find_quotes(document), Cast())}
    assert not {"Violence", "War", "Death"} & found
    assert learned_probabilities(document)["violence"] < 0.3


def test_a_text_without_cues_is_not_scored():
    assert learned_probabilities(read_text("They walked to the bakery and bought bread.")) == {
        category: 0.0 for category in load_models().models
    }


def test_window_features_sum_then_compress_and_max_features_take_the_highest():
    features = window_features(
        [{"cue:violence": 3.0, "max:violence": 3.0}, {"cue:violence": 1.0, "max:violence": 1.0}]
    )
    assert features["cue:violence"] == pytest.approx(1.6094, abs=1e-3)  # log(1 + 4)
    assert features["max:violence"] == pytest.approx(1.3863, abs=1e-3)  # log(1 + 3)


def test_training_on_a_tiny_set_writes_weights_for_each_category(tmp_path):
    pytest.importorskip("sklearn")
    from fanarchive.analysis.warnings import training

    lines = []
    for i in range(40):
        work = str(2 * i)  # even: tune side
        violent = i % 2 == 0
        text = (
            "He punched him in the face and kicked him in the ribs. Blood ran from his nose."
            if violent
            else "They talked about the fight on television and went home."
        )
        text += f" It was day {i}."  # every passage its own words
        for category in training.CATEGORIES:
            lines.append(
                {"warning": category, "labels": [int(violent)] * 3, "text": text, "work_id": work}
            )
    lines.append({"warning": "violence", "labels": [1, 1, 1], "text": "odd work", "work_id": "1"})
    source = tmp_path / "tiny.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    target = tmp_path / "weights.json"
    assert training.run(str(source), str(target)) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert set(data["categories"]) == {"violence"}  # the others have no cue to learn from
    assert data["categories"]["violence"]["weights"]


def test_training_refuses_an_unreadable_file(tmp_path, capsys):
    from fanarchive.analysis.warnings import training

    assert training.run(str(tmp_path / "missing.jsonl")) == training.EXIT_BAD_INPUT
    assert "cannot read" in capsys.readouterr().err


def test_depiction_features_tell_a_blow_from_a_threat_in_dialogue():
    from fanarchive.analysis.warnings.learned import EMPTY_CUES, sentence_features

    blow = sentence_features("He slammed his fist into the guard's jaw.", EMPTY_CUES, frozenset())
    threat = sentence_features('"I will hurt you," he said.', EMPTY_CUES, frozenset())
    assert blow["dep:force_body"] == 1.0 and "dep:hurt_modal" not in blow
    assert threat["dep:hurt_modal:q"] == 1.0 and "dep:hurt_modal" not in threat


def test_depiction_features_tell_a_death_in_the_scene_from_a_death_remembered():
    from fanarchive.analysis.warnings.learned import EMPTY_CUES, sentence_features

    scene = sentence_features("His breathing slowed, and stopped.", EMPTY_CUES, frozenset())
    remembered = sentence_features("His mother had died years ago.", EMPTY_CUES, frozenset())
    idiom = sentence_features("She was dead tired after the deadline.", EMPTY_CUES, frozenset())
    assert scene["dep:body"] == 1.0
    assert remembered["dep:past"] == 2.0  # "had died", "years ago"
    assert idiom["dep:idiom"] == 2.0


def test_work_folds_never_split_a_work_and_repeats_differ():
    from fanarchive.analysis.warnings import training

    groups = [str(i // 3) for i in range(60)]  # 20 works of 3 passages
    splits = [list(training.work_folds(groups, repeat)) for repeat in (0, 1)]
    for split in splits:
        assert sorted(i for _, test in split for i in test) == list(range(60))
        for train, test in split:
            assert not {groups[i] for i in train} & {groups[i] for i in test}
    assert [test for _, test in splits[0]] != [test for _, test in splits[1]]


def test_best_constrained_f1_keeps_precision_at_least_0_6():
    from fanarchive.analysis.warnings import training

    margins = [3.0, 2.0, 1.0, 0.0, None]
    gold = [False, True, True, False, True]
    # cut after 3: P 2/3, R 2/3 -> F1 0.667; the top one alone has precision 0
    assert training.best_constrained_f1(margins, gold) == pytest.approx(2 / 3)
    assert training.best_constrained_f1([1.0, 0.5], [False, False]) == 0.0


REMEMBERED_DEATH = (
    "His mother died years ago, when he was ten. He remembered the funeral and the rain, "
    "and how his father would not speak of her death."
)


def test_a_death_remembered_gets_no_death_note_though_the_rules_fire():
    document = read_text(REMEMBERED_DEATH)
    quotes = find_quotes(document)
    rules = {w.name for w in detect_warnings(document, quotes, Cast(), use_model=False)}
    shipped = {w.name for w in detect_warnings(document, quotes, Cast())}
    assert "Death" in rules and "Death" not in shipped


def test_the_rules_keep_a_death_narrated_in_the_scene_that_the_model_declines():
    from fanarchive.analysis.sentences import sentence_index
    from fanarchive.analysis.warnings import (
        DEPICTION_OVERRIDES,
        Finding,
        LearnedCues,
        depicted_in_narration,
        score_cues,
    )

    assert "death" in MODEL_DECIDES and "death" in DEPICTION_OVERRIDES
    for text, expected in (
        ("He sat by the bed. His breathing slowed, and stopped.", True),
        ('"If he dies, I will never forgive you," she said.', False),
        ("His father had died years ago.", False),
    ):
        document = read_text(text)
        index = sentence_index(document)
        negated: dict = {}
        cues = LearnedCues(
            document, index, score_cues(document, index, negated), negated, frozenset()
        )
        finding = Finding(sentences=list(range(len(index))))
        assert depicted_in_narration("death", finding, cues) is expected, text


# Words the DEPICTION patterns are made of, so generated sentences hit them often.
DEPICTION_WORDS = (
    "he she they i him her his my blood bleeding bruised cuts split broken pain screamed cry "
    "fell knocked hit punched slammed kicked stabbed fist jaw face ribs would will to never "
    "hurt kill die dead died had was were is body pulse breathing stopped last breath killed "
    "murdered dying funeral grave buried mourn grief years ago remember since if unless news "
    "game movie heart ego feelings tired deadline the a and into then"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DEPICTION_WORDS.split()), min_size=1, max_size=14))
def test_the_depiction_prefilter_changes_no_feature(words):
    from fanarchive.analysis.warnings.learned import DEPICTION_RES, depiction_features

    sentence = " ".join(words)
    for in_dialogue in (False, True):
        features: dict[str, float] = {}
        depiction_features(sentence, in_dialogue, features)
        suffix = ":q" if in_dialogue else ""
        unfiltered = {
            f"dep:{name}{suffix}": float(len(regex.findall(sentence)))
            for name, regex in DEPICTION_RES
            if regex.search(sentence)
        }
        assert features == unfiltered
