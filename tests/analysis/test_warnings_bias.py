"""The bigotry features (warnings.bias): slurs, neutral mentions of a group, hostility.

Hand-written sentences; no class is a content note yet (docs/warnings.md), but the
features decide what the model would learn from, so their negatives matter most: a gay
character mentioned neutrally is not homophobia, a wheelchair is not ableism."""

import pytest

from fanarchive.analysis.warnings.bias import bias_features, has_cue


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ('"Get out of my shop, you filthy fag," the baker snarled.', "homophobia"),
        ("They wrote DYKE across her locker in red marker.", "homophobia"),
        ("He called the new boy a retard in front of the whole class.", "ableism"),
        ('"Nobody asked you, you stupid bitch," he said.', "misogyny"),
        ("The sign in the window said no mudbloods served here.", "racism"),
    ],
)
def test_a_slur_is_a_cue(text, category):
    assert has_cue(text, category)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Sam is gay, and his boyfriend bakes the best bread in town.", "homophobia"),
        ("Pansy laughed and handed the fairies their tea.", "homophobia"),
        ("She rolled her wheelchair up the ramp and into the library.", "ableism"),
        ("Since the accident he has been confined to a wheelchair.", "ableism"),
        ("That argument is invalid, and you know it.", "ableism"),
        ("There was a chink in his armour after all.", "racism"),
        ("The women of the village ran the market together.", "misogyny"),
        ("She picked up the hoe and went out to the garden.", "misogyny"),
    ],
)
def test_a_neutral_mention_is_no_cue(text, category):
    assert not has_cue(text, category)


def test_a_neutral_mention_of_the_group_is_not_hostile():
    features = bias_features(["Sam is gay, and he came out to his sister last year."], "homophobia")
    assert "bias:group" in features
    assert not any(
        name.startswith("bias:slur") and value
        for name, value in features.items()
        if name != "bias:slur_density"
    )
    assert "bias:group_hostile" not in features


def test_hostility_towards_the_group_in_one_sentence():
    features = bias_features(
        ["Gay people are disgusting and unnatural, his father said."], "homophobia"
    )
    assert features["bias:group_hostile"] > 0
    assert features["bias:slur_density"] == 0.0


def test_an_addressed_slur_in_dialogue():
    sentences = ['"Move, you fag," he spat.', "Theo said nothing and stepped aside."]
    features = bias_features(sentences, "homophobia")
    assert features["bias:slur:q"] > 0
    assert features["bias:slur_addressed"] > 0
    assert features["bias:slur_density"] == 0.5


def test_a_wheelchair_is_a_mention_not_a_slur():
    features = bias_features(["Her wheelchair was blue, with stickers on the wheels."], "ableism")
    assert "bias:group" in features
    assert "bias:slur" not in features and "bias:slur_sentences" not in features
