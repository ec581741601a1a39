"""Claims on imported works: an author asks for the works imported under a byline, an admin
checks the claim and confirms it (the works move to the author) or rejects it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from fanarchive.accounts.models import WorksClaim


class ClaimError(ValueError):
    """A claim that cannot be made; the message is for the user."""


def request_claim(user, byline: str, evidence: str = "") -> WorksClaim:
    from fanarchive.imports.authors import unclaimed_pseud

    pseud = unclaimed_pseud(byline)
    if pseud is None:
        raise ClaimError(f"No imported works are waiting for their author under “{byline}”.")
    if WorksClaim.objects.filter(user=user, pseud=pseud, status=WorksClaim.PENDING).exists():
        raise ClaimError(f"You have already claimed the works of “{pseud.name}”.")
    return WorksClaim.objects.create(user=user, pseud=pseud, evidence=evidence)


@transaction.atomic
def decide(claim: WorksClaim, confirm: bool) -> int:
    """Confirm (move the works) or reject a pending claim; returns the works moved."""
    from fanarchive.imports.authors import move_imported_works

    claim = WorksClaim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != WorksClaim.PENDING:
        return 0
    claim.moved = move_imported_works(claim.pseud, claim.user) if confirm else 0
    claim.status = WorksClaim.CONFIRMED if confirm else WorksClaim.REJECTED
    claim.decided_at = timezone.now()
    claim.save(update_fields=["moved", "status", "decided_at"])
    return claim.moved
