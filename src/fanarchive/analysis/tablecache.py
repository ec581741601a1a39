"""Tables derived from data libraries, kept on disk between processes.

Reading gender-guesser's 48,000 names, importing wordfreq and scanning GeoNames' cities costs
about a quarter of a second, the same result in every process: the first analysis a CLI run,
a web process or a worker makes paid it. The derived tables are written once, with `marshal`
(plain dicts, sets, strings and numbers; loading 1.7 MB takes ~20 ms), into a cache folder,
under a key made of everything they are derived from: the Python version (marshal's format),
the data libraries' versions and the bytes of the code and lists that derive them. A change to
any of them is a new key, so a stale table is never read.

The cache is an optimisation only: an unreadable, corrupt or unwritable cache means the
tables are derived again in the process, as before. The folder is `$FANARCHIVE_CACHE_DIR`,
else `$XDG_CACHE_HOME/fanarchive`, else `~/.cache/fanarchive`; `FANARCHIVE_CACHE_DIR=off`
turns the cache off. It is the same technique jieba uses for its dictionary.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

OFF = "off"


def cache_folder() -> Path | None:
    chosen = os.environ.get("FANARCHIVE_CACHE_DIR")
    if chosen == OFF:
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "fanarchive"


def cache_key(name: str, libraries: Iterable[str], sources: Iterable[bytes]) -> str:
    """A name for the tables derived by this code from these libraries' data."""
    digest = hashlib.sha256(f"{name}|{sys.version_info[:2]}|".encode())
    for library in libraries:
        digest.update(f"{library}={_version(library)}|".encode())
    for source in sources:
        digest.update(hashlib.sha256(source).digest())
    return f"{name}-{digest.hexdigest()[:20]}.marshal"


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


def cached(key: str, build: Callable[[], Any], valid: Callable[[Any], bool] = bool) -> Any:
    """The tables stored under `key`, else `build()` (then stored for the next process).
    `valid` checks what was read: damaged bytes may still read as some other value."""
    folder = cache_folder()
    if folder is None:
        return build()
    path = folder / key
    try:
        tables = marshal.loads(path.read_bytes())
        if valid(tables):
            return tables
    except (OSError, EOFError, ValueError, TypeError):
        pass  # absent, unreadable or corrupt: derive again
    tables = build()
    _store(path, marshal.dumps(tables))
    return tables


def _store(path: Path, data: bytes) -> None:
    """Write atomically (two processes may race to store the same tables); a read-only or
    full disk only costs the next process the derivation."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
