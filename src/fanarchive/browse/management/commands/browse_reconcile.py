"""Compare the browse tables with the archive and re-file what differs (run it from cron)."""

import time

from django.core.management.base import BaseCommand

from fanarchive.browse.sync import reconcile


class Command(BaseCommand):
    help = (
        "Compare every work's Browse & Search row with the archive and re-file the works whose "
        "row differs (a change that sent no signal, a re-index that failed). Every web process "
        "picks the repairs up on its next request. Example, nightly from cron: "
        "fanarchive-manage browse_reconcile; --check only reports (exit status 1 if any differ)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="report only, repair nothing")

    def handle(self, *args, check=False, **options):
        started = time.perf_counter()
        checked, differing = reconcile(repair=not check)
        seconds = time.perf_counter() - started
        shown = ", ".join(str(i) for i in differing[:20]) + (" …" if len(differing) > 20 else "")
        verb = "differ" if check else "re-filed"
        self.stdout.write(
            f"Checked {checked:,} works in {seconds:.1f} s: {len(differing):,} {verb}"
            + (f" ({shown})" if differing else "")
        )
        if check and differing:
            raise SystemExit(1)
