import pytest

from fanarchive.accounts.models import Pseud
from fanarchive.insights.models import SuggestionKind, TagSuggestion
from fanarchive.insights.services import (
    Proposal,
    accept_on_authors_behalf,
    analyze_work,
    compose_work_text,
    decide_suggestions,
    wanted_suggestions,
)
from fanarchive.tags.models import Tag, TagType
from fanarchive.tags.services import seed_from_packs
from fanarchive.works.services import WorkParts, add_chapter, create_work

pytestmark = pytest.mark.django_db

STORY = (
    '<p>"Are you coming?" Kakashi asked.</p>'
    '<p>"Race you there!" Gai said, grinning at Kakashi.</p>'
    "<p>Kakashi smiled at Gai and ran.</p>"
)


@pytest.fixture
def work(author):
    seed_from_packs()
    return create_work(
        Pseud.default_for(author),
        "The River",
        WorkParts(notes="<p>Hello readers.</p>", chapters=[("", STORY)]),
    )


def test_composed_text_knows_notes_and_chapters(work):
    add_chapter(work, "Later", "<p>Gai waited.</p>")
    composed = compose_work_text(work)
    assert composed.notes[0].position == "beginning"
    assert composed.text[composed.notes[0].start : composed.notes[0].end] == "Hello readers."
    assert len(composed.chapters) == 2
    assert (
        "Chapter 2: Later" in composed.text[composed.chapters[1].start : composed.chapters[1].end]
    )


def test_analysis_is_stored_and_reused_while_nothing_changes(work):
    stored = analyze_work(work)
    assert stored.data["schema_version"] == stored.schema_version
    names = {c["name"] for c in stored.data["characters"]}
    assert {"Hatake Kakashi", "Maito Gai"} <= names
    assert analyze_work(work).updated_at == stored.updated_at
    add_chapter(work, "", "<p>More text.</p>")
    assert analyze_work(work).content_hash != stored.content_hash


def test_suggestions_are_pending_until_the_author_decides(work):
    analyze_work(work)
    suggestions = list(work.tag_suggestions.all())
    assert suggestions and all(s.status == TagSuggestion.Status.PENDING for s in suggestions)
    assert not work.tags.exists()  # nothing applied silently
    kakashi = work.tag_suggestions.get(kind=SuggestionKind.CHARACTER, name="Hatake Kakashi")
    decide_suggestions(work, {kakashi.pk})
    assert [t.name for t in work.tags.all()] == ["Hatake Kakashi"]
    assert (
        work.tag_suggestions.filter(status=TagSuggestion.Status.REJECTED).count()
        == len(suggestions) - 1
    )
    decide_suggestions(work, set())  # changing one's mind takes the tag off again
    assert not work.tags.exists()


def test_a_wranglers_synonym_is_recognised_by_the_next_analysis(author):
    seed_from_packs()
    text = '<p>"Hurry up," Blondie said.</p><p>Blondie ran to the river. Blondie laughed.</p>'
    work = create_work(Pseud.default_for(author), "Nicknames", WorkParts(chapters=[("", text)]))
    before = {c["name"] for c in analyze_work(work).data["characters"]}
    assert "Uzumaki Naruto" not in before
    blondie = Tag.objects.create(name="Blondie", type=TagType.CHARACTER)
    blondie.make_synonym_of(Tag.objects.named("Uzumaki Naruto"))
    after = {c["name"]: c for c in analyze_work(work).data["characters"]}
    assert after["Uzumaki Naruto"]["mentions"] >= 3


def test_a_suggestion_whose_name_became_another_type_is_not_applied(work):
    analyze_work(work)
    gai = work.tag_suggestions.get(kind=SuggestionKind.CHARACTER, name="Maito Gai")
    Tag.objects.filter(name="Maito Gai").update(type=TagType.FANDOM)
    decide_suggestions(work, {gai.pk})
    assert not work.tags.exists()


def test_the_archive_never_accepts_a_warning_on_the_authors_behalf(work):
    analyze_work(work)
    for kind, name in [
        (SuggestionKind.ARCHIVE_WARNING, "Underage Sex"),
        (SuggestionKind.CONTENT_WARNING, "Blood"),
        (SuggestionKind.ADDITIONAL, "Friends to Lovers"),
    ]:
        TagSuggestion.objects.create(work=work, kind=kind, name=name, evidence=[])
    applied = accept_on_authors_behalf(work)
    assert {t.type for t in applied} == {TagType.CHARACTER}
    assert {"Hatake Kakashi", "Maito Gai"} <= {t.name for t in work.tags.all()}
    waiting = work.tag_suggestions.exclude(
        kind__in=[SuggestionKind.CHARACTER, SuggestionKind.RELATIONSHIP]
    )
    assert waiting.count() == 3
    assert all(s.status == TagSuggestion.Status.PENDING for s in waiting)
    assert not work.tags.filter(type=TagType.WARNING).exists()
    assert not work.tags.filter(name__in=["Blood", "Friends to Lovers"]).exists()


def _platonic(subtype: str) -> Proposal:
    evidence = [{"start": 0, "end": 26, "text": "Bob Stone, her brother, ..."}]
    return Proposal(
        SuggestionKind.RELATIONSHIP,
        "Ann Lee & Bob Stone",
        f"platonic, {subtype}",
        evidence,
        subtype,
    )


@pytest.mark.parametrize("ship", ["Ann Lee/Bob Stone", "Bob Stone/Ann Lee"])
def test_a_platonic_suggestion_against_the_authors_ship_needs_a_reason(ship):
    on_work = {ship.lower()}
    assert wanted_suggestions([_platonic("friends")], on_work, {}) == {}
    assert wanted_suggestions([_platonic("")], on_work, {}) == {}
    kept = wanted_suggestions([_platonic("family")], on_work, {})
    proposal = kept[(SuggestionKind.RELATIONSHIP, "Ann Lee & Bob Stone")]
    assert proposal.detail == f"platonic, family: the text disagrees with your tag {ship}"
    assert proposal.evidence  # the sentences that say so


def test_a_platonic_suggestion_without_the_authors_ship_is_unchanged():
    kept = wanted_suggestions([_platonic("friends")], {"cat moss/bob stone"}, {})
    assert kept[(SuggestionKind.RELATIONSHIP, "Ann Lee & Bob Stone")].detail == "platonic, friends"


FIRST_PERSON = (
    "<p>I woke early. My head hurt and I wanted coffee. I walked to the kitchen.</p>"
    '<p>"Where are you going?" I asked.</p>'
    '<p>"Home," Tom said from the door. "Come with me."</p>'
    "<p>I followed Tom down the road. I was tired and I kept my mouth shut.</p>"
    '<p>"Fine," I said.</p>'
) * 3


def test_an_unnamed_narrator_speaks_but_is_not_offered_as_a_character_tag(author):
    work = create_work(Pseud.default_for(author), "Roads", WorkParts(chapters=[("", FIRST_PERSON)]))
    stored = analyze_work(work)
    assert "Narrator" in {c["name"] for c in stored.data["characters"]}
    names = {s.name for s in work.tag_suggestions.pending()}
    assert "Tom" in names and "Narrator" not in names
