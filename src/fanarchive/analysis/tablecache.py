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
import importlib.util
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterable
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
    """The installed version of `library`: from the name of its `.dist-info` folder beside
    its module when there is exactly one, else from `importlib.metadata`, which is imported
    only then (it imports `email`, `zipfile` and `csv`: a tenth of the package's import)."""
    found = _dist_info_version(library)
    if found is not None:
        return found
    from importlib import metadata

    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


def _dist_info_version(library: str) -> str | None:
    """`<name>-<version>.dist-info` in the folder holding the library's module (the module
    named as the distribution, `-` read as `_`): the version the installer wrote there."""
    try:
        spec = importlib.util.find_spec(library.replace("-", "_"))
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.has_location:
        return None
    module = Path(spec.origin)
    folder = module.parent.parent if module.name == "__init__.py" else module.parent
    wanted = _normalized(library)
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.endswith(".dist-info")]
    except OSError:
        return None
    versions = [
        version
        for name in names
        for project, _, version in [name.removesuffix(".dist-info").rpartition("-")]
        if project and version and _normalized(project) == wanted
    ]
    return versions[0] if len(versions) == 1 else None


def _normalized(project: str) -> str:
    return re.sub(r"[-_.]+", "_", project).lower()


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
    import tempfile  # only when storing: importing it cost ~8 ms of every process's start

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
