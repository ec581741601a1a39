"""Speed of the speakers stage (fourteenth session, speed14a): each fast path gives what the
slower reading it replaced gave, on hand-written passages."""

import math

from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import confidence, ranking, run_sieve

from .test_speakers import hand_cast

PEOPLE = {"Ora": "female", "Bram": "male", "Tilde": "female", "Jasper": "male"}

PASSAGES = [
    # a stranger's tag: the person-noun reading is still asked for (`said the officer`)
    'A young officer in a grey coat came in out of the rain.\n\n"Papers," said the officer.\n\n'
    '"Here," said Ora.\n\n"Then you pay twice."\n\n"Twice?"\n',
    # a tag with no noun at all, a pronoun tag, bare turns
    '"Is the kettle on?" Bram asked.\n\n"Since noon," she said. "Sit."\n\n"Tilde, come here."'
    '\n\n"Coming."\n\n"Faster."\n\nOra laughed.\n\n"She never hurries."\n',
    # a voice closing the paragraph before, in any case
    "Night fell over the mill.\n\nThe door stayed shut, and Bram's VOICE came muffled through the wall.\n\n"
    '"Let me in."\n\n"No," said Tilde.\n\n"Please, Tilde."\n',
    # a voice named in a paragraph, then a scene break before the next line
    'Ora\'s voice was low. "Not tonight."\n\n* * *\n\nThe road ran on past the mill.\n\n'
    '"Jas. Come on," Ora called.\n\n"Coming," said the boy.\n\n"Now, Jas."\n',
    # a kid and a stranger: nouns with no gender beside names
    '"Go home," the kid said to Bram.\n\n"You go," said the stranger.\n\n"Both of you, out."\n',
]


def _sieve(text: str):
    document = read_text(text)
    return run_sieve(document, find_quotes(document), hand_cast(document.text, people=PEOPLE))


def _tags(sieve, find):
    """What `find` says of every line, read afresh (the sieve's notes cleared first)."""
    found = []
    for line in sieve.lines:
        line.notes.clear()
        line.tag = None
        tag = find(line)
        found.append((tag, line.tag, dict(line.notes)))
    return found


def test_find_tag_equals_the_reading_with_and_without_person_nouns():
    for text in PASSAGES:
        fast, slow = _sieve(text), _sieve(text)
        assert _tags(fast, fast.find_tag) == _tags(slow, _both_readings(slow))


def _both_readings(sieve):
    """find_tag as it was: the reading with person nouns asked after every fruitless one."""
    return lambda line: sieve.tag_by_name_or_gender(line) or sieve.tag_by_person_noun(line)


def test_a_strangers_tag_is_still_read():
    sieve = _sieve(PASSAGES[0])
    assert sieve.find_tag(sieve.lines[0]).subject.value == "person"


def test_voice_closing_the_paragraph_before_in_any_case():
    sieve = _sieve(PASSAGES[2])
    heard = sieve.ctx.voice_closing_paragraph_before(sieve.lines[0])
    assert heard is not None and heard.value == "Bram"
    assert sieve.ctx.voice_closing_paragraph_before(sieve.lines[1]) is None


def test_a_paragraph_opening_a_scene_is_no_paragraph_before():
    sieve = _sieve(PASSAGES[3])
    after_break = next(line for line in sieve.lines if "Jas. Come" in line.quote.text)
    para = sieve.ctx.units[after_break.paragraph - 1]
    assert sieve.ctx.previous_paragraph(after_break) == (para.start, para.end)
    opening = sieve.ctx.units[after_break.paragraph - 1].start
    assert (opening in sieve.ctx.break_set) == any(b == opening for b in sieve.ctx.breaks)


def test_votes_for_the_ranked_lines_equal_the_votes_for_all():
    for text in PASSAGES:
        sieve = _sieve(text)
        every = ranking.turn_votes(sieve)
        wanted = {line.index for line in sieve.lines[::2]}
        some = ranking.turn_votes(sieve, wanted)
        assert {i: some.get(i, {}) for i in wanted} == {i: every.get(i, {}) for i in wanted}


def test_candidate_features_of_short_histories():
    # fewer than three turns back and two ahead: the missing turns match no one
    sieve = _sieve('"Tea?" said Ora.\n\n"Please," said Bram.\n\n"Milk?"\n')
    features = ranking.candidate_features(sieve, sieve.lines[2])
    ora, bram = features["Ora"], features["Bram"]
    assert (ora["two_turns_back"], ora["previous_turn"], bram["previous_turn"]) == (1.0, 0.0, 1.0)
    assert ora["three_turns_back"] == bram["three_turns_back"] == 0.0
    assert ora["next_turn"] == ora["two_turns_ahead"] == ora["next_addressee"] == 0.0
    assert ora["spoke_lately"] == bram["spoke_lately"] == 1 / 6
    first = ranking.candidate_features(sieve, sieve.lines[0])["Ora"]
    assert first["first_in_paragraph_sieve"] == first["sieve"] == 1.0


def test_calibration_margins_equal_the_feature_dicts():
    fitted = confidence.model()
    assert fitted is not None
    for text in PASSAGES:
        lines = _sieve(text).lines
        for narration in ("first", "second", "third"):
            slow = [
                fitted.bias + sum(fitted.weights.get(k, 0.0) * v for k, v in features.items())
                for features in confidence.line_features(lines, narration)
            ]
            assert confidence._margins(lines, narration, fitted) == slow
            probabilities = [
                fitted.probability(f) for f in confidence.line_features(lines, narration)
            ]
            assert probabilities == [1.0 / (1.0 + math.exp(-m)) for m in slow]


def test_distance_to_the_nearest_anchor():
    for anchors in ([], [0], [3], [0, 5, 6, 12], [2, 9]):
        for i in range(15):
            slow = min((abs(a - i) for a in anchors), default=confidence.MAX_DISTANCE)
            assert confidence._distance_to_anchor(i, anchors) == slow


def test_tokens_with_a_limit_are_the_opening_tokens():
    for text in PASSAGES:
        ctx = _sieve(text).ctx
        for start in range(0, len(ctx.text), 7):
            for end in (start + 15, start + 60, len(ctx.text)):
                every = ctx.tokens(start, end)
                for limit in (1, 4, 6, 8):
                    assert ctx.tokens(start, end, limit=limit) == every[:limit]
