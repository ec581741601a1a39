"""Chat and script lines (`Peter: guys`, `**Tony:** kid`, `HAMLET: To be`): read as speech
whose label names the speaker (quotes.chat_lines, speakers/labels.py, characters/labels.py),
and what they showed the relationships get wrong about a group chat, a family chat and
texting. Each test fails on the code before chat lines were read (c5567a3)."""

import pytest

from fanarchive.analysis.pipeline import analyze_text
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.reading.html import read_html
from fanarchive.analysis.sentences import sentence_index

GROUP_CHAT = """Peter stared at his phone for a long time before he opened the group chat.

Peter: guys
Peter: guys i have a problem
Ned: is it a spider problem or a school problem
Peter: both??
MJ: how is it both
Ned: oh no

He put the phone face down on the desk and groaned.
"""


def labelled(text: str) -> list[tuple[str | None, str]]:
    return [(q.label, q.text) for q in find_quotes(read_text(text))]


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in analyze_text(text).quotes]


def test_chat_lines_are_speech_labelled_with_their_speaker():
    assert labelled(GROUP_CHAT) == [
        ("Peter", "guys"),
        ("Peter", "guys i have a problem"),
        ("Ned", "is it a spider problem or a school problem"),
        ("Peter", "both??"),
        ("MJ", "how is it both"),
        ("Ned", "oh no"),
    ]


@pytest.mark.parametrize(
    "chat",
    [
        pytest.param("**Tony:** kid\n**Peter:** hi\n**Tony:** why", id="bold-labels"),
        pytest.param(
            "Tony (10:42 PM): kid\nPeter (10:43 PM): hi\nTony (10:43 PM): why", id="times"
        ),
        pytest.param("TONY: kid\n\nPETER: hi\n\nTONY: why", id="a-script-a-line-a-paragraph"),
        pytest.param("[Tony]: kid\n[Peter]: hi\n[Tony]: why", id="bracketed"),
        pytest.param("[22:41] Tony: kid\n[22:42] Peter: hi\n[22:42] Tony: why", id="times-first"),
        pytest.param("@tony: kid\n@peter: hi\n@tony: why", id="handles"),
    ],
)
def test_chat_and_script_shapes(chat):
    assert [text for _, text in labelled("The phone buzzed.\n\n" + chat + "\n")] == [
        "kid",
        "hi",
        "why",
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Rating: Teen And Up\nFandom: Spider-Man\nWords: 2,000\n\nPeter ran.\n",
            id="a-header-names-each-field-once",
        ),
        pytest.param(
            "Day 1: we landed.\nDay 2: rain.\nDay 3: rain again.\n", id="a-diary-is-no-label"
        ),
        pytest.param("Note: this is short.\n\nPeter ran home.\n", id="one-note-is-no-run"),
        pytest.param(
            "From: Tony\nTo: Peter\nSubject: the suit\n\nKid, we need to talk.\n",
            id="a-letter-head",
        ),
        pytest.param("Peter: hi\nNed: hi\n\nThey walked on.\n", id="two-lines-are-no-run"),
        pytest.param(
            "Rule one: never look back.\nRule two: never trust the fox.\nRule one: again.\n",
            id="a-list-of-rules",
        ),
        pytest.param("Monday: rain.\nTuesday: more rain.\nMonday: the roof leaked.\n", id="a-week"),
        pytest.param("Pros: he is kind.\nCons: he is Malfoy.\nPros: his hair.\n", id="pros-cons"),
    ],
)
def test_what_is_no_chat(text):
    assert labelled(text) == []


def test_quoted_dialogue_stays_as_it_was():
    text = 'Peter: "guys"\nNed: "what"\nPeter: "nothing"\n'
    assert labelled(text) == [(None, "guys"), (None, "what"), (None, "nothing")]


def test_each_line_speaks_for_its_label_and_an_unknown_label_is_someone():
    analysis = analyze_text(GROUP_CHAT)
    assert [(q.text, q.speaker, q.rule) for q in analysis.quotes][4:] == [
        ("how is it both", "MJ", "explicit"),
        ("oh no", "Ned", "explicit"),
    ]
    assert "MJ" in {c.name for c in analysis.characters}


def test_a_username_in_lower_case_is_the_person_the_narration_names():
    text = (
        "nadia: are you coming\nben: maybe\nnadia: come\nben: ok\n\n"
        "Nadia found Ben at the edge of the bonfire, sitting on an upturned boat with his "
        "hood up.\n"
    )
    analysis = analyze_text(text)
    assert {(c.name, c.gender) for c in analysis.characters} >= {("Ben", "male")}
    assert [q.speaker for q in analysis.quotes] == ["Nadia", "Ben", "Nadia", "Ben"]


def test_me_is_the_narrator_of_a_story_told_by_an_i():
    text = (
        "I should not have opened the message. I knew that before I opened it.\n\n"
        "Callum: hey. can we talk\nme: no\nCallum: please\nme: no\n\n"
        "I put the phone under my pillow and lay there until I heard the rain stop.\n"
    )
    analysis = analyze_text(text)
    assert [q.speaker for q in analysis.quotes] == ["Callum", "Narrator", "Callum", "Narrator"]
    assert "me" not in {c.name.casefold() for c in analysis.characters}


def test_a_name_does_not_run_on_into_the_next_chat_line():
    text = "Mum: sunday?\nPriya: yes!! bringing Jess\nDev: yes\nMum: good\nPriya: ok\n"
    names = {c.name for c in analyze_text(text).characters}
    assert "Dev" in names
    assert "Jess Dev" not in names


def test_a_title_ending_a_hard_wrapped_line_still_holds_its_name():
    text = (
        "The little old lady shook her head, and sighed disapprovingly. Mr.\n"
        "Beebe, whom the conversation amused, stirred his tea. Mr. Beebe smiled.\n\n"
        '"Good evening," said Mr. Beebe.\n'
    )
    assert "Mr. Beebe" in {c.name for c in analyze_text(text).characters}


def relationships(text: str) -> dict[frozenset[str], str]:
    return {frozenset(r.characters): r.kind for r in analyze_text(text).relationships}


def test_love_you_said_to_a_group_is_no_couple():
    text = (
        "Hinata had been awake since five.\n\n"
        "Hinata: WE WON\nKageyama: we know\nYachi: i'm still crying\n"
        "Tanaka: LOVE YOU GUYS\nHinata: love you too!!!\nYachi: love you all\n"
        "Kageyama: go to sleep\n"
    )
    assert "romantic" not in relationships(text).values()


def test_whoever_is_called_mum_loves_as_a_parent():
    text = (
        "Mum: are you both coming sunday\nPriya: yes!!\nDev: yes\n"
        "Mum: love you both. don't be late\nPriya: love you too\nDev: love you mum\n"
    )
    found = relationships(text)
    assert found.get(frozenset({"Mum", "Priya"})) != "romantic"
    assert found.get(frozenset({"Dev", "Mum"})) != "romantic"


def test_a_couple_texting_ily_is_romantic():
    text = (
        "It was three in the morning in Seoul and seven in Lisbon.\n\n"
        "Joon: are you home yet\nInês: just got in\nJoon: eat something first\n"
        "Inês: i will\nJoon: 43 days. ily\nInês: ily too. go to sleep\n"
    )
    assert relationships(text).get(frozenset({"Inês", "Joon"})) == "romantic"


def test_love_you_guys_in_spoken_dialogue_is_no_couple_either():
    text = (
        "Hinata had been awake since five, and so had everyone on the bus.\n\n"
        '"We won," Hinata said.\n\n"We know," Kageyama said. "We were there."\n\n'
        '"Love you guys," Tanaka said.\n\n"Love you too!" Hinata said.\n\n'
        "Kageyama told them both to go to sleep.\n"
    )
    assert "romantic" not in relationships(text).values()


def test_a_mother_called_mum_saying_i_love_you_is_family():
    text = (
        "Priya came home on Sunday with Jess, who had never met her family.\n\n"
        '"Are you staying for dinner?" Mum asked.\n\n"Yes," Priya said.\n\n'
        '"Good. I love you," Mum said, and hugged her.\n\n"Love you too," Priya said.\n'
    )
    assert relationships(text).get(frozenset({"Mum", "Priya"})) == "platonic"


def sentences(text: str) -> list[str]:
    index = sentence_index(read_text(text))
    return [index.sentence(i) for i in range(len(index))]


def test_each_chat_line_is_a_sentence_of_its_own():
    # Evidence and "in one sentence" cues read a chat line alone: before, the whole chat was
    # one sentence naming everyone in it.
    assert sentences("Peter: guys\nNed: what\nPeter: i love MJ\n\nHe groaned.") == [
        "Peter: guys",
        "Ned: what",
        "Peter: i love MJ",
        "He groaned.",
    ]


def test_hard_wrapped_prose_with_a_colon_is_not_cut():
    text = "The truth of the matter was\nthis: he had never\nloved her at all.\n"
    assert sentences(text) == [text.strip()]


def test_a_chat_line_is_cut_from_the_narration_after_it_in_one_paragraph():
    text = "<p>Peter: guys<br/>Ned: what<br/>Peter put the phone down</p>"
    index = sentence_index(read_html(text))
    assert [index.sentence(i) for i in range(len(index))][-1] == "Peter put the phone down"


def test_a_heading_over_a_chat_is_no_one_s_line():
    chat = "Group chat: the squad\n\nPeter: guys\nNed: what\nPeter: hi\nNed: bye\n"
    assert [label for label, _ in labelled(chat)] == ["Peter", "Ned", "Peter", "Ned"]
    assert "Group chat" not in {c.name for c in analyze_text(chat).characters}


def test_a_confession_naming_someone_in_a_chat_is_theirs_not_the_last_speaker_s():
    chat = (
        "Peter: guys\nNed: what\nPeter: i think i'm in love with MJ\n"
        "MJ: i can read this, loser\nNed: oh no\nPeter: i love you MJ\n"
        "MJ: love you too, dork\n"
    )
    analysis = analyze_text(chat)
    assert {c.name: c.mentions for c in analysis.characters}["MJ"] == 2  # named in two lines
    tags = {r.tag: r.kind for r in analysis.relationships}
    assert tags.get("MJ/Peter") == "romantic"
    assert "Ned/Peter" not in tags
