"""Read the rows of a MySQL dump (mysqldump / phpMyAdmin export) without a MySQL server.

Only `CREATE TABLE` column lists and `INSERT INTO ... VALUES (...), (...);` statements are
read; everything else (comments, SET, LOCK TABLES, indexes) is skipped. Strings follow MySQL's
escaping rules: backslash escapes and doubled quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CREATE_RE = re.compile(
    r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[`\"]?(\w+)[`\"]?\s*\((.*?)\)\s*(?:ENGINE|TYPE|DEFAULT|;)",
    re.I | re.S,
)
_COLUMN_DEF_RE = re.compile(r"\s*[`\"]?(\w+)[`\"]?\s+\w")
_NOT_COLUMNS = {"primary", "key", "unique", "index", "constraint", "fulltext", "foreign"}
_INSERT_RE = re.compile(
    r"INSERT\s+(?:IGNORE\s+)?INTO\s+[`\"]?(\w+)[`\"]?\s*(?:\(([^)]*)\))?\s*VALUES\s*", re.I
)
# One value: a quoted string (MySQL escapes or doubled quotes) or a bare token (NULL, 12, 0x1F).
_SINGLE_RE = re.compile(r"'((?:[^'\\]|\\.|'')*)'", re.S)
_DOUBLE_RE = re.compile(r'"((?:[^"\\]|\\.|"")*)"', re.S)
_BARE_RE = re.compile(r"[^,()\s]+")
_SPACE_RE = re.compile(r"\s*")
_ESCAPE_RE = re.compile(r"\\(.)|''|\"\"", re.S)
_ESCAPES = {"0": "\0", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a"}


class DumpError(ValueError):
    """The dump is not readable SQL (the message says where)."""


def table_columns(sql: str) -> dict[str, list[str]]:
    """Column names of every `CREATE TABLE` in the dump, in declaration order."""
    tables = {}
    for match in _CREATE_RE.finditer(sql):
        names = []
        for definition in _split_top_level(match.group(2)):
            column = _COLUMN_DEF_RE.match(definition)
            if column and column.group(1).lower() not in _NOT_COLUMNS:
                names.append(column.group(1))
        tables[match.group(1).lower()] = names
    return tables


def _split_top_level(body: str) -> list[str]:
    """Split a CREATE TABLE body on commas outside parentheses and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(body):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(body[start:index])
            start = index + 1
    parts.append(body[start:])
    return parts


def iter_rows(sql: str, columns: dict[str, list[str]] | None = None) -> Iterator[tuple[str, dict]]:
    """Yield (table, row) for every inserted row; a row maps column name -> str | int | None.

    Rows of an INSERT without a column list are named by the table's CREATE TABLE, else by
    position ("0", "1", ...).
    """
    columns = table_columns(sql) if columns is None else columns
    pos = 0
    # Search on from the end of each statement, so SQL quoted inside a story is never parsed.
    while match := _INSERT_RE.search(sql, pos):
        table = match.group(1).lower()
        if match.group(2):
            names = [n.strip().strip('`"') for n in match.group(2).split(",")]
        else:
            names = columns.get(table, [])
        pos = match.end()
        while True:
            pos = _SPACE_RE.match(sql, pos).end()
            if sql[pos : pos + 1] != "(":
                break
            values, pos = _parse_tuple(sql, pos + 1)
            keys = names if len(names) == len(values) else [str(i) for i in range(len(values))]
            yield table, dict(zip(keys, values, strict=True))
            pos = _SPACE_RE.match(sql, pos).end()
            if sql[pos : pos + 1] != ",":
                break
            pos += 1


def _parse_tuple(sql: str, pos: int) -> tuple[list, int]:
    values = []
    while True:
        pos = _SPACE_RE.match(sql, pos).end()
        value, pos = _parse_value(sql, pos)
        values.append(value)
        pos = _SPACE_RE.match(sql, pos).end()
        if pos >= len(sql):
            raise DumpError("the dump ends inside an INSERT statement")
        if sql[pos] == ",":
            pos += 1
        elif sql[pos] == ")":
            return values, pos + 1
        else:
            line = sql.count("\n", 0, pos) + 1
            raise DumpError(f"unexpected {sql[pos : pos + 20]!r} in INSERT values at line {line}")


def _parse_value(sql: str, pos: int) -> tuple[str | int | float | None, int]:
    if sql.startswith("_", pos):  # charset introducer: _utf8'text', _binary'...'
        introducer = re.compile(r"_\w+\s*").match(sql, pos)
        if introducer and sql[introducer.end() : introducer.end() + 1] in {"'", '"'}:
            pos = introducer.end()
    quote = sql[pos : pos + 1]
    if quote in {"'", '"'}:
        match = (_SINGLE_RE if quote == "'" else _DOUBLE_RE).match(sql, pos)
        if not match:
            line = sql.count("\n", 0, pos) + 1
            raise DumpError(f"unterminated string at line {line}")
        return _unescape(match.group(1), quote), match.end()
    match = _BARE_RE.match(sql, pos)
    if not match:
        raise DumpError(f"expected a value at line {sql.count(chr(10), 0, pos) + 1}")
    return _bare_value(match.group(0)), match.end()


def _unescape(body: str, quote: str) -> str:
    if "\\" not in body and quote * 2 not in body:
        return body
    return _ESCAPE_RE.sub(_unescape_one, body)


def _unescape_one(match: re.Match) -> str:
    char = match.group(1)
    if char is None:  # a doubled quote
        return match.group(0)[0]
    # \% and \_ keep their backslash in MySQL; every other escaped character stands for itself.
    return _ESCAPES.get(char, "\\" + char if char in "%_" else char)


def _bare_value(token: str) -> str | int | float | None:
    if token.upper() == "NULL":
        return None
    if token.lower().startswith("0x"):
        try:
            return bytes.fromhex(token[2:]).decode("utf-8", "replace")
        except ValueError:
            return token
    for kind in (int, float):
        try:
            return kind(token)
        except ValueError:
            continue
    return token
