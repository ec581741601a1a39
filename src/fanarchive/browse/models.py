"""Denormalised, derived tables the browse pages read. The archive's models stay the truth.

- FilterTag mirrors every archive tag with what a filter on it means: `filter_keys` lists the
  canonical tags a work carrying this tag is filed under (its canonical tag and all meta tags
  above that), so filtering by a canonical tag finds its synonyms and sub tags.
- WorkIndex is one row per work with everything a listing blurb and the filter index need:
  stats, dates, sort keys and `filter_keys` (space-separated: canonical tag ids, `lang:en`,
  `complete`, `crossover`, and analysis keys `speaks:<id>`, `speaks_most:<id>`,
  `pairing:<id>`, `note:<folded-name>`). `revision` increases on every change so each process
  can bring its in-memory bitmap index up to date with one indexed query.
- The full-text table (FTS5 on SQLite, tsvector + GIN on PostgreSQL) is created by the
  migration with raw SQL; see browse.fulltext.
"""

from __future__ import annotations

from django.db import models


class FilterTag(models.Model):
    id = models.BigIntegerField(primary_key=True)  # the archive Tag's id
    name = models.CharField(max_length=150)
    name_key = models.CharField(max_length=150, db_index=True)  # folded name, for lookups
    type = models.CharField(max_length=20)
    canonical = models.BooleanField(default=False)
    merger_id = models.BigIntegerField(null=True, blank=True)
    filter_keys = models.TextField(default="")
    revision = models.BigIntegerField(default=0, db_index=True)

    def __str__(self) -> str:
        return self.name

    @property
    def filter_id(self) -> int:
        """The id a filter on this tag uses: its canonical tag's."""
        return self.merger_id or self.id


class WorkIndex(models.Model):
    work_id = models.BigIntegerField(primary_key=True)  # the archive Work's id
    revision = models.BigIntegerField(default=0, db_index=True)
    visible = models.BooleanField(default=True)
    title = models.CharField(max_length=500)
    title_key = models.CharField(max_length=200, default="")
    authors = models.CharField(max_length=500, default="")
    author_key = models.CharField(max_length=200, default="")
    summary = models.TextField(default="", blank=True)  # already sanitised HTML
    tag_ids = models.TextField(default="")  # the tags as the author gave them, for blurbs
    filter_keys = models.TextField(default="")
    language = models.CharField(max_length=20, default="en")
    complete = models.BooleanField(default=False)
    fandom_count = models.IntegerField(default=1)
    words = models.IntegerField(default=0)
    chapters = models.IntegerField(default=1)
    expected_chapters = models.IntegerField(null=True, blank=True)
    posted = models.DateTimeField()
    updated = models.DateTimeField()
    kudos = models.IntegerField(default=0)
    hits = models.IntegerField(default=0)
    bookmarks = models.IntegerField(default=0)
    comments = models.IntegerField(default=0)

    class Meta:
        indexes = [
            # Neighbour look-ups that slot a new work into the in-memory title/author order.
            models.Index(fields=["title_key", "work_id"], name="browse_work_title_key"),
            models.Index(fields=["author_key", "work_id"], name="browse_work_author_key"),
        ]

    def __str__(self) -> str:
        return self.title


class SyncMark(models.Model):
    """How far the browse tables have caught up with an append-only archive table.

    Tagging rows made with bulk_create send no signal; the listing catches up on them by id.
    """

    name = models.CharField(max_length=40, primary_key=True)
    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
