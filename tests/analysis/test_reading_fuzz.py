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
