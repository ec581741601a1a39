"""The work's own tags reach the analysis: they seed the cast's canonical names, and a change
of tags asks for a fresh analysis."""

import pytest

from fanarchive.accounts.models import Pseud
from fanarchive.insights.services import analyze_work, content_hash
from fanarchive.tags.models import TagType
from fanarchive.tags.services import character_aliases, tags_for_names
from fanarchive.works.services import WorkParts, create_work

pytestmark = pytest.mark.django_db

STORY = (
    '<p>"You have been in Afghanistan, I perceive," said Sherlock.</p>'
    '<p>"How on earth did you know that?" John asked.</p>'
    "<p>John looked at Sherlock and laughed.</p>"
)


@pytest.fixture
def work(author):
    return create_work(Pseud.default_for(author), "A Study", WorkParts(chapters=[("", STORY)]))


def character_names(work):
    return {character["name"] for character in analyze_work(work).data["characters"]}


def test_a_relationship_tag_gives_the_cast_its_canonical_names(work):
    assert "John Watson" not in character_names(work)
    work.tags.add(*tags_for_names(["Sherlock Holmes/John Watson"], TagType.RELATIONSHIP))
    names = character_names(work)
    assert {"John Watson", "Sherlock Holmes"} <= names
    assert "John" not in names


def test_a_change_of_tags_changes_the_content_hash(work):
    before = content_hash(work, character_aliases())
    work.tags.add(*tags_for_names(["Sherlock Holmes/John Watson"], TagType.RELATIONSHIP))
    assert content_hash(work, character_aliases()) != before
