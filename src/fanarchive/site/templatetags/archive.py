"""What every page of the archive draws the same way: AO3's counts with thousands separators,
the four required-tag squares, and the site stylesheet inlined for a page without static files.

Plain Python and Django's template library only, so Browse running on its own (without the
works app, browse/standalone.py) loads it as well as the archive does.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

STYLESHEET = Path(__file__).resolve().parents[1] / "static" / "fanarchive" / "archive.css"

# AO3's required-tag symbols: css class per rating / category.
RATING_SYMBOLS = {
    "General Audiences": "rating-general-audience",
    "Teen And Up Audiences": "rating-teen",
    "Mature": "rating-mature",
    "Explicit": "rating-explicit",
    "Not Rated": "rating-notrated",
}
CATEGORY_SYMBOLS = {
    "F/F": "category-femslash",
    "F/M": "category-het",
    "Gen": "category-gen",
    "M/M": "category-slash",
    "Multi": "category-multi",
    "Other": "category-other",
}
NO_WARNINGS_APPLY = "No Archive Warnings Apply"
NO_WARNINGS_CHOSEN = "Creator Chose Not To Use Archive Warnings"


@register.filter
def thousands(value):
    """1234 -> "1,234" as AO3 shows its counts, whatever the locale settings say;
    anything that is not a whole number is shown as it is."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return value
    return f"{number:,}"


def is_complete(complete: bool, chapters: int, expected: int | None) -> bool:
    """As on AO3, a work whose posted chapters reach the planned number (3/3) is complete,
    whether or not the author ticked "complete"."""
    return bool(complete) or (expected is not None and chapters >= expected)


def required_symbols(
    rating: str | None, warnings: list[str], categories: list[str], complete: bool
) -> list[dict[str, str]]:
    """The four squares of an AO3 blurb: rating, warnings, category, completion."""
    chosen = set(warnings)
    if not chosen or chosen == {NO_WARNINGS_CHOSEN}:
        warning = ("warning-choosenotto", "Choose Not To Use Archive Warnings")
    elif chosen == {NO_WARNINGS_APPLY}:
        warning = ("warning-no", NO_WARNINGS_APPLY)
    else:
        warning = ("warning-yes", ", ".join(sorted(chosen - {NO_WARNINGS_APPLY})))
    if len(categories) > 1:
        category_css = "category-multi"
    else:
        category_css = (
            CATEGORY_SYMBOLS.get(categories[0], "category-none")
            if categories
            else ("category-none")
        )
    rating = rating or "Not Rated"
    return [
        {"kind": "rating", "css": RATING_SYMBOLS.get(rating, "rating-notrated"), "text": rating},
        {"kind": "warnings", "css": warning[0], "text": warning[1]},
        {"kind": "category", "css": category_css, "text": ", ".join(categories) or "No category"},
        {
            "kind": "iswip",
            "css": "complete-yes" if complete else "complete-no",
            "text": "Complete Work" if complete else "Work in Progress",
        },
    ]


@register.simple_tag
def blurb_symbols(blurb: dict) -> list[dict[str, str]]:
    """The squares of a Browse blurb (a browse index row and its tags)."""
    row = blurb["work"]
    warnings = [tag.name for kind, tag in blurb["tags"] if kind == "warning"]
    rating = blurb["rating"].name if blurb.get("rating") else None
    categories = [tag.name for tag in blurb.get("categories", [])]
    complete = is_complete(row.complete, row.chapters, row.expected_chapters)
    return required_symbols(rating, warnings, categories, complete)


@cache
def _stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


@register.simple_tag
def inline_stylesheet() -> str:
    """The archive's stylesheet, for a page served without static files (standalone Browse)."""
    return mark_safe(_stylesheet())  # the archive's own file, not user input
