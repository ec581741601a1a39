"""Reader data. Every queryset that a view lists starts from `of(user)`, so a reader only
ever sees their own bookmarks' private notes, inbox and history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from fanarchive.works.models import Chapter, Work

USER = settings.AUTH_USER_MODEL


class OwnedQuerySet(models.QuerySet):
    def of(self, user) -> OwnedQuerySet:
        return self.filter(user=user) if user.is_authenticated else self.none()


class Kudos(models.Model):
    """One per account per work; from guests, one per work per session and per client
    address (as AO3: a guest gets a new session by dropping a cookie, not a new address)."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="kudos")
    user = models.ForeignKey(USER, null=True, blank=True, on_delete=models.CASCADE)
    guest_session = models.CharField(max_length=64, blank=True, default="")
    guest_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "kudos"
        constraints = [
            models.UniqueConstraint(
                fields=["work", "user"], condition=Q(user__isnull=False), name="kudos_once_per_user"
            ),
            models.UniqueConstraint(
                fields=["work", "guest_session"],
                condition=~Q(guest_session=""),
                name="kudos_once_per_guest",
            ),
            models.UniqueConstraint(
                fields=["work", "guest_address"],
                condition=Q(user__isnull=True, guest_address__isnull=False),
                name="kudos_once_per_guest_address",
            ),
        ]


class CommentQuerySet(models.QuerySet):
    def published(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.PUBLISHED)

    def pending(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.PENDING)


class Comment(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published"
        PENDING = "pending"  # guest comments wait for the work's author

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="comments")
    chapter = models.ForeignKey(
        Chapter, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    user = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    guest_name = models.CharField(max_length=60, blank=True)
    body = models.TextField(help_text="Sanitised HTML.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PUBLISHED)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    @property
    def author_name(self) -> str:
        if self.user_id:
            return self.user.get_username()
        return f"{self.guest_name or 'Guest'} (guest)"


class Bookmark(models.Model):
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="bookmarks")
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="bookmarks")
    notes = models.TextField(blank=True, help_text="Public notes, sanitised HTML.")
    private_notes = models.TextField(blank=True, help_text="Seen by the reader only.")
    tags = models.CharField(max_length=1000, blank=True, help_text="The reader's own tags.")
    private = models.BooleanField(default=False, help_text="The whole bookmark is private.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "work"], name="bookmark_once")]

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]


class Subscription(models.Model):
    """To a work (new chapters), an author (new works and chapters) or a series (new parts)."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="subscriptions")
    work = models.ForeignKey(Work, null=True, blank=True, on_delete=models.CASCADE)
    author = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.CASCADE, related_name="subscribers"
    )
    series = models.ForeignKey("Series", null=True, blank=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "work"], condition=Q(work__isnull=False), name="subscribe_work"
            ),
            models.UniqueConstraint(
                fields=["user", "author"],
                condition=Q(author__isnull=False),
                name="subscribe_author",
            ),
        ]


class InboxItem(models.Model):
    class Kind(models.TextChoices):
        UPDATE = "update"  # a subscription's new chapter, work or series part
        COMMENT = "comment"  # a comment on the recipient's work
        REPLY = "reply"  # a reply to the recipient's comment
        MODERATION = "moderation"  # a guest comment waiting in the recipient's queue
        KUDOS = "kudos"  # kudos on the recipient's work, batched while unread
        COLLECTION = "collection"  # a work submitted to a collection the recipient moderates

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="inbox")
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="+")
    chapter = models.ForeignKey(
        Chapter, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.UPDATE)
    # The comment a notice is about: deleting the comment deletes its notices.
    comment = models.ForeignKey(
        "Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Who caused it, so notices from a user the recipient has since blocked stop showing.
    actor = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    count = models.PositiveIntegerField(default=1, help_text="Kudos batched into this notice.")
    message = models.CharField(max_length=300)
    read = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]


class EmailPreference(models.Model):
    """Which emails an account gets (AO3's "Turn off emails about …" preferences); an account
    without a row gets them all. `last_digest_at` keeps the daily digest to one a day."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="email_preference")
    comment_emails_off = models.BooleanField(
        "Turn off emails about comments",
        default=False,
        help_text="Comments on your works, replies to your comments, guest comments to review.",
    )
    kudos_emails_off = models.BooleanField(
        "Turn off emails about kudos", default=False, help_text="Kudos come in the daily digest."
    )
    subscription_emails_off = models.BooleanField(
        "Turn off subscription emails",
        default=False,
        help_text="New chapters, works and series parts come in the daily digest.",
    )
    collection_emails_off = models.BooleanField(
        "Turn off emails from collections",
        default=False,
        help_text="Works submitted to a collection you moderate.",
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"email preferences of user {self.user_id}"


class Reading(models.Model):
    """Reading history, and AO3's 'Mark for Later'."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="readings")
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="+")
    visits = models.PositiveIntegerField(default=0)
    later = models.BooleanField(default=False)
    last_read_at = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-last_read_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "work"], name="reading_once")]


class Block(models.Model):
    """A blocked user cannot comment on, reply in or leave kudos on the blocker's works."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "blocked"], name="block_once")]


class Mute(models.Model):
    """A muted user's comments are hidden from the muter (the muted user is not told)."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="mutes")
    muted = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="muted_by")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "muted"], name="mute_once")]


class Series(models.Model):
    """An ordered run of works (AO3's series); its owner adds their own works to it."""

    owner = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="series")
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True, help_text="Sanitised HTML.")
    notes = models.TextField(blank=True, help_text="Sanitised HTML.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name_plural = "series"

    def __str__(self) -> str:
        return self.title


class SeriesPart(models.Model):
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="parts")
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="series_parts")
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["series", "position"]
        constraints = [models.UniqueConstraint(fields=["series", "work"], name="series_work_once")]
