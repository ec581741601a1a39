"""The readable terminal report of one analysed work (`fanarchive analyze --format text`).

It is rendered from the analysis JSON (plus the work's text, for note excerpts), so what the
report shows is exactly what `--format json` returns.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

EXCERPT = 90


def render_report(
    result: dict[str, Any], text: str, source: str, *, width: int = 100, color: bool = False
) -> str:
    """The report as a string (ANSI-coloured when `color`), ready to print."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        highlight=False,
        soft_wrap=False,
    )
    for section in (
        _header(result, source),
        _structure(result, text),
        _cast(result),
        _quotes(result),
        _relationships(result),
        _warnings(result),
        _tags(result),
    ):
        console.print(section)
    return buffer.getvalue()


def _header(result: dict[str, Any], source: str) -> Panel:
    meta = result.get("metadata", {})
    lines = Text()
    lines.append(result.get("title") or Path(source).name, style="bold")
    if meta.get("authors"):
        lines.append(f"  by {', '.join(meta['authors'])}")
    lines.append(f"\n{source}  ({result.get('source_format', 'text')})", style="dim")
    # The author's own tags, as the file gives them; the analysis' findings come below.
    for label, key in (
        ("Fandom", "fandoms"),
        ("Rating", "rating"),
        ("Tagged relationships", "relationships"),
        ("Summary", "summary"),
    ):
        value = meta.get(key)
        if value:
            shown = ", ".join(value) if isinstance(value, list) else _shorten(value, 200)
            lines.append(f"\n{label}: {shown}")
    chapters = result.get("chapters", [])
    scenes = len(result.get("scene_breaks", [])) + max(1, len(chapters))
    lines.append(
        f"\n{result.get('words', 0):,} words · {len(chapters)} chapter(s) · {scenes} scene(s) · "
        f"{len(result.get('notes', []))} author's note(s) · {len(result.get('quotes', []))} quoted "
        f"line(s) · {len(result.get('characters', []))} character(s)"
    )
    return Panel(lines, box=box.ROUNDED, expand=True)


def _structure(result: dict[str, Any], text: str) -> Group:
    parts: list[Any] = []
    chapters = Table(title="Structure", box=box.SIMPLE_HEAD, title_justify="left", expand=True)
    chapters.add_column("#", justify="right", width=3)
    chapters.add_column("Chapter")
    chapters.add_column("Words", justify="right")
    chapters.add_column("Offsets", justify="right", style="dim")
    for i, chapter in enumerate(result.get("chapters", []), 1):
        chapters.add_row(
            str(i),
            chapter["title"] or "(untitled)",
            f"{chapter.get('words', 0):,}",
            f"{chapter['start']}–{chapter['end']}",
        )
    parts.append(chapters)
    notes = result.get("notes", [])
    if notes:
        table = Table(box=box.SIMPLE_HEAD, expand=True)
        table.add_column("Author's note")
        table.add_column("Where", width=16)
        table.add_column("Text")
        for note in notes:
            where = note["position"] + (
                f", ch. {note['chapter'] + 1}" if note.get("chapter") is not None else ""
            )
            table.add_row(f"{note['start']}–{note['end']}", where, _excerpt(text, note))
        parts.append(table)
    breaks = result.get("scene_breaks", [])
    if breaks:
        offsets = ", ".join(str(b["start"]) for b in breaks[:20])
        more = f" (+{len(breaks) - 20} more)" if len(breaks) > 20 else ""
        parts.append(Text(f"  Scene breaks at offsets {offsets}{more}\n", style="dim"))
    return Group(*parts)


def _cast(result: dict[str, Any]) -> Table:
    table = Table(title="Cast", box=box.SIMPLE_HEAD, title_justify="left", expand=True)
    table.add_column("Character", style="bold")
    table.add_column("Aliases")
    table.add_column("Role")
    table.add_column("Mentions", justify="right")
    table.add_column("Lines", justify="right")
    for character in result.get("characters", []):
        table.add_row(
            character["name"],
            ", ".join(character.get("aliases", [])),
            "present" if character.get("present") else "mentioned",
            str(character.get("mentions", 0)),
            str(character.get("lines", 0)),
        )
    if not result.get("characters"):
        table.add_row("(no characters found)", "", "", "", "")
    return table


def _quotes(result: dict[str, Any]) -> Table:
    table = Table(title="Dialogue", box=box.SIMPLE_HEAD, title_justify="left", expand=True)
    table.add_column("#", justify="right", width=4)
    table.add_column("Speaker", style="bold", max_width=22)
    table.add_column("Conf.", justify="right", width=5)
    table.add_column("Rule", style="dim", max_width=16)
    table.add_column("Line", ratio=1)
    for i, quote in enumerate(result.get("quotes", []), 1):
        table.add_row(
            str(i),
            quote.get("speaker") or "unknown",
            f"{quote.get('confidence', 0):.2f}",
            quote.get("rule", ""),
            Text(quote["text"]),
        )
    if not result.get("quotes"):
        table.add_row("", "", "", "", "(no dialogue)")
    return table


def _relationships(result: dict[str, Any]) -> Table:
    table = Table(title="Relationships", box=box.SIMPLE_HEAD, title_justify="left", expand=True)
    table.add_column("Tag", style="bold")
    table.add_column("Kind")
    table.add_column("Score", justify="right")
    table.add_column("Evidence", ratio=1)
    for relationship in result.get("relationships", []):
        kind = relationship["kind"] + (
            f" ({relationship['subtype']})" if relationship.get("subtype") else ""
        )
        table.add_row(
            relationship["tag"],
            kind,
            f"{relationship.get('score', 0):.2f}",
            _evidence(relationship.get("evidence", [])),
        )
    if not result.get("relationships"):
        table.add_row("(none found)", "", "", "")
    return table


def _warnings(result: dict[str, Any]) -> Table:
    table = Table(title="Content warnings", box=box.SIMPLE_HEAD, title_justify="left", expand=True)
    table.add_column("Warning", style="bold")
    table.add_column("Severity")
    table.add_column("Evidence", ratio=1)
    for warning in result.get("warnings", []):
        name = warning["name"] + (" [archive warning]" if warning.get("archive_warning") else "")
        table.add_row(name, warning["severity"], _evidence(warning.get("evidence", [])))
    if not result.get("warnings"):
        table.add_row("(none found)", "", "")
    return table


def _tags(result: dict[str, Any]) -> Table:
    table = Table(title="Suggested tags", box=box.SIMPLE_HEAD, title_justify="left", expand=True)
    table.add_column("Tag", style="bold")
    table.add_column("Evidence", ratio=1)
    for tag in result.get("tags", []):
        table.add_row(tag["tag"], _evidence(tag.get("evidence", [])))
    if not result.get("tags"):
        table.add_row("(none)", "")
    return table


def _evidence(evidence: list[dict[str, Any]], limit: int = 3) -> Text:
    lines = Text()
    for i, item in enumerate(evidence[:limit]):
        if i:
            lines.append("\n")
        lines.append(f"“{_shorten(item['text'], 160)}”")
        lines.append(f" @{item['start']}", style="dim")
    if len(evidence) > limit:
        lines.append(f"\n… {len(evidence) - limit} more", style="dim")
    return lines


def _excerpt(text: str, span: dict[str, Any]) -> str:
    return _shorten(" ".join(text[span["start"] : span["end"]].split()), EXCERPT)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
