"""Relationships (fourteenth session; docs/relationships.md, "Relationships (fourteenth
session)"): a line's cue binds its speaker only to someone in the same exchange."""

from tests.analysis.test_relationships import _pair, analyse

# Cat speaks, leaves, and a page of narration later Bob, alone, speaks to a photograph.
FAR_APART = (
    '"See you on Monday," Cat said, and Bob heard the door close behind her.\n\n'
    "The kitchen went quiet. Bob washed the two cups and dried them and put them away.\n\n"
    "Outside, the rain came on, and the street lamps flickered.\n\n"
    "He sat down at the table with the old photograph of the lake in his hands.\n\n"
    '"I love you," Bob said. "I always did."\n\n'
    "Cat never knew what he did with the evening.\n"
)
FAR_APART_QUOTES = [
    ("See you on Monday,", "Cat", None),
    ("I love you,", "Bob", None),
    ("I always did.", "Bob", None),
]


def test_a_line_paragraphs_away_is_another_conversation():
    """Bob's "I love you", said four paragraphs after Cat's last line and with no one named
    to hear it, is not said to Cat: the one who spoke last is in another exchange (before,
    the nearest other speaker, however far back, was the one spoken to: a false romance)."""
    found = _pair(analyse(FAR_APART, FAR_APART_QUOTES), "Bob Stone", "Cat Moss")
    assert found is None or found.kind != "romantic"


NEAR = (
    '"See you on Monday," Cat said from the door.\n\n'
    '"I love you," Bob said. "I always did."\n\n'
    "Cat stood there a long moment with her coat half on.\n"
)
NEAR_QUOTES = [
    ("See you on Monday,", "Cat", None),
    ("I love you,", "Bob", None),
    ("I always did.", "Bob", None),
]


def test_the_line_just_before_is_the_same_exchange():
    """The guard's other side: the other speaker of the line just before is still the one
    spoken to."""
    found = _pair(analyse(NEAR, NEAR_QUOTES), "Bob Stone", "Cat Moss")
    assert found is not None and found.kind == "romantic"


GOSSIP = (
    "Ann came back from the fair with straw in her hair and a ribbon in her fist.\n\n"
    '"Your brother kissed you at the gate!" Cat said.\n\n'
    '"He always does that," Ann said. "He thinks it is funny."\n\n'
    "Cat laughed and took the ribbon from her, and they walked home together.\n"
)
GOSSIP_QUOTES = [
    ("Your brother kissed you at the gate!", "Cat", "Ann"),
    ("He always does that,", "Ann", None),
    ("He thinks it is funny.", "Ann", None),
]


def test_a_kiss_someone_described_gives_is_not_the_speakers():
    """ "Your brother kissed you at the gate!": the one who kissed is someone described in
    the clause, not the speaker (before, the kiss made Cat and Ann a couple)."""
    found = _pair(analyse(GOSSIP, GOSSIP_QUOTES), "Ann Lee", "Cat Moss")
    assert found is None or found.kind != "romantic"


def test_the_speakers_own_kiss_is_still_theirs():
    """The guard's other side: "I kissed you at the gate!" is about the two talking."""
    text = GOSSIP.replace("Your brother kissed you at the gate!", "I kissed you at the gate!")
    quotes = [("I kissed you at the gate!", "Cat", "Ann"), *GOSSIP_QUOTES[1:]]
    found = _pair(analyse(text, quotes), "Ann Lee", "Cat Moss")
    assert found is not None and found.kind == "romantic"


FRIENDS = (
    "The night before the final, Ann could not sleep. Cat had been Ann's best friend since "
    "the first day of school, and she came round with chips and a blanket.\n\n"
    '"You will be fine," Cat said.\n\n'
    '"I know," Ann said. "Thanks for coming."\n\n'
    '"Love you," Cat said. "Go win."\n\n'
    "{ending}\n"
)
FRIENDS_QUOTES = [
    ("You will be fine,", "Cat", "Ann"),
    ("I know,", "Ann", "Cat"),
    ("Thanks for coming.", "Ann", "Cat"),
    ("Love you,", "Cat", "Ann"),
    ("Go win.", "Cat", "Ann"),
]


def test_love_said_between_friends_is_a_friends():
    """ "Love you" said in a line between two the text calls best friends is a friend's:
    platonic friends (before, the one confession made them a couple)."""
    text = FRIENDS.format(ending="Ann threw a cushion at her, and they watched a film.")
    found = _pair(analyse(text, FRIENDS_QUOTES), "Ann Lee", "Cat Moss")
    assert found is not None and (found.kind, found.subtype) == ("platonic", "friends")


def test_friends_the_narration_shows_kissing_are_a_couple():
    """The rule's other side: a kiss the narration shows still makes the friends a couple."""
    text = FRIENDS.format(ending="Ann kissed Cat on the mouth, slowly, and Cat kissed her back.")
    found = _pair(analyse(text, FRIENDS_QUOTES), "Ann Lee", "Cat Moss")
    assert found is not None and found.kind == "romantic"


HOME = (
    '"Mom, I\'m home," Ann called from the hall.\n\n'
    '"In the kitchen," Cat said.\n\n'
    '"Something smells good," Ann said.\n\n'
    '"Your favourite. Wash your hands first," Cat said.\n\n'
    '"Love you," Ann said, and kicked off her shoes.\n\n'
    '"Love you too," Cat said.\n\n'
    "They ate at the counter while the radio played.\n"
)
HOME_QUOTES = [
    ("Mom, I'm home,", "Ann", "Cat"),
    ("In the kitchen,", "Cat", "Ann"),
    ("Something smells good,", "Ann", "Cat"),
    ("Your favourite. Wash your hands first,", "Cat", "Ann"),
    ("Love you,", "Ann", "Cat"),
    ("Love you too,", "Cat", "Ann"),
]


def test_love_said_between_kin_the_text_guesses_is_a_relatives():
    """ "Mom, I'm home" makes the two kin on a guess; their "Love you" and "Love you too" a
    few lines later are a daughter's and a mother's, not a couple's (before, the two spoken
    confessions made them a romance)."""
    found = _pair(analyse(HOME, HOME_QUOTES), "Ann Lee", "Cat Moss")
    assert found is not None and (found.kind, found.subtype) == ("platonic", "family")


def test_any_romance_said_between_friends_is_a_friends():
    """Not only "I love you": "You're mine for the whole weekend" said to a best friend is a
    friend's too (before, the line's possessive made them a couple)."""
    text = FRIENDS.replace(
        '"Love you," Cat said. "Go win."', '"You\'re mine all weekend," Cat said.'
    )
    text = text.format(ending="Ann threw a cushion at her, and they watched a film.")
    quotes = [*FRIENDS_QUOTES[:3], ("You're mine all weekend,", "Cat", "Ann")]
    found = _pair(analyse(text, quotes), "Ann Lee", "Cat Moss")
    assert found is not None and (found.kind, found.subtype) == ("platonic", "friends")
