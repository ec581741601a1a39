"""Celery tasks around the analysis: a posted or edited work, and re-analysis after wrangling.

Views queue these with `.delay(...)` (after the transaction commits); without a broker they
run at once, in-process. Each calls `fanarchive.insights.services.analyze_work`, which skips
works whose text and wrangled aliases have not changed, so repeating a task is harmless.
"""

from __future__ import annotations

from fanarchive.site.celery import app


@app.task(name="insights.analyse_work")
def analyse_work(work_id: int, force: bool = False) -> bool:
    """Analyse one work; False when it no longer exists or has no text."""
    from fanarchive.insights.services import analyze_work
    from fanarchive.works.models import Work

    work = Work.objects.filter(pk=work_id).first()
    return work is not None and analyze_work(work, force=force) is not None


@app.task(name="insights.reanalyse_for_synonym")
def reanalyse_for_synonym(tag_id: int) -> int:
    """A wrangler made a tag a synonym: works that carry the tag or its canonical tag, or whose
    analysed text mentions the new name, are analysed again (one task each). Returns how many."""
    from django.db.models import Q

    from fanarchive.tags.models import Tag
    from fanarchive.works.models import Work

    tag = Tag.objects.filter(pk=tag_id).first()
    if tag is None:
        return 0
    related = [t for t in (tag, tag.merger) if t is not None]
    works = Work.objects.filter(
        Q(tags__in=related) | Q(analysis__text__icontains=tag.name)
    ).values_list("pk", flat=True)
    ids = sorted(set(works))
    for work_id in ids:
        analyse_work.delay(work_id)
    return len(ids)


def queue_reanalysis_after_wrangling(sender, instance, update_fields=None, **kwargs) -> None:
    """A character tag became a synonym (`Tag.make_synonym_of`): its name is now an alias the
    analysis recognises, so the works that may mention it are analysed again, after commit."""
    from django.db import transaction

    from fanarchive.tags.models import TagType

    became_synonym = update_fields and "merger" in update_fields and instance.merger_id
    if became_synonym and instance.type == TagType.CHARACTER:
        transaction.on_commit(lambda: reanalyse_for_synonym.delay(instance.pk))


def connect_signals() -> None:
    from django.db.models.signals import post_save

    from fanarchive.tags.models import Tag

    post_save.connect(
        queue_reanalysis_after_wrangling, sender=Tag, dispatch_uid="insights-reanalysis"
    )
