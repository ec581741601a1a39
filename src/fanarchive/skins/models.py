"""AO3's site skins: CSS a user writes for the archive's markup, used by whoever chooses it.

A skin is the author's own until they make it public and an admin approves it; then every
reader may preview or use it. The archive's own look is the official "Default" skin (its
stylesheets are the archive's static CSS), registered by a data migration.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

DEFAULT_SKIN_TITLE = "Default"


class SkinQuerySet(models.QuerySet):
    def approved(self) -> SkinQuerySet:
        """Skins every reader may use: the official ones and approved public ones."""
        return self.filter(Q(official=True) | Q(public=True, approved=True))

    def usable_by(self, user) -> SkinQuerySet:
        """What this user may preview, use or fetch: the approved skins and their own."""
        if user.is_authenticated:
            return self.filter(Q(official=True) | Q(public=True, approved=True) | Q(author=user))
        return self.approved()


class Skin(models.Model):
    title = models.CharField(max_length=255, unique=True)
    description = models.TextField(blank=True, max_length=2000)
    # Stored as the checker re-serialised it (skins/css.py): only checked CSS is ever served.
    css = models.TextField(blank=True)
    replace_archive_skin = models.BooleanField(
        default=False,
        help_text="Use this CSS instead of the archive's own look, not on top of it.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="skins",
    )
    public = models.BooleanField(default=False, help_text="Offer it to every reader.")
    approved = models.BooleanField(default=False)  # by an admin, for a public skin
    official = models.BooleanField(default=False)  # the archive's own skins
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SkinQuerySet.as_manager()

    class Meta:
        ordering = ["-official", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_default(self) -> bool:
        return self.official and self.title == DEFAULT_SKIN_TITLE

    @property
    def has_stylesheet(self) -> bool:
        return bool(self.css)

    @property
    def version(self) -> int:
        """Part of the stylesheet's address: an edited skin is never read from a stale cache."""
        return int(self.updated_at.timestamp()) if self.updated_at else 0


class SkinPreference(models.Model):
    """A signed-in user's chosen skin (guests keep theirs in the session)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skin_preference"
    )
    skin = models.ForeignKey(Skin, on_delete=models.CASCADE, related_name="+")
