"""Bytes to text: BOMs, UTF-16 without BOM, UTF-8, cp1252 and latin-1, binary refused.

Fan fiction files arrive in every encoding an editor ever saved: UTF-8 (with or without a BOM),
UTF-16 from Windows tools, cp1252 from old archives, and UTF-8 files with a few pasted cp1252
bytes. Decoding never raises on text; only files that are clearly not text are refused.
"""

from __future__ import annotations

import codecs
import re

from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.lazyre import LazyPattern

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of formats people upload by mistake, so the message can name them.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"BOOKMOBI", "a MOBI/AZW3 e-book"),  # at offset 60, after the Palm database name
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Office document (.doc), please save it as .docx"),
    (b"{\\rtf", "an RTF document, please save it as .docx, .html or .txt"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)

# Control characters other than tab, newline, form feed and carriage return.
_CONTROL_RE = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_ASCII_RE = LazyPattern(r"[^\x00-\x7f]")
_LETTER_RE = LazyPattern(r"[^\W\d_]")
_MOJIBAKE_SAMPLE = 65536
MAX_ACCENTED_SHARE = 0.35
_SAMPLE = 8192


def decode(data: bytes) -> str:
    """Decode a work file's bytes; raise ReadError for empty or binary data."""
    if not data.strip():
        raise ReadError("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    # A known binary format is named before any guess at UTF-16: a PDF's bytes can look
    # like UTF-16 (a NUL in every other byte) and decode to gibberish.
    _refuse_known_format(data[:_SAMPLE])
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16:
        return data.decode(utf16, errors="replace")
    _refuse_binary(data[:_SAMPLE])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(data)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text of a Latin script has a NUL in every other byte."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _refuse_known_format(sample: bytes) -> None:
    for magic, name in _MAGIC:
        if sample.startswith(magic) or magic == b"BOOKMOBI" and sample[60:68] == magic:
            raise ReadError(
                f"the file is {name}, not a text, HTML or Markdown work (works are read from "
                ".txt, .html, .md, .docx, .epub, .pdf, .mobi and .azw3 files)"
            )


def _refuse_binary(sample: bytes) -> None:
    if b"\x00" in sample or len(_CONTROL_RE.findall(sample)) > 0.05 * len(sample):
        raise ReadError("the file looks binary, not text")


def _decode_legacy(data: bytes) -> str:
    """Mostly-UTF-8 files with a few stray bytes stay UTF-8; others are cp1252 or latin-1."""
    lenient = data.decode("utf-8", errors="replace")
    replaced = lenient.count("\ufffd")
    well_formed = len(_NON_ASCII_RE.findall(lenient)) - replaced
    if well_formed > 2 * replaced:
        return lenient
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        text = data.decode("latin-1")
    _refuse_mojibake(text)
    return text


def _refuse_mojibake(text: str) -> None:
    """Western European text has a few accented letters among many plain ones (French ~4%,
    Icelandic ~10%). Cyrillic, Greek or CJK text saved in an old encoding and read as cp1252
    is almost all accented letters and symbols ("Ïðèâåò", "¤ª¤Ï"): refuse it, do not analyse
    gibberish."""
    letters = _LETTER_RE.findall(text, 0, _MOJIBAKE_SAMPLE)
    accented = sum(1 for letter in letters if letter > "\x7f")
    if len(letters) >= 50 and accented > MAX_ACCENTED_SHARE * len(letters):
        raise ReadError(
            "the file is not UTF-8, and as Western European text (cp1252) it reads as "
            f"gibberish ({100 * accented // len(letters)}% accented letters): it is probably "
            "Cyrillic, Greek, Chinese, Japanese or Korean in an old encoding; save it as UTF-8"
        )
