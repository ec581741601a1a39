from django.core.management.base import BaseCommand

from fanarchive.tags.services import seed_from_packs


class Command(BaseCommand):
    help = (
        "Create the canonical tags: ratings, archive warnings, categories, and the fandom and "
        "character tags (aliases as synonyms) of the analysis packs. Safe to run again.\n"
        "Example: fanarchive-manage seed_tags"
    )

    def handle(self, *args, **options):
        created = seed_from_packs()
        self.stdout.write(f"Canonical tags ready ({created} created).")
