"""Parse and validate a browse URL's query string into a BrowseQuery. Never raises.

Every filter state is a plain GET query string, so any listing is a shareable link. Anything
invalid (unknown tags, negative or reversed ranges, bad dates, absurd pages, thousands of ids,
injection attempts) is dropped with a message for the page, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from urllib.parse import urlencode

from fanarchive.browse.textquery import TextQuery, fold, parse_text_query

PER_PAGE = 20
MAX_PAGE = 50_000
MAX_TAGS = 40  # include + exclude together; AO3 users rarely pass ten
MAX_NAMES_CHARS = 2_000
MAX_COUNT = 2_000_000_000
SORTS = {
    # key: (label, descending by default)
    "updated": ("Date Updated", True),
    "posted": ("Date Posted", True),
    "kudos": ("Kudos", True),
    "hits": ("Hits", True),
    "bookmarks": ("Bookmarks", True),
    "comments": ("Comments", True),
    "words": ("Word Count", True),
    "title": ("Title", False),
    "author": ("Author", False),
}
CROSSOVER_CHOICES = {
    "include": "Include crossovers",
    "exclude": "Exclude crossovers",
    "only": "Only crossovers",
}
STATUS_CHOICES = {"complete": "Complete works only", "in_progress": "Works in progress only"}
LANGUAGE_RE = re.compile(r"^[a-z0-9-]{1,40}$")  # folded language names: english, espanol
NOTE_RE = re.compile(r"^[a-z0-9-]{1,120}$")
TAG_ID_RE = re.compile(r"^\d{1,12}$")
DATE_FIELDS = ("updated_from", "updated_to", "posted_from", "posted_to")


def note_key(name: str) -> str:
    """The filter key of a content note name: folded, words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(name)))[:120]


@dataclass
class BrowseQuery:
    include: list[int] = field(default_factory=list)
    exclude: list[int] = field(default_factory=list)
    include_names: str = ""
    exclude_names: str = ""
    words_from: int | None = None
    words_to: int | None = None
    status: str = ""
    language: str = ""
    dates: dict[str, date] = field(default_factory=dict)
    crossover: str = "include"
    sort: str = "updated"
    descending: bool = True
    text: TextQuery = field(default_factory=TextQuery)
    raw_text: str = ""
    speaks: int | None = None
    speaks_most: int | None = None
    pairing: int | None = None
    hide_notes: list[str] = field(default_factory=list)
    page: int = 1
    messages: list[str] = field(default_factory=list)

    @property
    def offset(self) -> int:
        return (self.page - 1) * PER_PAGE

    def params(self, **changes) -> list[tuple[str, str]]:
        """The canonical query string pairs of this state (with `changes` applied)."""
        state = {
            "include": [str(i) for i in self.include],
            "exclude": [str(i) for i in self.exclude],
            "words_from": "" if self.words_from is None else str(self.words_from),
            "words_to": "" if self.words_to is None else str(self.words_to),
            "status": self.status,
            "language": self.language,
            "crossover": "" if self.crossover == "include" else self.crossover,
            **{
                name: self.dates[name].isoformat() if name in self.dates else ""
                for name in DATE_FIELDS
            },
            "q": self.raw_text,
            "speaks": "" if self.speaks is None else str(self.speaks),
            "speaks_most": "" if self.speaks_most is None else str(self.speaks_most),
            "pairing": "" if self.pairing is None else str(self.pairing),
            "hide_note": list(self.hide_notes),
            "sort": "" if self.sort == "updated" else self.sort,
            "order": ""
            if self.descending == SORTS[self.sort][1]
            else ("desc" if self.descending else "asc"),
            "page": "" if self.page == 1 else str(self.page),
        }
        state.update(changes)
        pairs: list[tuple[str, str]] = []
        for name, value in state.items():
            for item in value if isinstance(value, list) else [value]:
                if item not in ("", None):
                    pairs.append((name, str(item)))
        return pairs

    def querystring(self, **changes) -> str:
        return urlencode(self.params(**changes))


def _int(
    raw: str | None, name: str, messages: list[str], low: int = 0, high: int = MAX_COUNT
) -> int | None:
    if raw is None or not raw.strip():
        return None
    text = raw.strip().replace(",", "")
    if not re.fullmatch(r"-?\d{1,12}", text):
        messages.append(f"{name} must be a whole number; {raw[:40]!r} was ignored.")
        return None
    value = int(text)
    if value < low or value > high:
        messages.append(f"{name} must be between {low:,} and {high:,}; {value:,} was ignored.")
        return None
    return value


def _tag_ids(values: list[str], label: str, messages: list[str]) -> list[int]:
    ids: list[int] = []
    bad = 0
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            if TAG_ID_RE.match(part):
                if int(part) not in ids:
                    ids.append(int(part))
            else:
                bad += 1
    if bad:
        messages.append(f"{bad} {label} tag value(s) were not tag ids and were ignored.")
    return ids


def _date(raw: str | None, name: str, messages: list[str]) -> date | None:
    if raw is None or not raw.strip():
        return None
    try:
        value = date.fromisoformat(raw.strip()[:10])
    except ValueError:
        messages.append(
            f"{name.replace('_', ' ').capitalize()} must be a date like 2024-01-31; it was ignored."
        )
        return None
    if not 1970 <= value.year <= 9999:
        messages.append(f"{name.replace('_', ' ').capitalize()} is out of range; it was ignored.")
        return None
    return value


def parse_query(params) -> BrowseQuery:
    """Read a QueryDict (or any mapping with .get/.getlist) into a validated BrowseQuery."""
    query = BrowseQuery()
    messages = query.messages
    getlist = (
        params.getlist
        if hasattr(params, "getlist")
        else lambda k: [params[k]] if k in params else []
    )

    query.include = _tag_ids(getlist("include"), "include", messages)
    query.exclude = [
        i for i in _tag_ids(getlist("exclude"), "exclude", messages) if i not in query.include
    ]
    if len(query.include) + len(query.exclude) > MAX_TAGS:
        messages.append(f"At most {MAX_TAGS} tags can be filtered at once; the rest were ignored.")
        query.include = query.include[:MAX_TAGS]
        query.exclude = query.exclude[: max(0, MAX_TAGS - len(query.include))]
    query.include_names = (params.get("include_names") or "")[:MAX_NAMES_CHARS]
    query.exclude_names = (params.get("exclude_names") or "")[:MAX_NAMES_CHARS]

    query.words_from = _int(params.get("words_from"), "Words from", messages)
    query.words_to = _int(params.get("words_to"), "Words to", messages)
    if (
        query.words_from is not None
        and query.words_to is not None
        and query.words_from > query.words_to
    ):
        messages.append("The word count range was reversed; it was ignored.")
        query.words_from = query.words_to = None

    status = params.get("status") or ""
    if status and status not in STATUS_CHOICES:
        messages.append("Unknown completion status ignored.")
        status = ""
    query.status = status
    raw_language = (params.get("language") or "")[:100]
    language = note_key(raw_language)
    if raw_language.strip() and not LANGUAGE_RE.match(language):
        messages.append("Unknown language code ignored.")
        language = ""
    query.language = language
    crossover = params.get("crossover") or "include"
    if crossover not in CROSSOVER_CHOICES:
        messages.append("Unknown crossover choice ignored.")
        crossover = "include"
    query.crossover = crossover

    for name in DATE_FIELDS:
        value = _date(params.get(name), name, messages)
        if value is not None:
            query.dates[name] = value
    for kind in ("updated", "posted"):
        low, high = query.dates.get(f"{kind}_from"), query.dates.get(f"{kind}_to")
        if low and high and low > high:
            messages.append(f"The {kind} date range was reversed; it was ignored.")
            del query.dates[f"{kind}_from"], query.dates[f"{kind}_to"]

    sort = params.get("sort") or "updated"
    if sort not in SORTS:
        messages.append("Unknown sort order ignored; sorting by date updated.")
        sort = "updated"
    query.sort = sort
    order = params.get("order") or ""
    query.descending = {"asc": False, "desc": True}.get(order, SORTS[sort][1])

    query.raw_text = (params.get("q") or "").strip()
    query.text = parse_text_query(query.raw_text)
    messages.extend(query.text.notes)

    for name in ("speaks", "speaks_most", "pairing"):
        raw = params.get(name)
        if raw:
            if TAG_ID_RE.match(raw.strip()):
                setattr(query, name, int(raw.strip()))
            else:
                messages.append(
                    f"The {name.replace('_', ' ')} filter needs a tag id; it was ignored."
                )
    for raw in getlist("hide_note")[:MAX_TAGS]:
        key = note_key(raw)
        if key and NOTE_RE.match(key) and key not in query.hide_notes:
            query.hide_notes.append(key)

    page = _int(params.get("page"), "Page", messages, low=1, high=10**12)
    if page is not None and page > MAX_PAGE:
        messages.append(f"There is no page {page:,}; showing the first page.")
        page = 1
    query.page = page or 1
    return query


def epoch_seconds(day: date, end_of_day: bool = False) -> int:
    moment = datetime.combine(day, time.max if end_of_day else time.min, tzinfo=UTC)
    return int(moment.timestamp())
