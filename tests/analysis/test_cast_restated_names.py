"""Names English prose gives one person in the same breath, found on the LitBank tune side:
`Miss Trotwood, or Miss Betsey, as my poor mother always called her` (David Copperfield),
`John Clayton, Lord Greystoke,` (Tarzan of the Apes)."""

from __future__ import annotations

from tests.analysis.casts import cast_of, names


def _mentions(cast, name: str) -> int:
    return sum(1 for m in cast.mentions if m.character == name)


AUNT = (
    "My aunt, Miss Trotwood, or Miss Betsey, as the servants always called her, lived by "
    "the sea. Miss Betsey kept donkeys off her green with great energy.\n\n"
    '"Janet! Donkeys!" cried Miss Betsey, and Janet ran out with a stick.\n\n'
    "Miss Trotwood watched from the window until the donkeys had gone.\n"
)


def test_a_name_restated_with_or_as_called_is_one_person():
    cast = cast_of(AUNT)
    assert "Miss Trotwood" not in names(cast)
    assert _mentions(cast, "Miss Betsey") == 5


def test_two_names_with_or_and_no_naming_verb_stay_two():
    text = AUNT.replace(", as the servants always called her,", "")
    assert {"Miss Trotwood", "Miss Betsey"} <= names(cast_of(text))


PEER = (
    "In the spring John Clayton, Lord Greystoke, was sent to Africa. "
    "John Clayton took his wife with him.\n\n"
    "On the voyage Lord Greystoke spoke little. The captain disliked Lord Greystoke from "
    "the first, and John Clayton knew it.\n"
)


def test_a_peer_styled_after_his_name_is_one_person():
    cast = cast_of(PEER)
    assert "Lord Greystoke" not in names(cast)
    assert _mentions(cast, "John Clayton") == 6


def test_a_titled_name_before_a_peer_is_a_list_of_two():
    text = PEER.replace(
        "John Clayton, Lord Greystoke, was", "Mr. Clayton, Lord Greystoke, and the captain were"
    )
    assert "Lord Greystoke" in names(cast_of(text))
