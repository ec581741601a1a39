"""Quote attribution in novels, seventh session (pdnc7): tags before a quote whose speech
verb is a participle (`gave his support by calling out,`). Whole pipeline on hand-written
passages; each went to someone else before."""

from tests.analysis.test_speakers_narrator import analyse_quotes


def speakers(text: str) -> list[tuple[str | None, str]]:
    quotes, _ = analyse_quotes(text)
    return [(q.speaker, q.rule) for q in quotes]


def test_a_participle_closing_the_paragraph_before_is_the_tag():
    text = (
        "Mr. Harcourt and his cousin Kitty sat at the piano with Mrs. Lane.\n\n"
        '"You play too fast, both of you," said Mrs. Lane. "Nobody can sing to it."\n\n'
        "Mrs. Lane went off to see about the tea, and they turned the music over "
        "together. Kitty took the opportunity of whispering,\n\n"
        '"She heard every note we missed."\n\n'
        '"Then we must miss fewer," said Mr. Harcourt.\n'
    )
    assert speakers(text)[2] == ("Kitty", "explicit")


def test_a_finite_speech_verb_is_the_tag_before_a_participle():
    # `adding` follows the reply the sentence reports: the one who replied speaks
    text = (
        "Mrs. Dale showed them the gallery. Mr. Ashby looked at the portraits.\n\n"
        '"Is your master at home?" asked Mr. Ashby.\n\n'
        "Mrs. Dale replied, that he was not, adding, "
        '"but we expect him to-morrow, sir."\n'
    )
    assert speakers(text)[-1][0] == "Mrs. Dale"


def test_a_voice_calling_is_not_the_hearers():
    text = (
        "Joan had gone out to the orchard. Her aunt Martha sat in the kitchen with her "
        "mending.\n\n"
        "Martha herself, coming up the stairs, was surprised to hear a small voice "
        'calling, "Aunt Martha!" over the banisters.\n\n'
        '"Well?" she said, going into the hall.\n'
    )
    assert speakers(text)[0][0] != "Martha"


def test_a_participle_tag_after_a_pronoun_subject():
    text = (
        "Tilda Grey came down the stairs in her bonnet. Her brother Walter was reading by "
        "the fire, and Mrs. Grey sat sewing.\n\n"
        '"Going out in this?" Walter asked.\n\n'
        '"Only to the post," said Tilda.\n\n'
        '"Take an umbrella, then," said Mrs. Grey.\n\n'
        "Tilda only laughed, and went to the door. There she turned, and, catching her "
        "brother's eye, she kissed her hand to him, whispering over her shoulder, "
        '"Not a word to Mamma."\n'
    )
    assert speakers(text)[-1][0] == "Tilda"


def test_a_rarer_speech_verb_after_the_quote_is_a_tag():
    text = (
        "Mrs. Corby stood at the steps with her daughter Ada, and Miss Lyle came down the "
        "path to meet them.\n\n"
        '"I was told you wanted a girl," said Miss Lyle. "Did not your daughter say so?"\n\n'
        '"She certainly did, Miss Lyle," corroborated Ada earnestly.\n\n'
        '"Then there has been a mistake somewhere," said Mrs. Corby.\n'
    )
    assert speakers(text)[2] == ("Ada", "explicit")


def test_a_rarer_speech_verb_before_the_quote_is_a_tag():
    text = (
        "The Colonel sat by the fire with his sister Maud and young Hugh.\n\n"
        '"You will not go out tonight," said the Colonel.\n\n'
        'Hugh turned to his uncle and implored, "Only as far as the gate, sir!"\n'
    )
    assert speakers(text)[-1][0] == "Hugh"
