"""Backups of the whole archive as one JSON file (gzip when the name ends in .gz), and
restoring one into an empty database, SQLite or PostgreSQL alike.

Built on Django's serializers: rows keep their primary keys, so every link survives; content
types and permissions are referred to by natural keys (they are recreated by `migrate` and
may have other ids in the other database). Left out: sessions (logins), and the browse
app's search index, which is derived from the works and rebuilt after a restore; the restore
then starts a new browse epoch, so every running web process rebuilds its in-memory index, and
deletes this machine's saved index snapshots (both would list works the backup does not hold).
"""

from __future__ import annotations

import datetime
import gzip
import io
import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

EXCLUDED_APPS = {"contenttypes", "sessions", "browse"}
EXCLUDED_MODELS = {"auth.permission"}
FORMAT_VERSION = 1


class BackupError(Exception):
    """A backup cannot be written or restored (message for the user)."""


def backed_up_models() -> list:
    models = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in EXCLUDED_APPS or label in EXCLUDED_MODELS:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        models.append(model)
    return serializers.sort_dependencies([(None, models)], allow_cycles=True)


def backup(path: str | Path) -> int:
    """Write the archive to `path`; returns the number of rows written."""
    objects = []
    for model in backed_up_models():
        objects.extend(model._default_manager.order_by("pk").iterator())
    rows = serializers.serialize(
        "python", objects, use_natural_foreign_keys=True, use_natural_primary_keys=False
    )
    _sort_many_to_many(rows)
    data = json.dumps(rows, cls=LosslessJSONEncoder, indent=1, ensure_ascii=False)
    raw = data.encode("utf-8")
    path = Path(path)
    try:
        path.write_bytes(gzip.compress(raw, mtime=0) if path.suffix == ".gz" else raw)
    except OSError as error:
        raise BackupError(f"cannot write {path}: {error.strerror or error}") from None
    return len(objects)


class LosslessJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds, so a restored archive would not give back
    its own backup (a time at 12:00:00.000500 came back as 12:00:00): keep microseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def _sort_many_to_many(rows: list[dict]) -> None:
    """Django serialises many-to-many links in whatever order the database returns them,
    which differs between SQLite and PostgreSQL (and between query plans): sort them so the
    same archive always gives the same file."""
    for row in rows:
        for field in apps.get_model(row["model"])._meta.many_to_many:
            if isinstance(row["fields"].get(field.name), list):
                row["fields"][field.name].sort()


def restore(path: str | Path, replace: bool = False) -> int:
    """Load a backup into this (migrated) database; returns the number of rows loaded. The
    database must hold no users or works, unless `replace` (everything is deleted first)."""
    text = _read(Path(path))
    _check_empty(replace)
    with transaction.atomic():
        if replace:
            call_command("flush", interactive=False, verbosity=0)
        else:
            _delete_fixed_rows()
        count = 0
        for item in serializers.deserialize(
            "json", io.StringIO(text), handle_forward_references=True
        ):
            item.save()
            count += 1
        _reset_sequences()
    from fanarchive.browse.service import HOLDER, new_epoch
    from fanarchive.browse.sync import reindex_all

    reindex_all()
    new_epoch()
    drop_index_snapshots()
    HOLDER.reset()
    return count


def _delete_fixed_rows() -> None:
    """Remove what `migrate` made on its own (the wranglers group, the required tags): the
    backup holds those rows too, under the ids its archive gave them, and a second copy under
    other ids collides on their unique names."""
    for model in reversed(backed_up_models()):
        model.objects.all().delete()


def drop_index_snapshots() -> list[Path]:
    """Delete the browse index snapshots under VAR_DIR/browse-index/ (a head start for a cold
    process, made from the database as it was before the restore)."""
    var_dir = getattr(settings, "VAR_DIR", None)
    if var_dir is None:
        return []
    folder = Path(var_dir) / "browse-index"
    dropped = sorted(folder.glob("*.pickle")) + sorted(folder.glob("*.tmp"))
    for path in dropped:
        path.unlink(missing_ok=True)
    return dropped


def _read(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BackupError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError, EOFError) as error:
        raise BackupError(f"{path} is not a fanarchive backup ({error})") from None
    if not text.lstrip().startswith("["):
        raise BackupError(f"{path} is not a fanarchive backup (no JSON list)")
    return text


def _check_empty(replace: bool) -> None:
    from django.contrib.auth import get_user_model

    from fanarchive.works.models import Work

    if not replace and (get_user_model().objects.exists() or Work.objects.exists()):
        raise BackupError(
            "the database already holds users or works; restore into an empty database "
            "(after `fanarchive migrate`), or pass --replace to delete everything first"
        )


def _reset_sequences() -> None:
    """PostgreSQL's id sequences must move past the restored ids (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), backed_up_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
