"""What an import did: its batches, the works each brought in (by content hash), its problems.

`ImportedWork.content_hash` is unique and is written in the same transaction as the work it
names, so a work is in the archive exactly when its hash is: an import killed at any moment
and run again brings in every work once.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F

from fanarchive.works.models import Work


class ImportBatch(models.Model):
    """One run of `fanarchive import`; the counters are updated by whoever imports a work
    (the command itself, or Celery workers), so the command can show their progress."""

    paths = models.JSONField(default=list)
    planned = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0, help_text="Already in the archive.")
    failed = models.PositiveIntegerField(default=0)
    log_path = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "import batches"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.imported} imported, {self.failed} failed)"

    @classmethod
    def add(cls, batch_id: int | None, **counts: int) -> None:
        """Add to counters without a read-modify-write race between workers, several at once:
        add(batch_id, imported=8, failed=1)."""
        counts = {field: n for field, n in counts.items() if n}
        if batch_id is not None and counts:
            cls.objects.filter(pk=batch_id).update(
                **{field: F(field) + n for field, n in counts.items()}
            )


class ImportedWork(models.Model):
    content_hash = models.CharField(max_length=64, unique=True)
    work = models.OneToOneField(Work, on_delete=models.CASCADE, related_name="import_record")
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="works"
    )
    source = models.TextField(help_text="File, zip member or dump story it came from.")
    analysed = models.BooleanField(
        default=False, help_text="False until its analysis is stored (re-run finishes it)."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.source


class ImportProblem(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="problems")
    source = models.TextField()
    message = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
