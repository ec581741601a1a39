"""Subscriptions' inbox items: a new chapter of a posted work, a newly published work."""

from __future__ import annotations

from django.db.models.signals import post_save

from fanarchive.works.models import Chapter, Work


def _chapter_added(sender, instance: Chapter, created: bool, raw=False, **kwargs) -> None:
    from fanarchive.readers.services import notify_subscribers

    work = instance.work
    if raw or not created or not instance.posted or not work.posted:
        return
    notify_subscribers(work, instance, f"New chapter of “{work.title}”: {instance.heading}")


def _work_saved(sender, instance: Work, created: bool, raw=False, update_fields=None, **kwargs):
    from fanarchive.readers.services import notify_subscribers

    if raw or not instance.posted or not update_fields or "posted" not in update_fields:
        return
    notify_subscribers(instance, None, f"New work posted: “{instance.title}”")


def connect() -> None:
    post_save.connect(_chapter_added, sender=Chapter, dispatch_uid="readers-chapter-added")
    post_save.connect(_work_saved, sender=Work, dispatch_uid="readers-work-published")
