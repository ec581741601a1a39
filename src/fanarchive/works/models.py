"""Works and their chapters, with the visibility rules every view asks through QuerySets."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from fanarchive.accounts.models import Pseud
from fanarchive.site.templatetags.archive import required_symbols
from fanarchive.tags.models import FIXED_TAGS, Tag, TagType

# The order AO3 lists a work's tags in (blurb and work page).
TAG_ORDER = [
    TagType.RATING,
    TagType.WARNING,
    TagType.CATEGORY,
    TagType.FANDOM,
    TagType.RELATIONSHIP,
    TagType.CHARACTER,
    TagType.FREEFORM,
]


class WorkQuerySet(models.QuerySet):
    def posted(self) -> WorkQuerySet:
        return self.filter(posted=True, hidden_by_admin=False)

    def by(self, user) -> WorkQuerySet:
        """Works the user is an author of (drafts included)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=Work.objects.filter(pseuds__user=user).values("pk"))

    def visible_to(self, user) -> WorkQuerySet:
        """What this user may read: posted works (restricted ones need an account), plus
        the user's own works, drafts included."""
        public = Q(posted=True, hidden_by_admin=False)
        if not user.is_authenticated:
            return self.filter(public & Q(restricted=False))
        own = Q(pk__in=Work.objects.filter(pseuds__user=user).values("pk"))
        return self.filter(public | own)

    def editable_by(self, user) -> WorkQuerySet:
        return self.by(user)

    def for_blurbs(self) -> WorkQuerySet:
        """Everything a blurb shows, in a fixed number of queries."""
        return (
            self.prefetch_related(
                "tags", "pseuds__user", "series_parts__series", "gifts__pseud__user"
            )
            .annotate(posted_chapters=models.Count("chapters", filter=Q(chapters__posted=True)))
            .order_by("-revised_at", "-pk")
        )  # aggregation drops Meta.ordering


class Work(models.Model):
    title = models.CharField(max_length=255)
    pseuds = models.ManyToManyField(Pseud, related_name="works", blank=True)
    summary = models.TextField(blank=True, help_text="Sanitised HTML.")
    notes = models.TextField(blank=True, help_text="Beginning notes, sanitised HTML.")
    endnotes = models.TextField(blank=True, help_text="End notes, sanitised HTML.")
    tags = models.ManyToManyField(Tag, through="Tagging", related_name="works", blank=True)
    language = models.CharField(max_length=40, default="English")
    words = models.PositiveIntegerField(default=0)
    expected_chapters = models.PositiveIntegerField(null=True, blank=True)
    complete = models.BooleanField(default=False)
    posted = models.BooleanField(
        default=False, help_text="Drafts are visible to their authors only."
    )
    restricted = models.BooleanField(default=False, help_text="Only logged-in users may read it.")
    hidden_by_admin = models.BooleanField(default=False)
    kudos_count = models.PositiveIntegerField(default=0)
    hits_count = models.PositiveIntegerField(default=0)
    comments_count = models.PositiveIntegerField(default=0)
    bookmarks_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    revised_at = models.DateTimeField(default=timezone.now, help_text="AO3's 'Updated' date.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = WorkQuerySet.as_manager()

    class Meta:
        ordering = ["-revised_at", "-pk"]
        indexes = [models.Index(fields=["posted", "-revised_at"], name="work_posted_revised")]

    def __str__(self) -> str:
        return self.title

    # --- authorship -------------------------------------------------------------------
    def is_authored_by(self, user) -> bool:
        return user.is_authenticated and self.pseuds.filter(user=user).exists()

    @property
    def bylines(self) -> list[Pseud]:
        return list(self.pseuds.all())

    # --- tags -------------------------------------------------------------------------
    def tags_of(self, tag_type: str) -> list[Tag]:
        """Tags of one type; reads the prefetched `tags` when there is one."""
        return sorted((t for t in self.tags.all() if t.type == tag_type), key=_tag_position)

    def tag_groups(self) -> list[tuple[str, str, list[Tag]]]:
        """(type, label, tags) in AO3 order, empty groups left out."""
        groups = []
        for tag_type in TAG_ORDER:
            tags = self.tags_of(tag_type)
            if tags:
                groups.append((tag_type.value, _GROUP_LABELS[tag_type], tags))
        return groups

    def set_tags(self, tag_type: str, tags: list[Tag]) -> None:
        """Replace this work's tags of one type, keeping the order given."""
        Tagging.objects.filter(work=self, tag__type=tag_type).exclude(tag__in=tags).delete()
        have = set(Tagging.objects.filter(work=self, tag__in=tags).values_list("tag_id", flat=True))
        Tagging.objects.bulk_create([Tagging(work=self, tag=t) for t in tags if t.pk not in have])

    def add_tags(self, tags: list[Tag]) -> None:
        have = set(Tagging.objects.filter(work=self).values_list("tag_id", flat=True))
        Tagging.objects.bulk_create([Tagging(work=self, tag=t) for t in tags if t.pk not in have])

    @property
    def rating(self) -> Tag | None:
        ratings = self.tags_of(TagType.RATING)
        return ratings[0] if ratings else None

    def required_symbols(self) -> list[dict[str, str]]:
        """The four squares of an AO3 blurb: rating, warnings, category, completion (drawn
        the same way on Browse, site/templatetags/archive.py)."""
        rating = self.rating
        return required_symbols(
            rating.name if rating else None,
            [t.name for t in self.tags_of(TagType.WARNING)],
            [t.name for t in self.tags_of(TagType.CATEGORY)],
            self.is_complete,
        )

    # --- chapters ---------------------------------------------------------------------
    def posted_chapter_list(self) -> list[Chapter]:
        return list(self.chapters.filter(posted=True).order_by("position"))

    @property
    def chapters_display(self) -> str:
        """AO3's 'Chapters: 2/5' (or 2/? when the author does not know yet)."""
        count = self.posted_count()
        if self.is_complete:
            return f"{count}/{max(count, self.expected_chapters or 0)}"
        return f"{count}/{self.expected_chapters or '?'}"

    def posted_count(self) -> int:
        """Posted chapters; reads the `posted_chapters` annotation of `for_blurbs` if any."""
        count = getattr(self, "posted_chapters", None)
        return self.chapters.filter(posted=True).count() if count is None else count

    @property
    def is_complete(self) -> bool:
        """As on AO3, a work whose posted chapters reach the planned number is complete
        (3/3), whether or not the author ticked "complete"."""
        return self.complete or self._planned_chapters_posted(self.posted_count())

    def _planned_chapters_posted(self, count: int) -> bool:
        return self.expected_chapters is not None and count >= self.expected_chapters

    def next_position(self) -> int:
        last = self.chapters.aggregate(models.Max("position"))["position__max"]
        return (last or 0) + 1

    def recount_words(self) -> None:
        """Words, and completion: posting the last planned chapter completes the work."""
        words = list(self.chapters.filter(posted=True).values_list("words", flat=True))
        self.words = sum(words)
        self.complete = self.complete or self._planned_chapters_posted(len(words))
        self.save(update_fields=["words", "complete", "updated_at"])

    # --- lifecycle --------------------------------------------------------------------
    def publish(self) -> None:
        now = timezone.now()
        # A draft given "a different publication date" keeps it as its Updated date too.
        backdated = self.published_at is not None and not self.posted
        self.posted = True
        self.published_at = self.published_at or now
        self.revised_at = self.published_at if backdated else now
        self.save(update_fields=["posted", "published_at", "revised_at", "updated_at"])

    def set_complete(self, complete: bool) -> None:
        self.complete = complete
        posted = self.chapters.filter(posted=True).count()
        if complete:
            self.expected_chapters = posted
        elif self._planned_chapters_posted(posted):
            self.expected_chapters = None  # "3/3" would still read as complete: AO3 shows 3/?
        self.save(update_fields=["complete", "expected_chapters", "updated_at"])


_GROUP_LABELS = {
    TagType.RATING: "Rating",
    TagType.WARNING: "Archive Warnings",
    TagType.CATEGORY: "Categories",
    TagType.FANDOM: "Fandoms",
    TagType.RELATIONSHIP: "Relationships",
    TagType.CHARACTER: "Characters",
    TagType.FREEFORM: "Additional Tags",
}


def _tag_position(tag: Tag) -> tuple[int, str]:
    """Fixed tags in AO3's order, the others alphabetically."""
    fixed = FIXED_TAGS.get(tag.type, [])
    return (fixed.index(tag.name) if tag.name in fixed else len(fixed), tag.name.lower())


class Tagging(models.Model):
    """A work carries a tag. Kept explicit so listings can index it (issue 5 filters on it)."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="taggings")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="taggings")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["work", "tag"], name="unique_tagging")]
        indexes = [models.Index(fields=["tag", "work"], name="tagging_tag_work")]


class Chapter(models.Model):
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="chapters")
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=255, blank=True)
    summary = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    endnotes = models.TextField(blank=True)
    body = models.TextField(help_text="Sanitised HTML.")
    words = models.PositiveIntegerField(default=0)
    posted = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["work", "position"]
        constraints = [
            models.UniqueConstraint(fields=["work", "position"], name="unique_chapter_position")
        ]

    def __str__(self) -> str:
        return self.heading

    @property
    def heading(self) -> str:
        """'Chapter 2: The Roof', or 'Chapter 2' when untitled."""
        return (
            f"Chapter {self.position}: {self.title}" if self.title else f"Chapter {self.position}"
        )


class CreatorInvitation(models.Model):
    """A co-creator asked to join a work's byline: AO3 adds them only when they accept."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="creator_invitations")
    pseud = models.ForeignKey(Pseud, on_delete=models.CASCADE, related_name="creator_invitations")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["work", "pseud"], name="one_invitation_per_pseud")
        ]


class Gift(models.Model):
    """AO3's "Gift this work to": a recipient by name, linked to their pseud when they have
    an account here."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="gifts")
    recipient_name = models.CharField(max_length=100)
    pseud = models.ForeignKey(
        Pseud, null=True, blank=True, on_delete=models.SET_NULL, related_name="gifts"
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["work", "recipient_name"], name="one_gift_per_name")
        ]


class RelatedWork(models.Model):
    """AO3's "This work is a remix, translation, or inspired by another work": the parent's
    address, and the parent itself when it is a work of this archive."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="parent_links")
    parent = models.ForeignKey(
        Work, null=True, blank=True, on_delete=models.SET_NULL, related_name="child_links"
    )
    url = models.CharField(max_length=500)
    title = models.CharField(max_length=255, blank=True)
    author = models.CharField(max_length=100, blank=True)
    translation = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
