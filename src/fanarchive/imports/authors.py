"""Who imported works belong to.

A byline in an imported file is a name somebody typed, not a statement about an account here:
`alice` on an AO3 download says nothing about who registered `alice` on this archive. So an
imported work goes to the archive's `archivist` system account, under a pseud carrying the
original byline ("alice (archivist)"), unless the admin running the import maps that byline
to an account (`fanarchive import --author-map FILE`), or an admin later confirms the
author's claim (accounts.claims, or `fanarchive-manage claim_imported_works BYLINE USERNAME`),
as AO3's Open Doors does.
Works without any byline go to `orphan_account`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from fanarchive.accounts.models import Pseud
from fanarchive.accounts.system import ARCHIVIST, is_system_user, system_user

MAX_PSEUD = Pseud._meta.get_field("name").max_length


class AuthorMapError(ValueError):
    """The author map cannot be used; the message says where and why."""


def byline_key(byline: str) -> str:
    """Bylines match a map entry whatever their case and spacing."""
    return " ".join(byline.split()).casefold()


def pseud_name(byline: str) -> str:
    return " ".join(byline.split())[:MAX_PSEUD].strip()


def read_author_map(path: str | Path) -> dict[str, str]:
    """{byline: username} from a CSV file (two columns, byline then username; a first row
    `byline,username` is a header) or a JSON object {"byline": "username", ...}."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise AuthorMapError(f"cannot read the author map {path}: {error}") from None
    pairs = _json_pairs(path, text) if path.suffix.lower() == ".json" else _csv_pairs(path, text)
    mapping: dict[str, str] = {}
    for where, byline, username in pairs:
        if not byline.strip() or not username.strip():
            raise AuthorMapError(f"{path}{where}: a byline and a username are both needed")
        earlier = mapping.get(byline_key(byline))
        if earlier is not None and earlier != username.strip():
            raise AuthorMapError(
                f"{path}{where}: “{byline}” is mapped to both {earlier} and {username.strip()}"
            )
        mapping[byline_key(byline)] = username.strip()
    return mapping


def _csv_pairs(path: Path, text: str):
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not "".join(row).strip():
            continue
        if len(row) != 2:
            raise AuthorMapError(
                f"{path}, line {number}: expected two columns (byline,username), got {len(row)}"
            )
        if number == 1 and [c.strip().lower() for c in row] == ["byline", "username"]:
            continue
        yield f", line {number}", row[0], row[1]


def _json_pairs(path: Path, text: str):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise AuthorMapError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise AuthorMapError(f'{path}: expected a JSON object {{"byline": "username", ...}}')
    for byline, username in data.items():
        yield f", “{byline}”", byline, username


def resolve_author_map(mapping: dict[str, str]) -> dict[str, int]:
    """{byline key: user id} for {byline: username}, refusing usernames with no account and
    the system accounts."""
    wanted = set(mapping.values())
    users = {u.get_username(): u for u in get_user_model().objects.filter(username__in=wanted)}
    missing = sorted(wanted - set(users))
    if missing:
        raise AuthorMapError(f"the author map names accounts that do not exist: {missing}")
    system = sorted(name for name, user in users.items() if is_system_user(user))
    if system:
        raise AuthorMapError(f"the author map names the archive's own accounts: {system}")
    return {byline_key(byline): users[username].pk for byline, username in mapping.items()}


def imported_pseud(byline: str) -> Pseud:
    """The archivist's pseud standing for an unclaimed byline."""
    name = pseud_name(byline)
    pseud, _ = Pseud.objects.get_or_create(
        user=system_user(ARCHIVIST),
        name=name,
        defaults={"description": f"Works imported under the byline “{name}”, not yet claimed."},
    )
    return pseud


def mapped_pseud(byline: str, user_id: int) -> Pseud:
    """The mapped account's pseud of the same name, else its default pseud."""
    same = Pseud.objects.filter(user_id=user_id, name__iexact=pseud_name(byline)).first()
    return same or Pseud.default_for(get_user_model().objects.get(pk=user_id))


def unclaimed_pseud(byline: str) -> Pseud | None:
    """The archivist's pseud for `byline` that still holds works: the exact name first,
    else one differing only in case."""
    pseuds = Pseud.objects.filter(
        user=system_user(ARCHIVIST), name__iexact=pseud_name(byline), works__isnull=False
    ).distinct()
    exact = [p for p in pseuds if p.name == pseud_name(byline)]
    return (exact or list(pseuds) or [None])[0]


def claim_imported_works(byline: str, user) -> int:
    """Move the works imported under `byline` to `user` (a claim the archive confirmed);
    returns how many moved."""
    pseud = unclaimed_pseud(byline)
    return move_imported_works(pseud, user) if pseud is not None else 0


@transaction.atomic
def move_imported_works(pseud: Pseud, user) -> int:
    """Move the works of an archivist's pseud to `user`'s pseud of the same name, else their
    default pseud; the archivist's pseud stays, empty. Returns how many moved."""
    if is_system_user(user):
        raise AuthorMapError("works cannot be claimed for the archive's own accounts")
    if pseud.user_id != system_user(ARCHIVIST).pk:
        raise AuthorMapError(f"“{pseud.name}” is not a byline of imported works")
    target = mapped_pseud(pseud.name, user.pk)
    works = list(pseud.works.all())
    for work in works:
        work.pseuds.remove(pseud)
        work.pseuds.add(target)
    return len(works)


def import_placeholders():
    """Accounts older versions of the importer made for bylines: no usable password, never
    logged in, no staff rights, not a system account, and every work of theirs imported."""
    from fanarchive.imports.models import ImportedWork
    from fanarchive.works.models import Work

    users = get_user_model().objects.filter(
        last_login__isnull=True, is_staff=False, is_superuser=False, system_account__isnull=True
    )
    for user in users.iterator():
        if user.has_usable_password():
            continue
        works = Work.objects.filter(pseuds__user=user).distinct()
        if (
            works.exists()
            and not works.exclude(pk__in=ImportedWork.objects.values("work_id")).exists()
        ):
            yield user


@transaction.atomic
def release_placeholder(user) -> int:
    """Move the placeholder's works to the archivist's pseuds of the same names (claimable)
    and delete the placeholder, freeing its name; returns the works moved."""
    moved = set()
    for pseud in Pseud.objects.filter(user=user):
        target = imported_pseud(pseud.name)
        for work in pseud.works.all():
            work.pseuds.remove(pseud)
            work.pseuds.add(target)
            moved.add(work.pk)
    user.delete()
    return len(moved)
