"""A single self-contained HTML file: inline stylesheet, no scripts, no external resources."""

from __future__ import annotations

from fanarchive.exports import layout
from fanarchive.exports.sanitize import escape
from fanarchive.exports.work import ExportWork


def render_html(work: ExportWork, extra_css: str = "") -> str:
    """The whole download as one HTML document (`work` must have been through clean_work)."""
    lang = layout.language_code(work.language)
    chapters = "\n".join(
        layout.chapter(work, chapter, number) for number, chapter in enumerate(work.chapters, 1)
    )
    author = escape(", ".join(work.authors))
    return f"""<!DOCTYPE html>
<html lang="{escape(lang)}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{escape(work.title)}</title>
{f'<meta name="author" content="{author}"/>' if author else ""}
<style>
{layout.STYLESHEET}{extra_css}</style>
</head>
<body>
{layout.preface(work)}
<div id="chapters" class="userstuff">
{chapters}
</div>
{layout.afterword(work)}
</body>
</html>
"""
