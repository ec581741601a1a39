"""A pseud is a name a user posts under (AO3's model); every user has a default one."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PseudQuerySet(models.QuerySet):
    def of(self, user) -> PseudQuerySet:
        return self.filter(user=user) if user.is_authenticated else self.none()


class Pseud(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pseuds"
    )
    name = models.CharField(max_length=40)
    is_default = models.BooleanField(default=False)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PseudQuerySet.as_manager()

    class Meta:
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="unique_pseud_per_user"),
        ]

    def __str__(self) -> str:
        return self.byline

    @property
    def byline(self) -> str:
        """AO3's byline: the pseud, with the account name when they differ."""
        username = self.user.get_username()
        return self.name if self.name == username else f"{self.name} ({username})"

    @classmethod
    def default_for(cls, user) -> Pseud:
        pseud = cls.objects.filter(user=user, is_default=True).first()
        if pseud is None:
            pseud, _ = cls.objects.get_or_create(
                user=user, name=user.get_username()[:40], defaults={"is_default": True}
            )
        return pseud


class SystemAccount(models.Model):
    """Marks an account as the archive's own (orphaned works, imports): found by this row,
    never by its username, so nobody who takes the name gets what the archive puts there."""

    kind = models.CharField(max_length=20, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="system_account"
    )

    def __str__(self) -> str:
        return f"{self.kind}: {self.user}"


class UsernameSkeleton(models.Model):
    """What an account's name looks like (accounts.names.skeleton), kept beside the user so
    sign-up finds a look-alike of any existing name with one indexed query."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True,
        related_name="username_skeleton",
    )  # fmt: skip
    skeleton = models.CharField(max_length=600, db_index=True)

    def __str__(self) -> str:
        return self.skeleton


class WorksClaim(models.Model):
    """An author's request for the works imported under a byline (an archivist's pseud, see
    imports.authors); an admin checks it, as Open Doors does, and confirms or rejects it."""

    PENDING, CONFIRMED, REJECTED = "pending", "confirmed", "rejected"
    STATUSES = [(PENDING, "pending"), (CONFIRMED, "confirmed"), (REJECTED, "rejected")]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="works_claims"
    )
    pseud = models.ForeignKey(Pseud, on_delete=models.CASCADE, related_name="claims")
    evidence = models.TextField(
        blank=True, help_text="How the archive can check that these works are yours."
    )
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    moved = models.PositiveIntegerField(default=0, help_text="Works moved on confirmation.")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "pseud"],
                condition=models.Q(status="pending"),
                name="one_pending_claim_per_byline",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} claims “{self.pseud.name}” ({self.status})"


class Preference(models.Model):
    """A reader's settings (AO3's preferences); a user without a row has the defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference"
    )
    view_adult = models.BooleanField(
        default=False,
        verbose_name="Show me adult content without checking.",
        help_text="Skip the adult-content warning on Mature, Explicit and Not Rated works.",
    )
    hide_warnings = models.BooleanField(
        default=False,
        verbose_name="Hide warnings (you can still choose to show them).",
        help_text="Archive warnings are folded behind “Show warnings” on works and blurbs.",
    )
    hide_freeform = models.BooleanField(
        default=False,
        verbose_name="Hide additional tags (you can still choose to show them).",
        help_text="Additional tags are folded behind “Show additional tags”.",
    )
    # A saved "exclude" filter: applied to every listing this reader sees (browse.exclusions).
    excluded_tags = models.ManyToManyField(
        "tags.Tag", blank=True, related_name="+", verbose_name="Tags to exclude"
    )
    excluded_authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name="Creators to exclude"
    )

    @classmethod
    def of(cls, user) -> Preference:
        """The user's preferences, unsaved defaults when they have none yet."""
        return cls.objects.filter(user=user).first() or cls(user=user)
