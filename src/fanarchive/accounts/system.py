"""The archive's own accounts: `orphan_account` (works whose authors left them) and
`archivist` (the sample works, and imported works until their authors claim them).

Each is created on first use with an unusable password and marked by a SystemAccount row;
afterwards it is found by that row, never by its name. Sign-up refuses these names in any case
or look-alike spelling (accounts.names), so on a new archive nobody can hold one. On an archive
where a person already held such a name before this check existed, the archive refuses to put
works there (SystemAccountUnavailable) until an admin renames that account.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from fanarchive.accounts.models import Pseud, SystemAccount

ORPHAN = "orphan"
ARCHIVIST = "archivist"
USERNAMES = {ORPHAN: "orphan_account", ARCHIVIST: "archivist"}


class SystemAccountUnavailable(Exception):
    """The system account's name belongs to a person; the message says what to do."""


def system_user(kind: str):
    """The system account of this kind (ORPHAN, ARCHIVIST), created on first use."""
    row = SystemAccount.objects.select_related("user").filter(kind=kind).first()
    if row is not None:
        return row.user
    try:
        with transaction.atomic():
            return _create(kind)
    except IntegrityError:  # created at the same moment by another process
        return SystemAccount.objects.select_related("user").get(kind=kind).user


def system_pseud(kind: str) -> Pseud:
    return Pseud.default_for(system_user(kind))


def is_system_user(user) -> bool:
    return bool(user and user.pk) and SystemAccount.objects.filter(user_id=user.pk).exists()


def _create(kind: str):
    username = USERNAMES[kind]
    users = get_user_model().objects
    holder = users.filter(username__iexact=username).first()
    if holder is not None and not _made_by_the_archive(holder):
        raise SystemAccountUnavailable(
            f"The account name “{holder.get_username()}” (user {holder.pk}) belongs to a "
            f"person, so the archive will not give it {_WHAT[kind]}. An admin must rename that "
            f"account (admin → Users) before this can be done."
        )
    if holder is None:
        holder = users.create_user(username=username)  # no password: unusable
    SystemAccount.objects.create(kind=kind, user=holder)
    return holder


def _made_by_the_archive(user) -> bool:
    """An account older versions created for themselves: no password anyone could log in
    with, no staff rights, never logged in."""
    return not user.has_usable_password() and not user.is_staff and user.last_login is None


_WHAT = {ORPHAN: "orphaned works", ARCHIVIST: "imported or sample works"}
