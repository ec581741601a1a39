"""The cast as a reader would list it (issue 14): hand-written passages, one per rule."""

from __future__ import annotations

from fanarchive.analysis.characters import Cast, detect_cast
from fanarchive.analysis.characters.names import given_gender, given_names, zipf
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.schema import validate_analysis
from tests.analysis.casts import cast_of, names

INTERJECTIONS = """"Anyway, we should leave," said Tobias. "Anyway."

"Wait!" Tobias called. Mara stopped. "Wait," she said again. "Wait? Why?"

"Alright!" Tobias grinned. "Anyway, come on."

"Seriously?" Mara asked. "Seriously," Tobias said.
"""


def test_interjections_that_open_quotations_are_not_characters():
    found = names(cast_of(INTERJECTIONS))
    assert {"Tobias", "Mara"} <= found
    assert found.isdisjoint({"Anyway", "Wait", "Alright", "Seriously"})


def test_a_married_title_picks_the_woman_of_a_pack_family():
    text = (
        "Harry Potter ran into the kitchen. Ron followed him. Mrs. Weasley was at the stove.\n\n"
        '"Morning, dears," said Mrs. Weasley. She kissed Ron on the forehead. Harry grinned.\n\n'
        "Mrs. Weasley turned back to the eggs. Ron Weasley groaned and sat down.\n"
    )
    cast = cast_of(text, default_knowledge())
    assert cast.resolve("Mrs. Weasley").name == "Molly Weasley"
    assert cast.resolve("Ron").name == "Ron Weasley"


def test_pronouns_overrule_the_usual_gender_of_a_given_name():
    text = (
        "Harry walked into the bar. She ordered a whisky and she drank it slowly.\n\n"
        "Harry was the best pilot in the fleet, and she knew it. Tom watched her.\n\n"
        '"Another?" asked Tom. Harry nodded. She smiled at him, and Harry laughed at his joke.\n\n'
        "Harry left early. She had a flight in the morning.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Harry").gender == "female"
    assert cast.resolve("Tom").gender == "male"


def test_a_name_without_pronouns_keeps_its_usual_gender():
    cast = cast_of('"Come in," said Marguerite. Marguerite laughed, and Marguerite left.\n')
    assert cast.resolve("Marguerite").gender == "female"


def test_middle_names_do_not_make_another_person():
    text = (
        "Anthony Comstock Patch was born in 1888. Anthony grew up in New York. Anthony Patch "
        "went to Harvard. Anthony laughed at everything, and Anthony read all night.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Anthony") is cast.resolve("Anthony Patch") is not None
    assert cast.resolve("Anthony Comstock Patch") is cast.resolve("Anthony")


def test_the_titled_description_is_the_one_person_with_that_title():
    text = (
        "Dr Marjoribanks came home late. The Doctor was tired. Lucilla kissed him.\n\n"
        '"Good evening," said the Doctor. Lucilla smiled at Dr Marjoribanks.\n\n'
        '"You are late," said Lucilla. The Doctor laughed, and the Doctor sat down.\n'
    )
    cast = cast_of(text)
    assert cast.resolve("the Doctor") is cast.resolve("Dr Marjoribanks") is not None


def test_places_after_of_and_a_people_after_an_article_are_not_characters():
    text = (
        "Emily looked at the plains of Languedoc. The vines of Languedoc were green, and "
        "Emily smiled.\n\n"
        "Emily met a Muggle on the road, and then another Muggle. Every Muggle stared. "
        "Emily laughed.\n"
    )
    found = names(cast_of(text))
    assert "Emily" in found
    assert found.isdisjoint({"Languedoc", "Muggle"})


def test_a_stuttered_name_is_not_a_name():
    text = '"Ka- Kakashi?" Gai said. Kakashi turned. "Gai," Kakashi said.\n'
    assert "Ka" not in names(cast_of(text))


def test_given_names_come_from_an_international_list():
    table = given_names()
    assert len(table) > 30_000
    assert given_gender("Polina") == "female" and given_gender("Joaquim") == "male"
    # Words that are names somewhere but common English words are not given names here.
    assert "the" not in table and "hope" not in table
    assert zipf("wait") > 4 > zipf("marilla")


BAKER_STREET = """John Watson limped into the flat. John was tired, and he sat down at once.

"Tea?" asked Mrs. Hudson. John nodded. Sherlock did not look up.

"John," said Sherlock. John sighed. Sherlock played the violin while John drank his tea.
"""


def cast_with_tags(text: str, **tags: list[str]) -> Cast:
    document = read_text(text)
    for field_name, values in tags.items():
        setattr(document.metadata, field_name, values)
    return detect_cast(document, find_quotes(document), default_knowledge())


def test_relationship_tags_give_the_cast_its_canonical_names():
    cast = cast_with_tags(BAKER_STREET, relationships=["Sherlock Holmes/John Watson"])
    assert cast.resolve("John").name == "John Watson"
    assert cast.resolve("Sherlock").name == "Sherlock Holmes"
    assert cast.resolve("Mrs. Hudson") is not None  # the text still finds the untagged
    assert cast.tag_disagreements == []


FOG = """"Could be days," Ed said, squinting into the white.

"Then we shall have days," said Stede. Ed smiled at him. Stede put his hand on Ed's shoulder.
"""


def test_a_tagged_person_answers_to_the_pet_forms_of_the_given_name():
    cast = cast_with_tags(FOG, relationships=["Edward Teach/Stede Bonnet"])
    assert cast.resolve("Ed").name == "Edward Teach"
    assert cast.tag_disagreements == []


def test_a_pet_form_two_tagged_people_share_is_left_to_the_text():
    # `Ned` is short for Edward and for Edmund: neither tag claims it
    text = FOG.replace("Ed", "Ned")
    cast = cast_with_tags(text, characters=["Edward Teach", "Edmund Blackadder"])
    assert cast.resolve("Ned").name == "Ned"


def test_without_tags_the_text_alone_decides():
    cast = cast_with_tags(BAKER_STREET)
    assert cast.resolve("John").name == "John"
    assert cast.resolve("John Watson") is cast.resolve("John")  # one person, one entry
    assert cast.tag_disagreements == []


def test_the_analysis_says_where_tags_and_text_disagree():
    cast = cast_with_tags(
        BAKER_STREET,
        characters=["Molly Hooper (Sherlock)"],
        relationships=["Sherlock Holmes & John Watson"],
    )
    assert cast.tag_disagreements == ["tagged but not named in the text: Molly Hooper"]
    untagged = cast_with_tags(
        BAKER_STREET + "Mrs. Hudson laughed. " * 6, characters=["John Watson"]
    )
    assert any("not tagged: Mrs. Hudson" in note for note in untagged.tag_disagreements)


def test_the_json_result_carries_the_tag_disagreements():
    document = read_text(BAKER_STREET)
    document.metadata.characters = ["Molly Hooper (Sherlock)", "John Watson"]
    result = analyze_document(document).to_dict()
    assert result["tag_disagreements"] == ["tagged but not named in the text: Molly Hooper"]
    assert validate_analysis(result, document.text) == []
    assert analyze_document(read_text(BAKER_STREET)).to_dict()["tag_disagreements"] == []


def test_an_epub_subject_that_is_a_relationship_seeds_the_cast():
    cast = cast_with_tags(BAKER_STREET, additional_tags=["Fluff", "Sherlock Holmes/John Watson"])
    assert cast.resolve("John").name == "John Watson"


def test_dash_led_lines_open_sentences_and_laughter_is_no_name():
    text = (
        "— Tell me, Mulligan, Stephen said quietly.\n\n"
        "— Tell that to the cook, Mulligan said. Stephen laughed at him.\n\n"
        '— Haw-haw-haw! Mulligan roared. Stephen shook his head. "Haw-haw-haw!"\n'
    )
    found = names(cast_of(text))
    assert {"Stephen", "Mulligan"} <= found
    assert found.isdisjoint({"Tell", "Haw-haw-haw"})


def test_a_common_word_that_acts_and_speaks_is_a_name():
    text = (
        '"Come on," said Storm. Hale frowned at the map, and then Storm nodded.\n\n'
        "The crew waited. At last Hale laughed at Storm.\n"
    )
    assert cast_of(text).resolve("Storm") is not None


def test_a_family_name_that_is_also_a_given_name_stays_a_family_name():
    text = (
        "Mr. Darcy bowed to Elizabeth. Miss Darcy smiled at her brother.\n\n"
        '"Good evening," said Mr. Darcy. Darcy sat down. Miss Darcy laughed.\n\n'
        "Darcy looked at Elizabeth. Mr. Collins coughed. Collins was a foolish man.\n\n"
        "Collins talked all evening. Mr. Collins bowed.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Darcy") is cast.resolve("Mr. Darcy") is not cast.resolve("Miss Darcy")
    assert cast.resolve("Collins") is cast.resolve("Mr. Collins") is not None


def test_a_freeform_tag_with_a_slash_is_no_relationship():
    cast = cast_with_tags(BAKER_STREET, additional_tags=["Hurt/Comfort", "Angst"])
    assert cast.resolve("John").name == "John"
    assert cast.tag_disagreements == []


def test_a_nickname_used_as_often_as_the_name_still_joins_it():
    text = (
        "Elizabeth walked in. Jane smiled at Elizabeth.\n\n"
        '"Lizzy, come here," said Jane. Lizzy laughed.\n'
    )
    cast = cast_of(text)
    assert cast.resolve("Lizzy") is cast.resolve("Elizabeth") is not None


TOWN = (
    "Marguerite had never liked Lyon. The letters came from Lyon every week, and the town "
    "seemed to follow her everywhere. Her brother Anselm wrote them.\n\n"
    '"Are you going back?" asked Anselm when he visited. Marguerite shook her head.\n\n'
    "Lyon was hot in the summer. Anselm laughed at her. In the end Marguerite sent a card "
    "to Mr. Preston, and Preston answered it.\n"
)


def test_a_town_the_gazetteer_knows_is_no_character_but_a_titled_namesake_is():
    found = names(cast_of(TOWN))
    assert "Lyon" not in found
    assert {"Marguerite", "Anselm", "Mr. Preston"} <= found  # Preston is a town too


def test_the_gazetteer_lists_places_not_people():
    from fanarchive.analysis.characters.names import gazetteer

    assert {"Lyon", "France", "Kansas", "Europe"} <= gazetteer()
    assert {"Zürich", "Montréal", "São Paulo"} <= gazetteer()  # escaped in the JSON
    assert "Marguerite" not in gazetteer()


def test_one_place_preposition_among_five_mentions_makes_no_place():
    text = (
        "The guards blamed Vasquel for the escape. The sergeant sent for Vasquel at dawn, "
        "and the captain punished Vasquel.\n\n"
        '"I put my trust in Vasquel," the captain told the men. Nobody had ever liked Vasquel.\n'
    )
    assert "Vasquel" in names(cast_of(text))


def test_an_ordinary_word_opening_a_sentence_is_not_part_of_the_name_after_it():
    text = (
        "Dick Hunter sold papers on Nassau Street. Sometimes Dick slept in a box by the "
        "docks. Sometimes Dick ate nothing at all, and sometimes he ate well.\n\n"
        "Dick did not mind. The other boys liked Dick.\n"
    )
    cast = cast_of(text)
    dick = cast.resolve("Dick")
    starts = {m.start for m in cast.mentions if m.character == dick.name}
    assert text.index("Dick slept") in starts
    assert "Sometimes Dick" not in names(cast)


def test_a_married_name_after_the_maiden_name_is_the_same_woman():
    text = (
        "Octavia Brandle sang at the chapel every Sunday. Everyone in town admired her voice.\n\n"
        "Years later Octavia Brandle Whitcombe still sang, though her husband disliked it. "
        "Octavia Brandle Whitcombe laughed at him.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Octavia Brandle") is cast.resolve("Octavia Brandle Whitcombe")


FESTIVALS = """The night before Samhain, Aoife lit the candles. Samhain was the night the veil grew
thin. On Christmas Eve Aoife wrapped presents; Christmas Eve was quiet, and so was Christmas
Eve dinner.

"Are you ready for Beltane?" Niamh asked. Aoife laughed. "Beltane is months away."

After Diwali, Priya went home. Diwali had been loud. Priya called her mother. During Ramadan
Priya fasted. Eid came at last, and Niamh brought sweets for Eid. Hanukkah lasted eight
nights; at Hanukkah Priya lit the candles.
"""


def test_festivals_are_no_characters_nor_part_of_a_name():
    cast = cast_of(FESTIVALS)
    assert names(cast) == {"Aoife", "Niamh", "Priya"}
    assert cast.get("Priya").aliases == []  # not `Ramadan Priya`
    assert cast.get("Priya").gender == "female"


def test_a_place_that_is_the_subject_of_a_verb_but_never_speaks_is_no_character():
    text = (
        "Ada rode into Kelmoor at dusk; Kelmoor slept under the snow, and Ada smiled at Tom.\n\n"
        '"Cold," Tom said. Ada nodded.\n'
    )
    found = names(cast_of(text))
    assert {"Ada", "Tom"} <= found
    assert "Kelmoor" not in found


def test_church_and_village_titles_name_a_person():
    text = (
        "Parson Tringham rode past on his grey mare, and Jack stopped him.\n\n"
        '"Good night," said the parson. The parson smiled at Jack. Parson Tringham was kind.\n\n'
        "The Widow Douglas took Jack in. The Widow Douglas fed him, and she prayed.\n"
    )
    cast = cast_of(text)
    parson = cast.resolve("Parson Tringham")
    assert parson is not None and parson.gender == "male"
    assert cast.resolve("Tringham") is parson
    widow = cast.resolve("Widow Douglas")
    assert widow is not None and widow.gender == "female"


def test_a_lone_word_that_no_one_could_be_is_no_character():
    text = (
        "Kira deleted every message from Vexmoor. Nobody trusted Vexmoor now; Kira and Jun "
        'agreed on that.\n\n"Forget Vexmoor," Jun said.\n'
    )
    found = names(cast_of(text))
    assert {"Kira", "Jun"} <= found
    assert "Vexmoor" not in found


def test_a_name_addressed_before_a_semicolon_or_a_dash_is_a_character():
    text = (
        "Miss Grey watched the boy all morning. \"Don't put your feet on the table, "
        'Brannoch;" and "Don\'t slouch like that, Brannoch--sit up straight;" she would say.\n'
    )
    assert "Brannoch" in names(cast_of(text))


def test_a_two_word_name_no_one_could_be_is_no_character():
    text = (
        'Kira watched Dusk Spire burn. Nobody rebuilt Dusk Spire; Jun wept.\n\n"Come," Kira '
        "said. Jun followed her.\n"
    )
    found = names(cast_of(text))
    assert {"Kira", "Jun"} <= found
    assert "Dusk Spire" not in found


ROSE = """Rose rose early. The sun rose over the estate, and Rose watched it from the window.

"You're up," said Mickey. "Couldn't sleep," Rose said. She rose from the chair.

The wind rose outside. Mickey looked at Rose; Rose laughed, and the tension rose and broke.
"""


def test_a_name_the_text_also_uses_as_a_word_is_a_character_when_it_speaks():
    cast = cast_of(ROSE)
    assert {"Rose", "Mickey"} <= names(cast)
    assert cast.get("Rose").gender == "female"


def test_mister_beside_missus_is_the_father_not_the_son_called_by_his_first_name():
    text = (
        'Mrs. Garrity bustled in with a tray. "Morning, dears," said Mrs. Garrity. She kissed '
        "Tom on the forehead. Tom Garrity groaned. Mr. Garrity laughed; he read the paper. Tom "
        "grinned at his mother.\n"
    )
    cast = cast_of(text)
    father, son = cast.resolve("Mr. Garrity"), cast.resolve("Tom Garrity")
    assert father is not None and son is not None and father is not son
    assert cast.resolve("Tom") is son
    assert cast.resolve("Mrs. Garrity") not in (father, son)


def test_someone_only_ever_thanked_or_smiled_at_is_still_a_person():
    text = (
        'Mara thanked Oswy twice. Later that night Mara smiled at Oswy across the fire.\n\n"Sleep,"'
        " Mara said.\n"
    )
    assert "Oswy" in names(cast_of(text))


def test_a_place_someone_rides_north_to_is_no_character():
    text = (
        "Mara rode north to Kelmarch. Kelmarch had never looked so grey, and Jon waited at the "
        'gate.\n\n"You came," Jon said. Mara smiled. "Kelmarch is home," Mara said.\n'
    )
    found = names(cast_of(text))
    assert {"Mara", "Jon"} <= found
    assert "Kelmarch" not in found


def test_a_full_name_seen_once_at_a_sentence_start_joins_its_first_name():
    text = (
        "Sherlock Holmes did not look up from his microscope.\n\n"
        '"You\'re late," Sherlock said. Mara shrugged, and Sherlock ignored her.\n'
    )
    cast = cast_of(text)
    assert cast.resolve("Sherlock Holmes") is cast.resolve("Sherlock") is not None
    assert "Sherlock Holmes" in cast.resolve("Sherlock").aliases


def test_a_word_that_is_only_ever_a_whole_exclamation_is_no_character():
    text = (
        '"Yikes," Dana said. Kenji laughed at her.\n\n"Yikes."\n\n"Blimey!" Kenji said. '
        '"Blimey."\n\nDana grinned at Kenji.\n'
    )
    found = names(cast_of(text))
    assert {"Dana", "Kenji"} <= found
    assert found.isdisjoint({"Yikes", "Blimey"})


WILL = """Will Graham stood in the rain. Hannibal watched him from the car, and Will did not turn.

"Will," Hannibal said. "Come inside."

Will shook his head. "I'm fine," Will said. Will you ever listen? Hannibal thought. Will Hannibal
wait all night? He would. In June the rain stopped; June was kind to them.

"You're hopeless," said Christian. Christian laughed at them both.
"""


def test_a_given_name_english_also_capitalises_is_a_name_where_it_cannot_be_the_word():
    cast = cast_of(WILL)
    will = cast.resolve("Will")
    assert will is not None and will is cast.resolve("Will Graham")
    assert will.mentions == 5  # not `Will you ever listen?` nor `Will Hannibal wait ...?`
    assert cast.resolve("Christian") is not None
    assert cast.resolve("Hannibal").mentions == 4
    assert cast.resolve("June") is None  # a month that never speaks


def test_a_rank_or_mrs_before_a_given_name_is_the_one_person_with_that_given_name():
    text = (
        "Commander Erwin walked past and smiled. Erwin Smith was a patient man, and Erwin had "
        "seen worse. Levi shrugged.\n\n"
        'Rachel Lynde sat at her window. "Well!" said Mrs. Rachel. Mrs. Rachel knitted on. '
        "Thomas Lynde nodded at her. Mr. Thomas, the carpenter, waved from the road; Mr. "
        "Thomas always waved.\n"
    )
    cast = cast_of(text)
    assert cast.resolve("Commander Erwin") is cast.resolve("Erwin Smith") is not None
    assert cast.resolve("Mrs. Rachel") is cast.resolve("Rachel Lynde") is not None
    assert cast.resolve("Mr. Thomas") is not cast.resolve("Thomas Lynde")


OLD_LADY = (
    "An old lady in a grey shawl came slowly up the steps of the hotel.\n\n"
    '"Is the daughter married?" asked the old lady, looking about her.\n\n'
)
NAMED_WOMEN = (
    "Edith Harlow laughed at her sister, and Edith poured the tea while Mrs. Harlow watched. "
    '"Edith, sit down," said Mrs. Harlow. Edith sat down beside Mrs. Harlow.\n\n'
)


def test_a_nameless_old_lady_among_many_named_women_is_none_of_her_own():
    # In a long story whose women are named over a hundred times, `the old lady` who speaks
    # once is one of them (her tag is then resolved by gender), not someone new.
    novel = cast_of(NAMED_WOMEN * 25 + OLD_LADY + NAMED_WOMEN * 5)
    assert "The Old Lady" not in names(novel)
    # In a short scene she is the only one there, and stays a character.
    scene = cast_of(OLD_LADY + NAMED_WOMEN)
    assert "The Old Lady" in names(scene)


WINTERFELL = (
    "Catelyn Stark found her husband in the godswood.\n\n"
    '"Robert is coming," Ned said.\n\n'
    '"You will go," Catelyn said.\n\n'
    "He nodded.\n"
)


def test_a_first_name_said_once_alone_and_once_in_full_is_one_character():
    cast = cast_of(WINTERFELL)
    assert "Catelyn Stark" in names(cast)
    assert "Catelyn" in cast.get("Catelyn Stark").aliases


def test_a_place_named_in_full_and_alone_stays_a_place():
    # `Hunsford Parsonage`, `in Hunsford`: somewhere, however rare the word, even where one
    # quotation seems to call it.
    text = (
        "Hunsford Parsonage was small. We drove to Hunsford in May, and stayed in Hunsford a "
        "month, and left Hunsford in June.\n\n"
        'She saw in the motion of his lips the words "apology," "Hunsford," and "Lady '
        'Catherine."\n\n'
        '"You will catch cold, Emma," said Mr. Harlow.\n'
    )
    assert not {"Hunsford", "Hunsford Parsonage"} & names(cast_of(text))


YOGHURT = (
    '"Okay, team meeting," Tony announced. "Who ate my yoghurt?"\n\n'
    "Clint, who was lying upside down on the couch, became very interested in the ceiling.\n\n"
    '"It had my name on it."\n\n'
    "Natasha didn't look up from her book. \"He's not wrong.\"\n\n"
    '"Thank you, Nat."\n\n'
    '"I wasn\'t agreeing with you."\n\n'
    'Steve came in from the kitchen, holding an empty pot. "Has anyone seen the yoghurt?"\n\n'
    '"Clint ate it," Natasha said.\n'
)


def test_a_short_name_only_said_to_someone_joins_the_longer_name_it_begins():
    # The name list calls `Nat` a man's name, which kept it apart from Natasha.
    assert "Nat" not in names(cast_of(YOGHURT))


def test_a_given_name_said_once_leading_a_line_s_beat_is_someone_there():
    # Before: Steve, named once, was no one, and his line went to Clint.
    assert "Steve" in names(cast_of(YOGHURT))


def test_a_short_name_the_narration_uses_joins_the_longer_name_it_begins():
    # `Nat` is no usual English name of its own: the list's `male` for it does not stand
    # against Natasha, even where the narration says it.
    text = (
        "Natasha didn't look up from her book. \"He's not wrong.\"\n\n"
        'Nat grinned at him over the top of the page. "Your handwriting is bad."\n\n'
        '"Thank you, Natasha," Clint said.\n'
    )
    assert "Nat" not in names(cast_of(text))
