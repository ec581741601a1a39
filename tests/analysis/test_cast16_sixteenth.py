"""Titled family names (sixteenth session; docs/evaluation.md, "Titled family names (sixteenth
session)"): a married couple named both ways, `Mr. Hallett` / `Owen Hallett` / `Owen` and
`Mrs. Hallett` / `Bronwen Hallett` / `Bronwen`, is two people, not four
(`characters.clustering._couples`), while parents beside their grown son stay apart."""

from fanarchive.analysis.model import Character
from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers.kin import Families

# A farmhouse visit: the only Hallett man and the only Hallett woman named in full, a spouse
# noun beside his given name, each also called by title.
FARMHOUSE = (
    "The vet's van was still ticking in the yard when Gwilym Rees knocked at the Halletts' "
    "back door.\n\n"
    "Mrs. Hallett opened it with flour on her hands. \"If it's the ewe again, my husband "
    'has seen to her."\n\n'
    "Owen Hallett was at the table with the accounts, and he did not get up.\n\n"
    '"Mr. Hallett," said Gwilym.\n\n'
    '"Rees."\n\n'
    '"Owen," his wife said, "offer the man a chair."\n\n'
    "He pushed one out with his boot. Gwilym sat. Bronwen Hallett put the kettle on and "
    "stood with her back to both of them.\n\n"
    '"The ewe is dying, Mr. Hallett."\n\n'
    '"She is not."\n\n'
    '"Owen, let him finish," said Bronwen.\n\n'
    '"Mrs. Hallett knows sheep," Gwilym said, "better than either of us."\n'
)

# A family at supper: the parents by title, their son by full name and given name, the
# son's wife by full name. `Mr. Pennock` is the father, not Daniel.
SUPPER = (
    "Mr. Pennock carved, as he always had, and Mrs. Pennock passed the potatoes down the "
    "table to their son.\n\n"
    'Daniel Pennock took them without a word. "You look tired, Daniel," said his mother.\n\n'
    '"The baby was up all night," said his wife. Ellen Pennock had been a Pennock for '
    "a year and still called her father-in-law sir.\n\n"
    '"You were the same, Daniel," said Mr. Pennock. "Kept your mother up till dawn."\n\n'
    '"I remember it well," said Mrs. Pennock.\n\n'
    "Daniel laughed, and Ellen laughed with him, and Mr. Pennock poured the wine.\n"
)


def cast(text: str) -> list[set[str]]:
    characters = analyze_document(read_text(text)).characters
    return [{c.name, *c.aliases} for c in characters]


def entry(people: list[set[str]], name: str) -> set[str]:
    return next(p for p in people if name in p)


def test_a_couple_named_both_ways_is_two_people():
    people = cast(FARMHOUSE)
    assert {"Mr. Hallett", "Owen"} <= entry(people, "Owen Hallett")
    assert {"Mrs. Hallett", "Bronwen"} <= entry(people, "Bronwen Hallett")
    assert not any({"Mr. Hallett", "Mrs. Hallett"} <= p for p in people)


def test_the_parents_of_a_married_son_stay_apart():
    people = cast(SUPPER)
    assert "Mr. Pennock" not in entry(people, "Daniel")
    assert "Mrs. Pennock" not in entry(people, "Ellen Pennock")


# A wedding remembered, then the marriage: the bride named by her maiden name, the wife by
# her husband's, both by her given name.
WEDDING = (
    "Nora Feeney had been nineteen when she walked up the aisle of St. Brendan's, and Peter "
    "Halloran had dropped the ring.\n\n"
    "Thirty years on, Nora Halloran still teased him about it. Peter Halloran sat by the fire "
    "with the paper, and his wife sat opposite with the mending.\n\n"
    '"You dropped it twice," Nora said.\n\n'
    '"Once," said Peter.\n\n'
    "The doorbell rang. It was the priest, hat in hand.\n\n"
    '"Mrs. Halloran. Mr. Halloran. I won\'t keep you long."\n\n'
    '"Sit down, Father," said Nora, "Peter will make the tea."\n'
)


def test_a_wife_named_by_her_maiden_name_is_one_person():
    people = cast(WEDDING)
    nora = entry(people, "Nora")
    assert {"Nora Feeney", "Nora Halloran", "Mrs. Halloran"} <= nora
    assert {"Mr. Halloran", "Peter"} <= entry(people, "Peter Halloran")


def test_his_wife_is_the_mrs_of_his_own_family_not_a_married_daughter():
    # A daughter now married (`Miss Ann Pryor`, `Mrs. Ashby`) is a Pryor and a Mrs., but not
    # the Mrs. of the Pryors: `said his wife` of Mr. Pryor is Mrs. Pryor.
    cast_ = [
        Character("Mr. Pryor", gender="male"),
        Character("Mrs. Pryor", gender="female"),
        Character("Ann", ["Miss Ann Pryor", "Mrs. Ashby"], gender="female"),
        Character("Mr. Ashby", gender="male"),
    ]
    assert Families(cast_).relative("Mr. Pryor", "wife") == "Mrs. Pryor"
