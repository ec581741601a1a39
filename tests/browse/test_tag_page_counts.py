"""A tag's page and Browse under that tag count the same works (issue 18, item 9): the tag
page counted the tag and its synonyms only, where Browse files a sub tag's works (and its
synonyms') under the meta tag too; and it counted a signed-in author's own works hidden by
an admin, which Browse does not list."""

import re

import pytest
from django.urls import reverse

from fanarchive.tags.models import Tag, TagType
from fanarchive.works.models import Work
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


def freeform(name: str, **fields) -> Tag:
    return Tag.objects.create(name=name, type=TagType.FREEFORM, **fields)


@pytest.fixture
def fluff(author, django_capture_on_commit_callbacks):
    """Fluff, with a sub tag (Tooth-Rotting Fluff) and that sub tag's synonym; six works."""
    with django_capture_on_commit_callbacks(execute=True):
        meta = freeform("Fluff", canonical=True)
        sub = freeform("Tooth-Rotting Fluff", canonical=True)
        sub.meta_tags.add(meta)
        synonym = freeform("Teeth-rotting fluff", merger=sub)
        on_meta = posted_work(author, title="On the meta tag")
        on_sub = posted_work(author, title="On the sub tag")
        on_synonym = posted_work(author, title="On its synonym")
        restricted = posted_work(author, title="Restricted", restricted=True)
        hidden = posted_work(author, title="Hidden by an admin")
        draft = posted_work(author, title="A draft")
        for work, tag in [(on_meta, meta), (on_sub, sub), (on_synonym, synonym),
                          (restricted, sub), (hidden, meta), (draft, meta)]:  # fmt: skip
            work.add_tags([tag])
        hidden.hidden_by_admin = True
        hidden.save()
        draft.posted = False
        draft.save()
    return meta


def browse_ids(client, tag: Tag) -> set[int]:
    response = client.get(reverse("browse:tag_works", args=[tag.name]))
    assert response.status_code == 200
    return {int(i) for i in re.findall(r'data-work-id="(\d+)"', response.content.decode())}


def tag_page(client, tag: Tag) -> tuple[int, set[int]]:
    page = client.get(reverse("tags:detail", args=[tag.pk])).content.decode()
    count = re.search(r"Works \((\d+)\)", page)
    return int(count.group(1)) if count else 0, {
        int(i) for i in re.findall(r'id="work_(\d+)"', page)
    }


def titles(ids: set[int]) -> set[str]:
    return set(Work.objects.filter(pk__in=ids).values_list("title", flat=True))


def test_logged_out_the_tag_page_counts_what_browse_lists(client, fluff):
    listed = browse_ids(client, fluff)
    assert titles(listed) == {"On the meta tag", "On the sub tag", "On its synonym"}
    assert tag_page(client, fluff) == (3, listed)


def test_signed_in_the_tag_page_counts_what_browse_lists(client, author, fluff):
    client.force_login(author)
    listed = browse_ids(client, fluff)
    assert titles(listed) == {"On the meta tag", "On the sub tag", "On its synonym", "Restricted"}
    assert tag_page(client, fluff) == (4, listed)


def test_the_sub_tags_page_counts_its_own_works_and_its_synonyms(client, fluff):
    sub = Tag.objects.get(name="Tooth-Rotting Fluff")
    listed = browse_ids(client, sub)
    assert titles(listed) == {"On the sub tag", "On its synonym"}
    assert tag_page(client, sub) == (2, listed)
    synonym = Tag.objects.get(name="Teeth-rotting fluff")
    assert tag_page(client, synonym) == (2, listed)


def test_a_readers_saved_exclusions_leave_the_same_works_out_of_both(client, other_user, fluff):
    from fanarchive.accounts.models import Preference

    preference, _ = Preference.objects.get_or_create(user=other_user)
    preference.excluded_tags.add(Tag.objects.get(name="Teeth-rotting fluff"))  # the sub tag
    client.force_login(other_user)
    listed = browse_ids(client, fluff)
    assert titles(listed) == {"On the meta tag"}
    assert tag_page(client, fluff) == (1, listed)
