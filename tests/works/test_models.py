import pytest
from django.contrib.auth.models import AnonymousUser

from fanarchive.accounts.models import Pseud
from fanarchive.tags.models import NO_WARNINGS_APPLY, Tag, TagType
from fanarchive.works.models import Work
from fanarchive.works.services import WorkParts, create_work, delete_chapter, set_required_tags

pytestmark = pytest.mark.django_db


def make_work(user, posted=True, **fields):
    work = create_work(
        Pseud.default_for(user),
        "A Work",
        WorkParts(chapters=[("", "<p>One two three.</p>")]),
        **fields,
    )
    if posted:
        work.publish()
    return work


def test_signup_gives_a_default_pseud(author):
    assert [p.name for p in author.pseuds.all()] == ["author"]


def test_visibility_drafts_restricted_and_hidden(author, other_user):
    public = make_work(author)
    draft = make_work(author, posted=False)
    restricted = make_work(author, restricted=True)
    hidden = make_work(author, hidden_by_admin=True)
    anonymous = AnonymousUser()
    assert set(Work.objects.visible_to(anonymous)) == {public}
    assert set(Work.objects.visible_to(other_user)) == {public, restricted}
    assert set(Work.objects.visible_to(author)) == {public, draft, restricted, hidden}
    assert set(Work.objects.editable_by(other_user)) == set()
    assert set(Work.objects.editable_by(author)) == {public, draft, restricted, hidden}


def test_word_count_and_chapters_display(author):
    work = make_work(author)
    assert work.words == 3
    assert work.chapters_display == "1/?"
    work.set_complete(True)
    assert work.chapters_display == "1/1"


def test_deleting_a_chapter_renumbers_the_rest(author):
    from fanarchive.works.services import add_chapter

    work = make_work(author)
    add_chapter(work, "Two", "<p>Second chapter.</p>")
    add_chapter(work, "Three", "<p>Third.</p>")
    delete_chapter(work.chapters.get(position=2))
    assert [(c.position, c.title) for c in work.chapters.all()] == [(1, ""), (2, "Three")]
    assert work.words == 4


def test_required_symbols_and_tag_order(author):
    work = make_work(author)
    set_required_tags(
        work,
        Tag.objects.fixed(TagType.RATING)[2],
        [Tag.objects.named(NO_WARNINGS_APPLY)],
        Tag.objects.fixed(TagType.CATEGORY)[3:4],
    )
    freeform = Tag.objects.create(name="Angst", type=TagType.FREEFORM)
    fandom = Tag.objects.create(name="Naruto", type=TagType.FANDOM, canonical=True)
    work.add_tags([freeform, fandom])
    symbols = {s["kind"]: s["css"] for s in work.required_symbols()}
    assert symbols == {
        "rating": "rating-teen",
        "warnings": "warning-no",
        "category": "category-slash",
        "iswip": "complete-no",
    }
    assert [group for group, _, _ in work.tag_groups()] == [
        "rating", "warning", "category", "fandom", "freeform",
    ]  # fmt: skip
