"""Save an index snapshot with every frequent search term cached, for new processes to load."""

import time

from django.core.management.base import BaseCommand

from fanarchive.browse.fulltext import backend_for
from fanarchive.browse.service import HOLDER, warm_terms


class Command(BaseCommand):
    help = (
        "Build the browse index, cache every search term found in at least 1,000 works "
        "(PostgreSQL; otherwise their first search reads one table page per matching work) "
        "and save the snapshot web processes start from; also finishes the full-text index of "
        "an import that was interrupted. "
        "Example, after a deploy: fanarchive-manage browse_warm"
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        backend_for().end_bulk_load()  # an import that was killed left it set up for writing
        HOLDER.reset()
        kept = warm_terms()
        path = HOLDER.save_snapshot()
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Cached {kept} search terms ({HOLDER.terms.bytes / 1e6:.0f} MB) in {seconds:.1f} s"
            + (f"; snapshot {path}" if path else "")
        )
