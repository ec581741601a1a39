"""Building works for view tests."""

from fanarchive.accounts.models import Pseud
from fanarchive.tags.models import NO_WARNINGS_CHOSEN, Tag, TagType
from fanarchive.works.services import WorkParts, add_chapter, create_work, set_required_tags

STORY = (
    '<p>"Are you coming?" Kakashi asked.</p>'
    '<p>"Race you there!" Gai said, grinning at Kakashi.</p>'
    "<p>Kakashi smiled at Gai and ran.</p>"
)


def posted_work(user, title="The River", chapters=1, notes="", endnotes="", **fields):
    parts = WorkParts(notes=notes, endnotes=endnotes, chapters=[("Start", STORY)])
    work = create_work(Pseud.default_for(user), title, parts, **fields)
    for number in range(2, chapters + 1):
        add_chapter(work, f"Part {number}", f"<p>Chapter {number} text.</p>")
    set_required_tags(
        work, Tag.objects.fixed(TagType.RATING)[1], [Tag.objects.named(NO_WARNINGS_CHOSEN)], []
    )
    work.publish()
    return work


def work_form_data(**overrides):
    """A valid 'Post New Work' form submission."""
    general = Tag.objects.fixed(TagType.RATING)[1]
    no_warnings = Tag.objects.fixed(TagType.WARNING)[0]
    data = {
        "title": "The River",
        "rating": general.pk,
        "warnings": [no_warnings.pk],
        "fandoms": "Naruto",
        "relationships": "",
        "characters": "",
        "freeforms": "",
        "summary": "Two boys race.",
        "notes": "",
        "endnotes": "",
        "language": "English",
        "chapter_title": "",
        "body": STORY,
    }
    data.update(overrides)
    return data
