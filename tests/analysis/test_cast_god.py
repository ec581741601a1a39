"""God is a person in narrative prose (LitBank annotates God as one): in the cast when the
narration makes God do something, as for any name English also uses as a word; not for the
oaths and exclamations of fan fiction (`God, she was tired`, `Oh God`, `Thank God`), nor
for `God knows what` and `as God is my witness`, nor as a lord's name (`the Lord God`)."""

from __future__ import annotations

from tests.analysis.casts import cast_of, names

PRAYER = (
    "The old man knelt by the bed. He had prayed every night of his life, and God had "
    "never answered him. Yet he prayed still, for his mother had taught him that God hears "
    "the least of his creatures.\n\n"
    '"God has been good to us," said his wife, Martha. The old man did not reply. He '
    "thought that God had taken his sons, one by one.\n"
)
OATHS = (
    "God, she was tired. Kara dropped her bag by the door. God knows why she had agreed "
    'to the double shift.\n\n"Oh God," Lena said from the couch. "You look awful."\n\n'
    '"Thank God it\'s Friday," Kara said, and fell onto the cushions.\n'
)


def test_god_who_acts_in_the_narration_is_in_the_cast():
    assert "God" in names(cast_of(PRAYER))


def test_god_in_oaths_and_exclamations_is_not():
    assert "God" not in names(cast_of(OATHS))


def test_god_known_only_from_oaths_and_prayers_is_not():
    text = (
        "She had insulted me, and God knows I could have killed her. God knows what made me "
        "bow to the Baron as I did.\n\nThat night I prayed to the Lord God for my sins, and to "
        "the Lord God for hers. May God forgive me, I laughed.\n"
    )
    assert not {"God", "Lord God", "May God"} & names(cast_of(text))


def test_god_called_at_the_head_of_a_line_is_an_oath_not_a_call():
    text = (
        "John came home to find the kitchen full of bees. 'Is he-oh, for God's sake, "
        "Sherlock, I said look at them!' John said.\n\n'They were lonely,' Sherlock said.\n\n"
        "'Are you going to keep them?' John asked.\n\n'God, yes.'\n"
    )
    assert "God" not in names(cast_of(text))
