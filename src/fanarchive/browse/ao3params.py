"""AO3's URL vocabulary, translated into fanarchive's: tag names in paths, `work_search[...]`
filter parameters and download file names. Pure Python (no Django), so it is tested alone.

AO3 tools build URLs such as `/tags/Harry%20Potter*s*Draco/works` and
`/works?work_search[complete]=T&tag_id=...`; the archive answers them with the same listing
the filter sidebar gives, by translating the parameters into the sidebar's (filters.py).
A parameter the sidebar has no equivalent for is named in a note shown above the results,
never silently dropped.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote

# AO3's Tag#to_param: characters that cannot sit in a path segment get a *x* escape.
TAG_ESCAPES = [("*s*", "/"), ("*a*", "&"), ("*d*", "."), ("*q*", "?"), ("*h*", "#")]

# AO3's fixed tag ids (the same on every AO3 installation) and the names fanarchive seeds.
RATING_IDS = {
    "9": "Not Rated",
    "10": "General Audiences",
    "11": "Teen And Up Audiences",
    "12": "Mature",
    "13": "Explicit",
}
WARNING_IDS = {
    "14": "Creator Chose Not To Use Archive Warnings",
    "16": "No Archive Warnings Apply",
    "17": "Graphic Depictions Of Violence",
    "18": "Major Character Death",
    "19": "Rape/Non-Con",
    "20": "Underage Sex",
}
CATEGORY_IDS = {
    "21": "Gen",
    "22": "F/M",
    "23": "M/M",
    "24": "Other",
    "116": "F/F",
    "2246": "Multi",
}
FIXED_IDS = {
    "rating_ids": RATING_IDS,
    "archive_warning_ids": WARNING_IDS,
    "category_ids": CATEGORY_IDS,
}
NAME_FIELDS = (
    "fandom_names",
    "character_names",
    "relationship_names",
    "freeform_names",
    "other_tag_names",
)
SORT_COLUMNS = {
    "revised_at": "updated",
    "created_at": "posted",
    "kudos_count": "kudos",
    "hits": "hits",
    "bookmarks_count": "bookmarks",
    "comments_count": "comments",
    "word_count": "words",
    "title_to_sort_on": "title",
    "authors_to_sort_on": "author",
}
# AO3's language_id values are short codes; the sidebar uses folded language names.
LANGUAGE_CODES = {
    "en": "english",
    "es": "espanol",
    "fr": "francais",
    "de": "deutsch",
    "zh": "zhong-wen",
    "ru": "russkii",
    "ptBR": "portugues",
    "pt": "portugues",
    "it": "italiano",
    "ja": "ri-ben-yu",
    "pl": "polski",
}
# Parameters with no sidebar equivalent: named in a note rather than silently ignored.
UNSUPPORTED = {
    "title": "title",
    "creators": "author",
    "single_chapter": "single chapter",
    "hits": "hits",
    "kudos_count": "kudos",
    "bookmarks_count": "bookmarks",
    "comments_count": "comments",
    "revised_at": "relative date",
}
PREFIX_RE = re.compile(r"^(include_work_search|exclude_work_search|work_search)\[([a-z_]+)\]")
RANGE_RE = re.compile(r"^\s*([<>])?\s*(\d{1,10})\s*(?:-\s*(\d{1,10}))?\s*$")


def tag_to_param(name: str) -> str:
    """A tag name as AO3 writes it in a URL path segment (percent-encoded)."""
    for escape, char in TAG_ESCAPES:
        name = name.replace(char, escape)
    return quote(name, safe="*")


def tag_from_param(param: str) -> str:
    """The tag name an AO3 URL segment stands for (the path may arrive decoded or not)."""
    name = unquote(param)
    for escape, char in TAG_ESCAPES:
        name = name.replace(escape, char)
    return name


def download_stem(title: str) -> str:
    """AO3's download file name stem: the title's ASCII letters and digits, words joined
    by underscores (as fanarchive.exports.download_filename writes it)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_title)[:12]
    return "_".join(words) or "work"


def is_ao3_search(keys) -> bool:
    """Whether a query string uses AO3's filter vocabulary."""
    return any(PREFIX_RE.match(key) or key == "tag_id" for key in keys)


def translate(pairs: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[str], str]:
    """AO3 `work_search[...]` pairs → the sidebar's pairs, notes for what has no equivalent,
    and the `tag_id` context tag name ("" when none)."""
    out: list[tuple[str, str]] = []
    notes: list[str] = []
    include_names: list[str] = []
    exclude_names: list[str] = []
    context = ""
    for key, value in pairs:
        value = value.strip()
        if key == "tag_id":
            context = value
            continue
        if key == "page":
            out.append(("page", value))
            continue
        match = PREFIX_RE.match(key)
        if not match or not value:
            continue
        prefix, field = match.groups()
        if prefix != "work_search":
            # include_work_search[freeform_ids][]=N: the sidebar's own tag ids.
            out.append(("include" if prefix.startswith("include") else "exclude", value))
        elif field in FIXED_IDS:
            name = FIXED_IDS[field].get(value)
            if name is None:
                notes.append(f"Unknown AO3 {field.replace('_', ' ')} {value!r} ignored.")
            else:
                include_names.append(name)
        elif field in NAME_FIELDS:
            include_names.append(value)
        elif field == "excluded_tag_names":
            exclude_names.append(value)
        else:
            _translate_field(field, value, out, notes)
    if include_names:
        out.append(("include_names", ",".join(include_names)))
    if exclude_names:
        out.append(("exclude_names", ",".join(exclude_names)))
    return out, notes, context


CHOICES = {"complete": {"", "T", "F"}, "crossover": {"", "T", "F"}}
LANGUAGE_ID_RE = re.compile(r"^[A-Za-z][A-Za-z_-]{0,30}$")  # AO3's codes: en, zh-CN, ...


def _translate_field(field: str, value: str, out: list, notes: list[str]) -> None:
    simple = {
        "query": ("q", value),
        "words_from": ("words_from", value),
        "words_to": ("words_to", value),
        "date_from": ("updated_from", value),
        "date_to": ("updated_to", value),
        "sort_direction": ("order", value.lower()),
        "language_id": ("language", LANGUAGE_CODES.get(value, value)),
        "complete": ("status", {"T": "complete", "F": "in_progress"}.get(value, "")),
        "crossover": ("crossover", {"T": "only", "F": "exclude"}.get(value, "include")),
    }
    if field in CHOICES and value not in CHOICES[field]:
        # AO3 takes T or F (or blank): anything else is named, not silently read as "all".
        notes.append(f"Unknown AO3 {field} value {value!r} ignored.")
    elif field == "language_id" and not LANGUAGE_ID_RE.match(value):
        notes.append(f"Unknown AO3 language {value!r} ignored.")
    elif field in simple:
        out.append(simple[field])
    elif field == "sort_column":
        if value in SORT_COLUMNS:
            out.append(("sort", SORT_COLUMNS[value]))
        elif value != "_score":
            notes.append(f"AO3 sort {value!r} is not offered here; sorted by date updated.")
    elif field == "word_count":
        out.extend(_word_range(value, notes))
    elif field in UNSUPPORTED:
        notes.append(f"The AO3 {UNSUPPORTED[field]} filter is not offered here; it was ignored.")
    else:
        notes.append(f"Unknown AO3 parameter work_search[{field}] ignored.")


def _word_range(value: str, notes: list[str]) -> list[tuple[str, str]]:
    """AO3's word_count constraint: `<1000`, `>500`, `100-1000` or an exact `1000`."""
    match = RANGE_RE.match(value)
    if not match:
        notes.append(f"The word count {value!r} was not understood; it was ignored.")
        return []
    sign, low, high = match.groups()
    if high is not None:
        return [("words_from", low), ("words_to", high)]
    if sign == "<":
        return [("words_to", str(max(0, int(low) - 1)))]
    if sign == ">":
        return [("words_from", str(int(low) + 1))]
    return [("words_from", low), ("words_to", low)]
