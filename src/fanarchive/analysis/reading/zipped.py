"""Safe access to zip-based formats (.docx, EPUB): bounded sizes, no XML entity tricks."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
import zlib

from fanarchive.analysis.errors import ReadError

MAX_MEMBER_BYTES = 24 * 1024 * 1024  # a zip bomb is refused before it is inflated
MAX_TOTAL_BYTES = 48 * 1024 * 1024


class Archive:
    def __init__(self, data: bytes, kind: str) -> None:
        self.kind = kind
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError):
            raise ReadError(f"the file is not a valid {kind} (a damaged zip archive)") from None
        self.read_total = 0

    def names(self) -> list[str]:
        return self.zip.namelist()

    def size(self, name: str) -> int:
        """The member's unpacked size, from the zip's headers (nothing is inflated)."""
        try:
            return self.zip.getinfo(name).file_size
        except KeyError:
            raise ReadError(f"the {self.kind} has no {name}") from None

    def read(self, name: str) -> bytes:
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            raise ReadError(f"the {self.kind} has no {name}") from None
        self.read_total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or self.read_total > MAX_TOTAL_BYTES:
            raise ReadError(f"the {self.kind} unpacks to more than {MAX_TOTAL_BYTES // 2**20} MB")
        try:
            return self.zip.read(info)
        except (
            zipfile.BadZipFile,
            zlib.error,
            NotImplementedError,
            OSError,
            ValueError,
            RuntimeError,
            EOFError,
        ):
            raise ReadError(f"the {self.kind} is damaged ({name} cannot be unpacked)") from None

    def xml(self, name: str, max_bytes: int = MAX_MEMBER_BYTES) -> ET.Element:
        if self.size(name) > max_bytes:
            raise ReadError(
                f"the {self.kind}'s {name} unpacks to more than {max_bytes // 2**20} MB; refused"
            )
        return parse_xml(self.read(name), f"{self.kind} {name}")


def parse_xml(data: bytes, what: str) -> ET.Element:
    # Office and EPUB packages never need a DTD; refusing one rules out entity expansion.
    if b"<!DOCTYPE" in data[:4096].upper() and b"<!ENTITY" in data.upper():
        raise ReadError(f"{what} declares XML entities, which are not allowed")
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise ReadError(f"{what} is not well-formed XML ({error})") from None
