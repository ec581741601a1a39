"""Run as a script inside a configured Django: fills an archive with every kind of record a
backup must carry (works, chapters, tags and wrangling, users and pseuds, comments, kudos,
bookmarks, subscriptions, inbox, history, collections with their participants and items)."""

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402

from fanarchive.collections import services as collections  # noqa: E402
from fanarchive.collections.models import Role  # noqa: E402
from fanarchive.readers.models import Bookmark, Comment, Kudos, Reading, Subscription  # noqa: E402
from fanarchive.tags.models import Tag, TagType  # noqa: E402
from fanarchive.tags.services import WRANGLERS_GROUP, ensure_archive_basics  # noqa: E402
from fanarchive.works.services import add_chapter  # noqa: E402
from tests.works.helpers import posted_work  # noqa: E402

ensure_archive_basics()
User = get_user_model()
author = User.objects.create_user("author", "a@example.org", "pw-long-12345")
reader = User.objects.create_user("reader", "r@example.org", "pw-long-12345")
wrangler = User.objects.create_user("wrangler", "w@example.org", "pw-long-12345")
wrangler.groups.add(Group.objects.get(name=WRANGLERS_GROUP))
Subscription.objects.create(user=reader, author=author)
work = posted_work(author, title="Ünïcode “River” ✨", chapters=2, notes="<p>Hi</p>")
draft = posted_work(author, title="Draft")
draft.posted = False
draft.save()
canonical = Tag.objects.create(name="Hatake Kakashi", type=TagType.CHARACTER, canonical=True)
synonym = Tag.objects.create(name="Kakashi", type=TagType.CHARACTER)
synonym.make_synonym_of(canonical)
work.add_tags([synonym, Tag.objects.create(name="Fluff", type=TagType.FREEFORM)])
Subscription.objects.create(user=reader, work=work)
add_chapter(work, "Three", "<p>Third.</p>")
top = Comment.objects.create(work=work, user=reader, body="<p>Loved it</p>")
Comment.objects.create(work=work, user=author, parent=top, body="<p>Thanks</p>")
Comment.objects.create(work=work, guest_name="G", body="<p>?</p>", status="pending")
Kudos.objects.create(work=work, user=reader)
Kudos.objects.create(work=work, guest_session="abc123")
Bookmark.objects.create(
    user=reader, work=work, notes="<p>Yes</p>", private_notes="mine", tags="a, b"
)
Reading.objects.create(user=reader, work=work, visits=3, later=True)
circle = collections.create_collection(
    author, "rare_pairs", "Rare Pairs “Week” ✨", "<p>Odd ones</p>", moderated=True
)
collections.invite(circle, author, "reader")
collections.join(circle, reader)
collections.set_role(circle.participants.get(user=reader), author, Role.MODERATOR)
collections.add_work(circle, work, author, notes="<p>Day 1</p>")
collections.add_work(circle, draft, reader)  # the author has not agreed yet
