"""A relational noun's "'s": a possessive ("her brother's friend": someone else's friend) or
a contracted "is" or "has" ("her brother's here": the brother's own verb)."""

import pytest

from fanarchive.analysis.relationships.relations import NOUN_OWNS_RE
from tests.analysis.test_relationships import _pair, analyse


@pytest.mark.parametrize(
    ("after", "owns"),
    [
        ("'s friend", True),
        ("'s best friend", True),
        ("s' mother", True),  # "her sisters' mother"
        ("'s never intending to go", True),  # a gerund's possessor, as 19th-century novels
        ("'s not being killed", True),
        ("'s here", False),
        ("'s been ill", False),
        ("'s a doctor", False),
        ("'s always late", False),
        ("'s gone", False),
    ],
)
def test_a_nouns_s_is_a_possessive_or_a_contraction(after, owns):
    text = "her brother" + after  # after the noun: "her brother" or "her brothers"
    end = len("her brother") + after.startswith("s")
    assert (NOUN_OWNS_RE.match(text, end) is not None) is owns


@pytest.mark.parametrize(
    "text",
    [
        # Spoken to Bob, not said of him: the noun is the subject of its own verb.
        '"Bob, my brother is here," Ann said.\n',
        '"Bob, my brother\'s here," Ann said.\n',
        "Bob, her brother's been waiting all day, Ann said.\n",
    ],
)
def test_a_name_called_before_a_nouns_own_verb_is_not_the_noun(text):
    assert _pair(analyse(text), "Ann Lee", "Bob Stone") is None


@pytest.mark.parametrize(
    "text",
    [
        "Ann smiled at Bob. He's her brother's friend.\n",
        "Ann smiled at Bob. He was her sisters' friend.\n",
        "Ann smiled at Bob. He was the king's brother.\n",
    ],
)
def test_he_was_someone_elses_relation_binds_nobody(text):
    """ "He's her brother's friend": the friend is the brother's, not hers."""
    assert _pair(analyse(text), "Ann Lee", "Bob Stone") is None


@pytest.mark.parametrize(
    "text",
    [
        "Ann hugged Bob, her brother, and left.\n",
        "Ann hugged Bob, her brother.\n",
        "Ann smiled at Bob. He was her brother.\n",
    ],
)
def test_the_one_named_beside_the_noun_still_is_it(text):
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert (found.kind, found.subtype) == ("platonic", "family")


def test_her_brother_s_here_binds_the_couple_nothing_more():
    found = _pair(analyse("Ann kissed Bob. Her brother's here.\n"), "Ann Lee", "Bob Stone")
    assert (found.kind, found.subtype) == ("romantic", "")
