"""Rebuild the browse tables from the archive and save a fresh bitmap-index snapshot."""

import time

from django.core.management.base import BaseCommand

from fanarchive.browse.service import HOLDER, new_epoch
from fanarchive.browse.sync import reindex_all


class Command(BaseCommand):
    help = "Recompute FilterTag, WorkIndex and the full-text table from the archive's models."

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = reindex_all()
        new_epoch()  # every running web process rebuilds instead of patching its old index
        HOLDER.reset()
        HOLDER.current()
        path = HOLDER.save_snapshot()
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Indexed {count} works in {seconds:.1f} s" + (f"; snapshot {path}" if path else "")
        )
