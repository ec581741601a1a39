"""A synthetic archive for the browse benchmark: Zipf-distributed fandoms, characters,
relationships and additional tags (thousands of canonical tags, synonyms and meta tags), with
stats, dates, analysis keys and searchable text, written straight into the browse tables with
executemany (SQLite) or COPY (PostgreSQL).

Everything is drawn from a seeded numpy generator, so a given (works, seed) is reproducible.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np

from fanarchive.browse.filters import note_key
from fanarchive.browse.textquery import normalise_document

RATINGS = ["Not Rated", "General Audiences", "Teen And Up Audiences", "Mature", "Explicit"]
WARNINGS = [
    "Creator Chose Not To Use Archive Warnings", "Graphic Depictions Of Violence",
    "Major Character Death", "No Archive Warnings Apply", "Rape/Non-Con", "Underage Sex",
]  # fmt: skip
CATEGORIES = ["F/F", "F/M", "Gen", "M/M", "Multi", "Other"]
LANGUAGES = [
    "english",
    "espanol",
    "francais",
    "deutsch",
    "zhong-wen",
    "russkii",
    "portugues",
    "italiano",
    "ri-ben-yu",
    "polski",
]
LANGUAGE_WEIGHTS = [0.86, 0.03, 0.02, 0.02, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01]
NOTES = ["Minors in a Romantic or Sexual Scene", "Self-Harm", "Suicidal Thoughts", "Blood"]
SYLLABLES = [
    "ka",
    "ri",
    "to",
    "mo",
    "na",
    "shi",
    "ve",
    "lo",
    "an",
    "ta",
    "el",
    "mi",
    "ra",
    "su",
    "do",
    "ne",
    "yu",
    "ha",
    "ze",
    "ko",
    "li",
    "ba",
    "ro",
    "en",
    "is",
]
EPOCH_2010 = int(datetime(2010, 1, 1, tzinfo=UTC).timestamp())
EPOCH_2026 = int(datetime(2026, 6, 1, tzinfo=UTC).timestamp())


@dataclass
class SyntheticTag:
    id: int
    name: str
    type: str
    canonical: bool = True
    merger_id: int | None = None
    meta_ids: list[int] = field(default_factory=list)

    def filter_keys(self) -> str:
        target = self.merger_id or self.id
        return " ".join(str(i) for i in [target, *self.meta_ids])


@dataclass
class FandomPlan:
    tag: SyntheticTag
    characters: list[SyntheticTag]
    synonyms: dict[int, SyntheticTag]  # canonical character id -> a synonym
    relationships: list[SyntheticTag]


def zipf_weights(count: int, exponent: float) -> np.ndarray:
    weights = 1.0 / np.arange(1, count + 1) ** exponent
    return weights / weights.sum()


class SyntheticArchive:
    def __init__(self, works: int, seed: int = 7) -> None:
        self.works = works
        self.rng = np.random.default_rng(seed)
        self.tags: list[SyntheticTag] = []
        self.vocabulary = self._vocabulary(6000)
        self._plan_tags()

    # ---- tags ------------------------------------------------------------------------------

    def _tag(self, name: str, tag_type: str, **extra) -> SyntheticTag:
        tag = SyntheticTag(len(self.tags) + 1, name, tag_type, **extra)
        self.tags.append(tag)
        return tag

    def _word(self) -> str:
        count = int(self.rng.integers(2, 4))
        return "".join(self.rng.choice(SYLLABLES, count)).capitalize()

    def _vocabulary(self, size: int) -> list[str]:
        words: set[str] = set()
        while len(words) < size:
            words.add(self._word().lower())
        return sorted(words)

    def _plan_tags(self) -> None:
        self.ratings = [self._tag(n, "rating") for n in RATINGS]
        self.warnings = [self._tag(n, "warning") for n in WARNINGS]
        self.categories = [self._tag(n, "category") for n in CATEGORIES]
        fandom_count = int(np.clip(self.works // 500, 20, 2000))
        self.fandoms: list[FandomPlan] = []
        for rank in range(fandom_count):
            fandom = self._tag(f"{self._word()} {self._word()} (Fandom {rank})", "fandom")
            size = 6 + int(60 / (rank + 1) ** 0.5)
            characters = [
                self._tag(f"{self._word()} {self._word()} ({rank}.{n})", "character")
                for n in range(size)
            ]
            synonyms = {
                c.id: self._tag(
                    f"{c.name.split(' ')[0]} syn {c.id}",
                    "character",
                    canonical=False,
                    merger_id=c.id,
                )
                for c in characters[: size // 3]
            }
            pairs = [(a, b) for a in range(min(size, 8)) for b in range(a + 1, min(size, 8))][
                : max(3, size // 2)
            ]
            relationships = [
                self._tag(f"{characters[a].name}/{characters[b].name}", "relationship")
                for a, b in pairs
            ]
            self.fandoms.append(FandomPlan(fandom, characters, synonyms, relationships))
        metas = [self._tag(f"{self._word()} (Meta {n})", "freeform") for n in range(60)]
        self.freeforms = []
        for n in range(int(np.clip(self.works // 250, 300, 4000))):
            meta_ids = [metas[n % len(metas)].id] if n % 3 == 0 else []
            self.freeforms.append(
                self._tag(f"{self._word()} {self._word()} ({n})", "freeform", meta_ids=meta_ids)
            )
        self.freeforms = metas[:10] + self.freeforms  # a few meta tags are used directly too
        self.freeform_synonyms = {
            f.id: self._tag(
                f"{f.name} syn", "freeform", canonical=False, merger_id=f.id, meta_ids=f.meta_ids
            )
            for f in self.freeforms[:200]
        }
        self.by_id = {t.id: t for t in self.tags}

    # ---- works -----------------------------------------------------------------------------

    def work_rows(self, batch: int = 20_000) -> Iterator[tuple[list[tuple], list[tuple[int, str]]]]:
        """Batches of (WorkIndex rows in column order, (work id, document) pairs)."""
        rng = self.rng
        fandom_weights = zipf_weights(len(self.fandoms), 1.05)
        freeform_weights = zipf_weights(len(self.freeforms), 0.9)
        authors = [f"{self._word()}{n}" for n in range(max(10, self.works // 6))]
        for start in range(0, self.works, batch):
            size = min(batch, self.works - start)
            fandom_picks = rng.choice(len(self.fandoms), size, p=fandom_weights)
            crossover_picks = rng.choice(len(self.fandoms), size, p=fandom_weights)
            is_crossover = rng.random(size) < 0.06
            words = np.maximum(100, rng.lognormal(8.3, 1.2, size)).astype(np.int64)
            posted = rng.integers(EPOCH_2010, EPOCH_2026, size)
            updated = np.minimum(
                EPOCH_2026, posted + (rng.random(size) < 0.4) * rng.integers(0, 3e7, size)
            )
            kudos = rng.zipf(1.6, size).clip(0, 500_000) + rng.integers(0, 40, size)
            text_words = rng.choice(
                len(self.vocabulary), (size, 70), p=zipf_weights(len(self.vocabulary), 1.0)
            )
            rows, documents = [], []
            for n in range(size):
                work_id = start + n + 1
                row, document = self._work(
                    work_id, int(fandom_picks[n]), int(crossover_picks[n]) if is_crossover[n] else None,
                    int(words[n]), int(posted[n]), int(updated[n]), int(kudos[n]),
                    authors, freeform_weights, text_words[n],
                )  # fmt: skip
                rows.append(row)
                documents.append((work_id, document))
            yield rows, documents

    def _work(self, work_id, fandom_index, crossover_index, words, posted, updated, kudos,
              authors, freeform_weights, text_words) -> tuple[tuple, str]:  # fmt: skip
        rng = self.rng
        plans = [self.fandoms[fandom_index]]
        if crossover_index is not None and crossover_index != fandom_index:
            plans.append(self.fandoms[crossover_index])
        raw: list[SyntheticTag] = [
            self.ratings[int(rng.choice(5, p=[0.05, 0.3, 0.35, 0.18, 0.12]))],
            self.warnings[int(rng.choice(6, p=[0.3, 0.1, 0.05, 0.5, 0.03, 0.02]))],
            self.categories[int(rng.choice(6, p=[0.1, 0.2, 0.25, 0.35, 0.05, 0.05]))],
        ]
        keys: list[str] = []
        speakers: list[int] = []
        main_pairing = None
        for plan in plans:
            raw.append(plan.tag)
            count = len(plan.characters)
            picks = sorted(
                set(rng.choice(count, int(rng.integers(1, 5)), p=zipf_weights(count, 1.1)).tolist())
            )
            for pick in picks:
                character = plan.characters[pick]
                synonym = plan.synonyms.get(character.id)
                raw.append(synonym if synonym is not None and rng.random() < 0.25 else character)
                if rng.random() < 0.8:
                    speakers.append(character.id)
            if rng.random() < 0.7:
                ships = len(plan.relationships)
                pairing = plan.relationships[int(rng.choice(ships, p=zipf_weights(ships, 1.2)))]
                raw.append(pairing)
                main_pairing = main_pairing or pairing.id
        for pick in set(
            rng.choice(len(self.freeforms), int(rng.integers(2, 9)), p=freeform_weights).tolist()
        ):
            freeform = self.freeforms[pick]
            synonym = self.freeform_synonyms.get(freeform.id)
            raw.append(synonym if synonym is not None and rng.random() < 0.2 else freeform)
        filter_ids: list[str] = []
        for tag in raw:
            for key in tag.filter_keys().split():
                if key not in filter_ids:
                    filter_ids.append(key)
        language = LANGUAGES[int(rng.choice(len(LANGUAGES), p=LANGUAGE_WEIGHTS))]
        complete = bool(rng.random() < 0.6)
        keys += (
            [f"lang:{language}"]
            + (["complete"] if complete else [])
            + (["crossover"] if len(plans) > 1 else [])
        )
        keys += [f"speaks:{s}" for s in speakers]
        if speakers:
            keys.append(f"speaks_most:{speakers[0]}")
        if main_pairing:
            keys.append(f"pairing:{main_pairing}")
        if rng.random() < 0.04:
            keys.append("note:" + note_key(NOTES[int(rng.integers(0, len(NOTES)))]))
        title = " ".join(self.vocabulary[i] for i in text_words[:4]).title()
        author = authors[int(rng.integers(0, len(authors)))]
        summary = " ".join(self.vocabulary[i] for i in text_words[4:30]).capitalize() + "."
        chapters = max(1, words // 4000)
        row = (
            work_id, work_id, True, title, title.casefold()[:200], author, author.casefold()[:200],
            f"<p>{summary}</p>", " ".join(str(t.id) for t in raw), " ".join(filter_ids + keys),
            language, complete, len(plans), words, chapters, chapters if complete else None,
            datetime.fromtimestamp(posted, UTC), datetime.fromtimestamp(updated, UTC),
            kudos, kudos * int(rng.integers(8, 30)), kudos // 8, int(rng.integers(0, 40)),
        )  # fmt: skip
        body = " ".join(self.vocabulary[i] for i in text_words[30:])
        return row, normalise_document(title, summary, body)

    def tag_rows(self) -> list[tuple]:
        """FilterTag rows in column order (id, name, name_key, type, canonical, merger, keys, rev)."""
        return [
            (
                t.id,
                t.name,
                t.name.casefold()[:150],
                t.type,
                t.canonical,
                t.merger_id,
                t.filter_keys(),
                0,
            )
            for t in self.tags
        ]


WORK_COLUMNS = (
    "work_id", "revision", "visible", "title", "title_key", "authors", "author_key", "summary",
    "tag_ids", "filter_keys", "language", "complete", "fandom_count", "words", "chapters",
    "expected_chapters", "posted", "updated", "kudos", "hits", "bookmarks", "comments",
)  # fmt: skip
TAG_COLUMNS = (
    "id",
    "name",
    "name_key",
    "type",
    "canonical",
    "merger_id",
    "filter_keys",
    "revision",
)


def populate(connection, archive: SyntheticArchive, progress=print) -> dict[str, float]:
    """Write the synthetic archive into the (empty, migrated) browse tables; returns timings."""
    from fanarchive.browse.fulltext import backend_for

    timings: dict[str, float] = {}
    started = time.perf_counter()
    fulltext = backend_for(connection)
    with connection.cursor() as cursor:
        _insert(connection, cursor, "browse_filtertag", TAG_COLUMNS, archive.tag_rows())
        if connection.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS browse_textterms_gin")  # built once at the end
        done = 0
        for rows, documents in archive.work_rows():
            _insert(connection, cursor, "browse_workindex", WORK_COLUMNS, rows)
            text_rows = [r for work_id, text in documents for r in fulltext.rows(work_id, text)]
            if connection.vendor == "postgresql":
                _copy_tsvectors(cursor, text_rows)
                _copy_terms(
                    cursor,
                    [r for work_id, text in documents for r in fulltext.terms_rows(work_id, text)],
                )
            else:
                cursor.executemany(fulltext.insert_sql(), text_rows)
            done += len(rows)
            if done % 100_000 < len(rows):
                progress(f"  {done:,} works written ({time.perf_counter() - started:.0f} s)")
        timings["write"] = time.perf_counter() - started
        if connection.vendor == "postgresql":
            started = time.perf_counter()
            for statement in fulltext.terms_index_sql():
                cursor.execute(statement)
            cursor.execute("ANALYZE")
            timings["gin index"] = time.perf_counter() - started
    return timings


def _insert(connection, cursor, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(columns))
    cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def _copy_tsvectors(cursor, rows: list[tuple]) -> None:
    """COPY the text into a temporary table, then compute tsvectors in one INSERT ... SELECT."""
    cursor.execute(
        "CREATE TEMP TABLE IF NOT EXISTS browse_fulltext_load (work_id bigint, segment int, document text)"
    )
    with cursor.cursor.copy(
        "COPY browse_fulltext_load (work_id, segment, document) FROM STDIN"
    ) as copy:
        for row in rows:
            copy.write_row(row)
    cursor.execute(
        "INSERT INTO browse_fulltext (work_id, segment, document) "
        "SELECT work_id, segment, to_tsvector('simple', document) FROM browse_fulltext_load"
    )
    cursor.execute("TRUNCATE browse_fulltext_load")


def _copy_terms(cursor, rows: list[tuple]) -> None:
    """COPY (work id, part, terms) rows through a temporary table into browse_textterms.

    Terms arrive as one newline-joined string, as `PostgresFullText.terms_rows` makes them.
    """
    cursor.execute(
        "CREATE TEMP TABLE IF NOT EXISTS browse_textterms_load (work_id bigint, part int, terms text)"
    )
    with cursor.cursor.copy("COPY browse_textterms_load (work_id, part, terms) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    cursor.execute(
        "INSERT INTO browse_textterms (work_id, part, terms) "
        "SELECT work_id, part, array_to_tsvector(string_to_array(terms, E'\\n'))"
        " FROM browse_textterms_load"
    )
    cursor.execute("TRUNCATE browse_textterms_load")
