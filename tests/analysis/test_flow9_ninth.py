"""Conversation flow in fan fiction (ninth session): hand-written passages for the sieve's
last resort (`Sieve.last_resort`), read before the learned ranking."""

from tests.analysis.casts import sieve_answers

# A pronoun tag no rule resolves (the florist is never named before her line), then an
# untagged exchange: nothing anchors the conversation.
FLOWER_SHOP = (
    "The door of the flower shop sticks in the damp, so it groans when Ingrid shoulders it open. "
    "The florist looks up anyway, as if the groan were a bell.\n\n"
    '"Six white tulips, no paper," she says, before Ingrid has even put her bag down. '
    '"And the fern, if nobody bought it. Somebody did."\n\n'
    '"Somebody bought my fern?"\n\n'
    '"A woman with a pram. She was very determined."\n\n'
    '"You could have hidden it."\n\n'
    "Hedda wraps the tulips in brown string and slides them over the counter. "
    "Ingrid counts out the coins.\n"
)

# Two quotes in one paragraph with no tag between them (a novel's layout, or a reply run
# into the line it answers): the second is not the first speaker's by this rule.
RAINY_DAY = (
    "Ingrid and Hedda had been indoors since breakfast. The rain went on and on against the "
    "glass, and the fire was low.\n\n"
    '"If it clears, why not walk to the mill, Hedda?" "Because the lane is a river."\n\n'
    '"Then the mill can wait."\n\n'
    "The clock struck four and nobody moved.\n"
)


def test_the_rest_of_a_tagged_paragraph_is_the_tags_speaker_in_the_last_resort():
    # Before, the tag's line was guessed (Hedda) but the rest of its paragraph fell to the
    # character named last (Ingrid, named in the tag's own sentence), and so did every turn
    # after it: one speaker for the whole exchange.
    answers = sieve_answers(FLOWER_SHOP, ["Ingrid", "Hedda"])
    assert [speaker for speaker, _ in answers] == ["Hedda", "Hedda", "Ingrid", "Hedda", "Ingrid"]
    assert answers[1][1] == "same_paragraph"


def test_an_untagged_quote_does_not_lend_its_speaker_to_the_next_in_its_paragraph():
    answers = sieve_answers(RAINY_DAY, ["Ingrid", "Hedda"])
    assert answers[0][0] == "Ingrid"
    assert answers[1] != ("Ingrid", "same_paragraph")


# The tagged line alone in its paragraph: guessed, then a bare exchange.
FLOWER_SHOP_ALONE = (
    "The door of the flower shop sticks in the damp, so it groans when Ingrid shoulders it open. "
    "The florist looks up anyway, as if the groan were a bell.\n\n"
    '"Six white tulips, no paper, and the fern," she says, before Ingrid has even put her bag '
    "down.\n\n"
    '"Somebody bought my fern?"\n\n'
    '"A woman with a pram. She was very determined."\n\n'
    '"You could have hidden it."\n\n'
    "Hedda wraps the tulips in brown string and slides them over the counter. "
    "Ingrid counts out the coins.\n"
)


def test_a_guessed_turn_starts_the_alternation_too():
    # Before, a guessed turn two back did not count, and every bare turn fell to Ingrid.
    answers = sieve_answers(FLOWER_SHOP_ALONE, ["Ingrid", "Hedda"])
    assert answers == [
        ("Hedda", "guess"),
        ("Ingrid", "nearest_mention"),
        ("Hedda", "alternating"),
        ("Ingrid", "alternating"),
    ]


def test_the_alternation_does_not_reach_back_over_a_passage_of_narration():
    text = FLOWER_SHOP_ALONE.replace(
        '"Somebody bought my fern?"',
        "Outside, a delivery van reverses into the bins with a long, complaining beep, and a "
        'dog starts barking two doors down.\n\n"Somebody bought my fern?"',
    )
    answers = sieve_answers(text, ["Ingrid", "Hedda"])
    assert answers[2] == ("Ingrid", "nearest_mention")


# A speech running over two paragraphs (the first left open) in an exchange no tag anchors.
MILL = (
    "Ingrid and Hedda had not spoken since the storm. The kitchen was cold and the fire was "
    "out.\n\n"
    '"Where were you all night, Hedda?"\n\n'
    "\"At the mill. The wheel jammed again, and the miller had gone to his sister's, and "
    "somebody had to hold the lantern while the boys cleared it.\n\n"
    '"So I held it until the wheel turned, and then I walked home in the dark."\n\n'
    "The clock on the shelf struck six and nobody moved.\n"
)


def test_a_speech_continued_after_a_last_resort_answer_keeps_its_speaker():
    # Before, the continued paragraph was read as a new turn: Ingrid's, by alternation.
    answers = sieve_answers(MILL, ["Ingrid", "Hedda"])
    assert answers[1] == ("Hedda", "answer")
    assert answers[2] == ("Hedda", "continuation")


def test_a_closed_speech_is_no_continuation():
    text = MILL.replace("while the boys cleared it.\n", 'while the boys cleared it."\n')
    answers = sieve_answers(text, ["Ingrid", "Hedda"])
    assert answers[2] == ("Ingrid", "alternating")


# `the boy` in a tag after an untagged turn, and more said after the tag in its paragraph:
# the tag is decided again once the conversation rules give that turn to Dr Halvard.
INFIRMARY = (
    "Benno sat on the edge of the cot swinging his boots while Dr Halvard rinsed his hands in "
    "the basin. Ilse Marten stood by the window with the lamp.\n\n"
    '"It barely stings," said Benno.\n\n'
    '"Ilse, I need the thin needle," said Dr Halvard.\n\n'
    '"We have a thin needle?" Ilse asked.\n\n'
    '"Benno keeps stealing it for his fishing flies."\n\n'
    '"They\'re for the river," the boy protested. "All of them."\n'
)


def test_the_rest_of_a_redescribed_tags_paragraph_follows_it():
    # Before, `All of them.` kept the tag's first answer (Dr Halvard, who spoke the turn
    # before) while the tag itself went to Benno.
    answers = sieve_answers(INFIRMARY, ["Benno", "Dr Halvard", "Ilse Marten"])
    assert answers[3] == ("Dr Halvard", "turn_taking")
    assert answers[4] == ("Benno", "descriptor")
    assert answers[5] == ("Benno", "beat")


def test_a_beat_of_someone_else_after_a_redescribed_tag_stays():
    text = INFIRMARY.replace(
        'protested. "All of them."', 'protested. Dr Halvard sighed. "Put them back."'
    )
    answers = sieve_answers(text, ["Benno", "Dr Halvard", "Ilse Marten"])
    assert answers[5] == ("Dr Halvard", "beat")


# An untagged turn answered by a line opening on a call to someone the narration has not
# named yet (`the boy on the upturned bucket`): the one called spoke the turn.
BOATHOUSE = (
    "Rain hammered the boathouse roof. Greta Lind and Mr Oduya had been arguing about the "
    "varnish since noon, and the boy on the upturned bucket had kept out of it.\n\n"
    '"Whose turn is it to sand the keel?" Greta asked.\n\n'
    '"Not mine."\n\n'
    '"Pip! You swore on Sunday it was yours."\n\n'
    "Pip groaned and picked up the sandpaper.\n"
)
BOATHOUSE_CAST = ["Greta Lind", "Mr Oduya", "Pip"]


def test_a_call_opening_the_next_turn_names_a_short_turns_speaker_not_yet_named():
    # Before, the call counted only for someone the narration had named: parity gave the
    # turn to Mr Oduya.
    answers = sieve_answers(BOATHOUSE, BOATHOUSE_CAST)
    assert answers[1] == ("Pip", "called_next")


def test_a_long_turn_is_not_given_to_the_one_called_after_it():
    # (Fourteenth session: an untagged reply of a few words calling someone now gives them
    # the turn it answers, however long, as `"Funny, Guarnere."` does; a tagged reply still
    # does not: see tests/analysis/test_fic14_fourteenth.py.)
    text = BOATHOUSE.replace(
        '"Not mine."',
        '"Not mine. I did it last week, and the week before that, and I have the blisters to '
        'show for it, so somebody else can take a turn."',
    ).replace('yours."', 'yours," Greta said.')
    assert sieve_answers(text, BOATHOUSE_CAST)[1] == ("Mr Oduya", "turn_partner")


def test_a_name_the_turn_itself_said_is_echoed_not_called():
    text = BOATHOUSE.replace('"Not mine."', '"Did you ask Pip?"').replace(
        "Pip! You swore on Sunday it was yours.", "Pip! He never does his share."
    )
    assert sieve_answers(text, BOATHOUSE_CAST)[1] == ("Mr Oduya", "turn_partner")


# An exchange no tag anchors and no seed opens (the first turn is long): the last resort.
PIER = (
    "Cora, Bram and Ada had the pier to themselves. The tide was coming in.\n\n"
    '"Anything yet, Bram? I have been out here since six and the flask is nearly empty."\n\n'
    '"Not a nibble. They know we are here, the clever things, and they are laughing at us."\n\n'
    '"Fish do not know anything. Fish are fish."\n\n'
    '"Cora, fish are clever. Tell her."\n\n'
    "The tide slapped at the posts.\n"
)


def test_a_call_opening_the_next_turn_comes_before_alternation_in_the_last_resort():
    # Before, alternation gave the third turn back to Ada, whom the fourth does not call.
    answers = sieve_answers(PIER, ["Ada", "Bram", "Cora"])
    assert answers[:3] == [
        ("Ada", "nearest_mention"),
        ("Bram", "answer"),
        ("Cora", "called_next"),
    ]


def test_without_a_call_the_last_resort_alternates():
    text = PIER.replace('"Cora, fish are clever. Tell her."', '"They are clever. Ask anyone."')
    assert sieve_answers(text, ["Ada", "Bram", "Cora"])[2] == ("Ada", "alternating")


# The narration before an untagged exchange has a subject (Ada), the seed of its turns; the
# reply opens by calling someone else.
TIDE = (
    "Cora, Bram and Ada had the pier to themselves. Ada reeled in her empty line.\n\n"
    '"The tide is turning."\n\n'
    '"Cora, it turned an hour ago."\n\n'
    '"Then we should go."\n\n'
    "Nobody moved.\n"
)


def test_a_call_opening_the_reply_outweighs_the_narrations_subject_as_seed():
    # Before, the subject of the narration opened the exchange: Ada, whom the reply does
    # not call.
    answers = sieve_answers(TIDE, ["Ada", "Bram", "Cora"])
    assert answers[0] == ("Cora", "conversation")
    assert answers[2] == ("Cora", "addressee")


def test_without_a_call_the_narrations_subject_opens_the_exchange():
    text = TIDE.replace('"Cora, it turned an hour ago."', '"It turned an hour ago."')
    assert sieve_answers(text, ["Ada", "Bram", "Cora"])[0] == ("Ada", "conversation")


# A line no rule decides, answered by a tagged line of the one the narration named last.
LIGHTHOUSE = (
    "The lighthouse keeper had gone to the mainland for the week. Ada was alone at the top of "
    "the tower, trimming the wick, when the door banged far below.\n\n"
    '"Anyone up there?"\n\n'
    '"Up here," Ada called. "Mind the ninth step."\n\n'
    "Boots rang on the iron stairs, slow and heavy.\n"
)


def test_the_one_named_last_is_not_given_the_line_she_answers():
    # Before, the last resort gave the call up the stairs to Ada, who answers it.
    answers = sieve_answers(LIGHTHOUSE, ["Ada"])
    assert answers[0][0] != "Ada"
    assert answers[1] == ("Ada", "explicit")


def test_someone_else_answering_leaves_the_one_named_last_to_speak_first():
    text = LIGHTHOUSE.replace('"Up here," Ada called.', '"Up here," Bram called.')
    answers = sieve_answers(text, ["Ada", "Bram"])
    assert answers[0][0] == "Ada"
    assert answers[1] == ("Bram", "explicit")


# Three in a loft: an untagged turn between two tagged ones.
LOFT = (
    "Pia, Oskar and Nils were clearing out the loft. Oskar had found the biscuit tin first.\n\n"
    '"Somebody ate the last of the biscuits," Nils said.\n\n'
    '"Who would do that?"\n\n'
    '"Not me," Oskar said.\n\n'
    "Dust drifted down through the hatch.\n"
)


def test_the_turn_before_a_tagged_answer_is_not_the_answerers():
    # Before, the partner of Nils was the next anchor, Oskar, who would then speak twice.
    answers = sieve_answers(LOFT, ["Pia", "Oskar", "Nils"])
    assert [speaker for speaker, _ in answers] == ["Nils", "Pia", "Oskar"]


def test_with_no_tagged_answer_the_partner_stays():
    text = LOFT.replace('"Not me," Oskar said.', '"Not me."')
    assert sieve_answers(text, ["Pia", "Oskar", "Nils"])[1] == ("Oskar", "turn_partner")
