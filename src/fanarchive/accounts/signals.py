from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from fanarchive.accounts.models import Pseud, UsernameSkeleton
from fanarchive.accounts.names import skeleton

MAX_SKELETON = UsernameSkeleton._meta.get_field("skeleton").max_length


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_default_pseud(sender, instance, created, raw=False, **kwargs):
    # raw: loading fixtures/backups restores pseuds from the data itself
    if created and not raw:
        Pseud.default_for(instance)


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def remember_username_skeleton(sender, instance, created, raw=False, update_fields=None, **kw):
    """Keep the look of the account's name beside it (a log-in saves only last_login)."""
    if raw or (update_fields is not None and "username" not in update_fields):
        return
    UsernameSkeleton.objects.update_or_create(
        user=instance, defaults={"skeleton": username_skeleton(instance.get_username())}
    )


def username_skeleton(username: str) -> str:
    return skeleton(username)[:MAX_SKELETON]


def fill_missing_skeletons() -> int:
    """Skeletons for accounts that have none (restored from a backup older than them, or
    saved with signals off); one indexed query when none is missing."""
    from django.contrib.auth import get_user_model

    missing = get_user_model().objects.filter(username_skeleton__isnull=True)
    rows = [
        UsernameSkeleton(user_id=pk, skeleton=username_skeleton(name))
        for pk, name in missing.values_list("pk", "username")
    ]
    UsernameSkeleton.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
