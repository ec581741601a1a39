"""`fanarchive-manage send_digests`: the daily email of kudos and subscription updates.

Run it once a day (cron: `15 6 * * * fanarchive-manage send_digests`). Each account gets at
most one digest a day, telling what happened since its last one; running it twice in a day
sends nothing more, and an account whose mail failed is tried again on the next run."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from fanarchive.readers.emails import send_digests


class Command(BaseCommand):
    help = (
        "Email each account its daily digest of kudos and subscription updates "
        "(at most one a day per account). Example, from cron at 06:15: "
        "15 6 * * * fanarchive-manage send_digests"
    )

    def handle(self, *args, **options) -> None:
        report = send_digests()
        self.stdout.write(
            f"Sent {report['sent']} digests ({report['nothing_new']} with nothing new, "
            f"{report['not_due']} not due, {report['failed']} failed)."
        )
