from django.core.management.base import BaseCommand
from django.db.models.deletion import ProtectedError

from fanarchive.imports.authors import import_placeholders, release_placeholder


class Command(BaseCommand):
    help = (
        "Archives imported with older versions have an account per byline (no password, never "
        "logged in). List them, and with --apply move their works to the archivist's pseuds of "
        "the same names (their authors claim them at /claims/) and delete the placeholders, "
        "so the real authors can sign up under those names.\n"
        "Example: fanarchive-manage release_import_placeholders --apply"
    )

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="do it (default: only list)")

    def handle(self, *args, apply=False, **options):
        placeholders = list(import_placeholders())
        for user in placeholders:
            if not apply:
                self.stdout.write(f"{user.get_username()}: would be released")
                continue
            try:
                moved = release_placeholder(user)
            except ProtectedError as error:
                self.stdout.write(f"{user.get_username()}: kept ({error.args[0]})")
                continue
            self.stdout.write(f"{user.get_username()}: released, {moved} work(s) to the archivist")
        if not apply and placeholders:
            self.stdout.write("Nothing changed; run again with --apply.")
        elif not placeholders:
            self.stdout.write("No placeholder accounts.")
