from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from fanarchive.accounts.models import Pseud


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_default_pseud(sender, instance, created, raw=False, **kwargs):
    # raw: loading fixtures/backups restores pseuds from the data itself
    if created and not raw:
        Pseud.default_for(instance)
