from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from fanarchive.imports.authors import AuthorMapError, claim_imported_works


class Command(BaseCommand):
    help = (
        "Confirm an author's claim: move the works imported under BYLINE (held by the "
        "archivist account) to the account USERNAME. Check the claim first (as Open Doors "
        "does: the same e-mail address as on the old archive, or a message from it).\n"
        "Example: fanarchive-manage claim_imported_works 'alice' alice"
    )

    def add_arguments(self, parser):
        parser.add_argument("byline", help="the byline as the imported works show it")
        parser.add_argument("username", help="the account that receives the works")

    def handle(self, *args, byline, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no account named {username!r}")
        try:
            moved = claim_imported_works(byline, user)
        except AuthorMapError as error:
            raise CommandError(str(error)) from None
        if not moved:
            raise CommandError(f"no imported works wait for a claim under the byline {byline!r}")
        self.stdout.write(f"{moved} work(s) imported as “{byline}” now belong to {username}.")
