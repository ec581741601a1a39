"""The analysis of a work as stored JSON, and the tag suggestions the author decides on."""

from __future__ import annotations

from django.db import models

from fanarchive.tags.models import TagType
from fanarchive.works.models import Work


class WorkAnalysis(models.Model):
    """`data` is `Analysis.to_dict()` (docs/analysis-format.md); its offsets point into `text`."""

    work = models.OneToOneField(Work, on_delete=models.CASCADE, related_name="analysis")
    schema_version = models.CharField(max_length=20)
    content_hash = models.CharField(
        max_length=64, help_text="sha256 of the analysed text and aliases."
    )
    text = models.TextField(help_text="The plain text the analysis read.")
    data = models.JSONField()
    duration_ms = models.FloatField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "work analyses"

    def __str__(self) -> str:
        return f"Analysis of {self.work}"


class SuggestionKind(models.TextChoices):
    CHARACTER = "character", "Character"
    RELATIONSHIP = "relationship", "Relationship"
    ARCHIVE_WARNING = "archive_warning", "Archive warning"
    CONTENT_WARNING = "content_warning", "Content warning"
    ADDITIONAL = "additional", "Additional tag"


KIND_TAG_TYPES = {
    SuggestionKind.CHARACTER: TagType.CHARACTER,
    SuggestionKind.RELATIONSHIP: TagType.RELATIONSHIP,
    SuggestionKind.ARCHIVE_WARNING: TagType.WARNING,
    SuggestionKind.CONTENT_WARNING: TagType.FREEFORM,
    SuggestionKind.ADDITIONAL: TagType.FREEFORM,
}


class SuggestionQuerySet(models.QuerySet):
    def pending(self) -> SuggestionQuerySet:
        return self.filter(status=TagSuggestion.Status.PENDING)

    def warnings(self) -> SuggestionQuerySet:
        return self.filter(
            kind__in=[SuggestionKind.ARCHIVE_WARNING, SuggestionKind.CONTENT_WARNING]
        )

    def rejected_unconfirmed_warnings(self) -> SuggestionQuerySet:
        """Evidenced warnings the author rejected and has not yet been shown again."""
        return self.warnings().filter(status=TagSuggestion.Status.REJECTED, confirmed=False)


class TagSuggestion(models.Model):
    """One tag the analysis suggests, with its evidence; applied only if the author accepts."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="tag_suggestions")
    kind = models.CharField(max_length=20, choices=SuggestionKind.choices)
    name = models.CharField(max_length=150)
    detail = models.CharField(max_length=100, blank=True, help_text="Severity, kind, subtype.")
    evidence = models.JSONField(default=list, help_text="[{start, end, text}] from the analysis.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    confirmed = models.BooleanField(
        default=False, help_text="A rejected warning was shown to the author a second time."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["work", "kind", "name"], name="unique_suggestion")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"

    @property
    def tag_type(self) -> str:
        return KIND_TAG_TYPES[SuggestionKind(self.kind)]

    @property
    def is_warning(self) -> bool:
        return self.kind in {SuggestionKind.ARCHIVE_WARNING, SuggestionKind.CONTENT_WARNING}
