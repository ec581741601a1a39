"""Which media a fandom belongs to (AO3's Media tags: "Anime & Manga", "TV Shows", ...).

The media are AO3's fixed list, kept in code rather than as rows, so a fresh database and a
restored backup agree; a wrangler files each canonical fandom under one or more of them, and
a fandom filed nowhere shows under "Uncategorized Fandoms", as on AO3."""

from __future__ import annotations

from django.db import models

from fanarchive.tags.models import Tag

MEDIA = [
    "Anime & Manga",
    "Books & Literature",
    "Cartoons & Comics & Graphic Novels",
    "Celebrities & Real People",
    "Movies",
    "Music & Bands",
    "Other Media",
    "Theater",
    "TV Shows",
    "Video Games",
]
UNCATEGORIZED = "Uncategorized Fandoms"


class FandomMedia(models.Model):
    fandom = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="media_links")
    media = models.CharField(max_length=60, choices=[(name, name) for name in MEDIA])

    class Meta:
        ordering = ["media", "fandom__name"]
        verbose_name_plural = "fandom media"
        constraints = [
            models.UniqueConstraint(fields=["fandom", "media"], name="fandom_in_media_once")
        ]

    def __str__(self) -> str:
        return f"{self.fandom.name} in {self.media}"
