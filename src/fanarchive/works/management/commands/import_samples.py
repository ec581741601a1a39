from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from fanarchive.works.samples import import_sample_folder


class Command(BaseCommand):
    help = (
        "Import the sample works (*.txt, *.html, *.md in FANARCHIVE_SHARED/samples) as posted "
        "works of the 'archivist' account, analyse them and, with --accept-suggestions, apply "
        "the suggested characters and relationships (warnings and other suggestions stay "
        "pending for the author). Works already imported are skipped.\n"
        "Example: fanarchive-manage import_samples --accept-suggestions"
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", help="default: $FANARCHIVE_SHARED/samples")
        parser.add_argument("--accept-suggestions", action="store_true")

    def handle(self, *args, folder=None, accept_suggestions=False, **options):
        path = Path(folder) if folder else settings.SHARED_DIR / "samples"
        if not path.is_dir():
            self.stdout.write(f"No sample folder at {path}; skipping the sample import.")
            return
        for line in import_sample_folder(path, accept_suggestions):
            self.stdout.write(line)
