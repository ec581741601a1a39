"""Seeded random input never makes a reader fail with anything but a ReadError."""

from __future__ import annotations

import contextlib
import random

import pytest

from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading import read_bytes, read_text
from fanarchive.analysis.structure import find_structure

TAGS = [
    "p",
    "div",
    "br",
    "hr",
    "b",
    "i",
    "h1",
    "h2",
    "table",
    "td",
    "tr",
    "li",
    "ul",
    "script",
    "style",
    "blockquote",
    "span",
    "a",
    "noscript",
    "pre",
    "dl",
    "dt",
    "dd",
]
PIECES = [
    '"',
    "“",
    "”",
    "***",
    "\n",
    "\n\n",
    "Chapter 1",
    "A/N:",
    "&amp;",
    "&#",
    "<",
    ">",
    "Naruto said",
    "<!--",
    "-->",
    "<![CDATA[",
    "\r",
    "\t",
    "é",
    "\x00",
]


def soup(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 60)):
        roll = rng.random()
        if roll < 0.4:
            tag = rng.choice(TAGS)
            parts.append(
                f"<{'/' if rng.random() < 0.4 else ''}{tag}{' class=meta' if rng.random() < 0.1 else ''}>"
            )
        elif roll < 0.7:
            parts.append(rng.choice(PIECES))
        else:
            parts.append("".join(rng.choice("abc xyz.!?\n") for _ in range(rng.randint(1, 30))))
    return "".join(parts)


@pytest.mark.parametrize("seed", range(150))
def test_random_markup_and_text(seed):
    rng = random.Random(seed)
    text = soup(rng)
    for fmt in ("html", "text", "markdown"):
        try:
            document = read_text(text, fmt)
        except ReadError:
            continue
        assert all(0 <= p.start <= p.end <= len(document.text) for p in document.paragraphs)
        find_structure(document)  # idempotent enough to run twice


@pytest.mark.parametrize("seed", range(60))
def test_random_bytes(seed):
    rng = random.Random(1000 + seed)
    data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 400)))
    prefix = rng.choice([b"", b"PK\x03\x04", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe"])
    for name in ("x.txt", "x.html", "x.md", "x.docx", "x.epub", "x"):
        with contextlib.suppress(ReadError):  # anything else fails the test
            read_bytes(prefix + data, name)


def _valid_files() -> dict[str, bytes]:
    from tests.analysis.reading_fixtures import calibre_like_epub, make_docx, make_pdf

    return {
        "pdf": make_pdf([["Chapter 1", "", "The harbour was quiet.", "", '"Late," said Tomas.']]),
        "epub": calibre_like_epub(2),
        "docx": make_docx([("Heading1", "Chapter 1"), ("", '"Late," said Tomas.')]),
    }


VALID_FILES = _valid_files()


@pytest.mark.parametrize("fmt", sorted(VALID_FILES))
@pytest.mark.parametrize("seed", range(40))
def test_damaged_files_of_every_binary_format(fmt, seed):
    """Flipped, cut and inserted bytes in a valid PDF, EPUB or .docx: a Document or a
    ReadError, never another exception."""
    rng = random.Random(seed)
    data = bytearray(VALID_FILES[fmt])
    for _ in range(rng.randint(1, 12)):
        at = rng.randrange(len(data))
        roll = rng.random()
        if roll < 0.5:
            data[at] = rng.randrange(256)
        elif roll < 0.75:
            del data[at : at + rng.randint(1, 40)]
        else:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    with contextlib.suppress(ReadError):
        read_bytes(bytes(data), f"work.{fmt}")
