"""What `fanarchive import PATH...` finds: files, folders, zips and eFiction dumps, as units.

Planning is cheap (names only, except eFiction dumps, which are parsed to count their stories),
so the progress bar knows its total; each unit is read into a Draft, or a Problem, on demand.
A unit that cannot be read never stops the others.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from fanarchive.analysis.errors import AnalysisError
from fanarchive.analysis.reading import ALL_SUFFIXES
from fanarchive.imports.drafts import Draft, Problem, draft_from_document
from fanarchive.imports.efiction import efiction_drafts

# Every format a reader takes: imports run outside web requests, so MOBI and AZW3 (read through
# calibre's converter) and PDF are welcome here, unlike on the upload form.
WORK_SUFFIXES = set(ALL_SUFFIXES)
DUMP_SUFFIXES = {".sql"}
MAX_MEMBER_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Unit:
    """One work to read: a file, a zip member, or a story already parsed from a dump."""

    label: str
    path: Path | None = None
    member: str | None = None  # name inside the zip at `path`
    draft: Draft | None = None


def plan(paths: Iterable[str | Path]) -> tuple[list[Unit], list[Problem]]:
    units, problems = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            for file in files:
                if file.suffix.lower() in WORK_SUFFIXES | DUMP_SUFFIXES | {".zip"}:
                    _plan_file(file, units, problems)
        elif path.is_file():
            _plan_file(path, units, problems, explicit=True)
        else:
            problems.append(Problem(str(path), "no such file or folder"))
    return units, problems


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _plan_file(path: Path, units: list[Unit], problems: list[Problem], explicit=False) -> None:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        _plan_zip(path, units, problems)
    elif suffix in DUMP_SUFFIXES:
        for item in _dump_items(path):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                units.append(Unit(item.source, draft=item))
    elif suffix in WORK_SUFFIXES or explicit:
        units.append(Unit(str(path), path=path))


def _plan_zip(path: Path, units: list[Unit], problems: list[Problem]) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [
                info.filename
                for info in archive.infolist()
                if not info.is_dir()
                and PurePosixPath(info.filename).suffix.lower() in WORK_SUFFIXES
                and not any(
                    p.startswith((".", "__MACOSX")) for p in PurePosixPath(info.filename).parts
                )
            ]
    except (zipfile.BadZipFile, OSError) as error:
        problems.append(Problem(str(path), f"not a readable zip file ({error})"))
        return
    units.extend(Unit(f"{path}!{name}", path=path, member=name) for name in sorted(names))


def _dump_items(path: Path) -> Iterator[Draft | Problem]:
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Problem(str(path), f"cannot read the file ({error.strerror})")
        return
    yield from efiction_drafts(_decode(data), str(path), files_root=path.parent)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def load(unit: Unit) -> Draft | Problem:
    """Read one unit into a Draft; every failure becomes a Problem with a readable message."""
    if unit.draft is not None:
        return unit.draft
    content = read_unit(unit)
    if isinstance(content, Problem):
        return content
    return parse(content[0], content[1], unit.label)


def read_unit(unit: Unit) -> tuple[str, bytes] | Problem:
    """The unit's file name and bytes (units from dumps have none: use `unit.draft`)."""
    try:
        return _unit_bytes(unit)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        return Problem(unit.label, _message(error))


def parse(filename: str, data: bytes, label: str) -> Draft | Problem:
    try:
        return draft_from_bytes(data, filename, label)
    except (AnalysisError, ValueError, zipfile.BadZipFile) as error:
        return Problem(label, _message(error))
    except Exception as error:  # a reader bug must not abort a batch of 100,000 works
        return Problem(label, f"unexpected error while reading: {type(error).__name__}: {error}")


def bytes_digest(data: bytes) -> str:
    """The content hash of a file: its bytes (the same file in a folder and a zip is one work)."""
    return hashlib.sha256(data).hexdigest()


def _unit_bytes(unit: Unit) -> tuple[str, bytes]:
    if unit.member is None:
        if unit.path.stat().st_size > MAX_MEMBER_BYTES:
            raise ValueError(f"larger than {MAX_MEMBER_BYTES // 2**20} MB")
        return unit.path.name, unit.path.read_bytes()
    with zipfile.ZipFile(unit.path) as archive:
        if archive.getinfo(unit.member).file_size > MAX_MEMBER_BYTES:
            raise ValueError(f"larger than {MAX_MEMBER_BYTES // 2**20} MB")
        return PurePosixPath(unit.member).name, archive.read(unit.member)


def draft_from_bytes(data: bytes, filename: str, label: str) -> Draft:
    from fanarchive.analysis.reading import read_bytes

    document = read_bytes(data, filename)
    return draft_from_document(document, label, fallback_title=_title_from_name(filename))


def _title_from_name(filename: str) -> str:
    stem = PurePosixPath(filename).stem.replace("_", " ").replace("-", " ").strip()
    return stem[:1].upper() + stem[1:] if stem else "Untitled"


def _message(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return f"cannot read the file ({error.strerror})"
    return str(error) or type(error).__name__
