"""Collection changes alter what anonymous visitors see (the collection page, the
"Collections:" line of a work page), so they expire the anonymous page cache too; the page
cache itself watches only the apps it was told about."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from fanarchive.site.pagecache import invalidate


def _changed(sender, **kwargs) -> None:
    invalidate()  # without a sender: always expires


def connect() -> None:
    from fanarchive.collections.models import Collection, CollectionItem, Participant

    for model in (Collection, CollectionItem, Participant):
        for signal in (post_save, post_delete):
            signal.connect(_changed, sender=model, dispatch_uid=f"collections-{model.__name__}")
