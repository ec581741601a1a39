"""A fixed test corpus written straight into the browse tables (no archive models needed).

Hand-made works pin the behaviours the tests name (synonyms, sub tags, crossovers, analysis
keys, accents, a phrase deep in a long work); a seeded batch of generated works makes pages.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from django.core.cache import cache

from fanarchive.browse.filters import note_key
from fanarchive.browse.fulltext import backend_for
from fanarchive.browse.models import FilterTag, WorkIndex
from fanarchive.browse.service import HOLDER
from fanarchive.browse.sync import sort_key
from fanarchive.browse.textquery import normalise_document

MINORS = note_key("Minors in a Romantic or Sexual Scene")
# id: (name, type, merger, filter keys)
TAGS = {
    1: ("Naruto", "fandom", None, "1"),
    2: ("Harry Potter - J. K. Rowling", "fandom", None, "2"),
    3: ("Bleach", "fandom", None, "3"),
    10: ("Uzumaki Naruto", "character", None, "10"),
    11: ("Naruto Uzumaki", "character", 10, "10"),
    12: ("Hatake Kakashi", "character", None, "12"),
    13: ("Haruno Sakura", "character", None, "13"),
    14: ("Harry Potter", "character", None, "14"),
    15: ("Hermione Granger", "character", None, "15"),
    20: ("Hatake Kakashi/Uzumaki Naruto", "relationship", None, "20"),
    21: ("Haruno Sakura/Uzumaki Naruto", "relationship", None, "21"),
    30: ("Angst", "freeform", None, "30"),
    31: ("Angst with a Happy Ending", "freeform", None, "31 30"),
    32: ("angsty but happy", "freeform", 31, "31 30"),
    33: ("Fluff", "freeform", None, "33"),
    34: ("Alternate Universe", "freeform", None, "34"),
    40: ("General Audiences", "rating", None, "40"),
    41: ("Explicit", "rating", None, "41"),
    42: ("No Archive Warnings Apply", "warning", None, "42"),
    43: ("Gen", "category", None, "43"),
    44: ("M/M", "category", None, "44"),
}
# A phrase deep in a long work, and a two-word phrase after its first word's 300th use
# (PostgreSQL keeps only 256 positions per word in a tsvector).
LONG_BODY = (
    " ".join(["filler words go here"] * 6000)
    + " the secret phrase hides deep "
    + "echo " * 300
    + "echo chamber "
    + "end " * 50
)
# title, tags, extra keys, words, kudos, language, complete, days ago, text
HANDMADE = [
    (
        "Sunrise Over Konoha",
        [40, 42, 43, 1, 11, 12, 33],
        ["speaks:10", "speaks_most:12"],
        1200,
        50,
        "english",
        True,
        1,
        "A gentle morning. Ramen and tea.",
    ),
    (
        "Ashes",
        [41, 42, 44, 1, 10, 12, 20, 32],
        ["speaks:10", "speaks:12", "speaks_most:10", "pairing:20"],
        45000,
        900,
        "english",
        False,
        3,
        "Kakashi remembers the war. Café déjà vu.",
    ),
    (
        "The Last Train",
        [40, 42, 43, 1, 13, 21, 30],
        ["speaks:13", "speaks_most:13", "pairing:21", f"note:{MINORS}"],
        8000,
        300,
        "english",
        True,
        10,
        "Sakura waits on the platform.",
    ),
    (
        "Crossing Worlds",
        [40, 42, 43, 1, 2, 10, 14, 34],
        ["crossover", "speaks:14", "speaks_most:14"],
        20000,
        120,
        "english",
        True,
        20,
        "Naruto meets Harry at the station.",
    ),
    (
        "Mañana",
        [40, 42, 43, 3],
        [],
        500,
        5,
        "espanol",
        True,
        30,
        "Un cuento corto sobre la lluvia.",
    ),
    (
        "Long Road",
        [40, 42, 43, 1, 10],
        ["speaks:10", "speaks_most:10"],
        30000,
        10,
        "english",
        False,
        40,
        LONG_BODY,
    ),
]


def load(generated: int = 150, seed: int = 11) -> dict[str, int]:
    """Write the corpus; returns title -> work id for the hand-made works.

    Whatever the archive's own setup filed (its fixed tags) is cleared first.
    """
    FilterTag.objects.all().delete()
    WorkIndex.objects.all().delete()
    FilterTag.objects.bulk_create(
        FilterTag(
            id=i,
            name=n,
            name_key=n.casefold(),
            type=t,
            canonical=m is None,
            merger_id=m,
            filter_keys=k,
            revision=1,
        )
        for i, (n, t, m, k) in TAGS.items()
    )
    now = datetime(2026, 1, 1, tzinfo=UTC)
    rows, documents, ids = [], [], {}
    for number, (title, tags, extra, words, kudos, language, complete, days, text) in enumerate(
        HANDMADE, 1
    ):
        ids[title] = number
        rows.append(
            _row(
                number,
                title,
                tags,
                extra,
                words,
                kudos,
                language,
                complete,
                now - timedelta(days=days),
            )
        )
        documents.append((number, normalise_document(title, text)))
    rng = random.Random(seed)
    words = [
        "moon",
        "river",
        "lantern",
        "fox",
        "shadow",
        "storm",
        "blossom",
        "letter",
        "promise",
        "bridge",
    ]
    for number in range(len(HANDMADE) + 1, len(HANDMADE) + generated + 1):
        fandom = rng.choice([1, 1, 1, 2, 3])
        tags = [rng.choice([40, 41]), 42, rng.choice([43, 44]), fandom]
        if fandom == 1:
            tags += rng.sample([10, 11, 12, 13, 20, 21], rng.randint(1, 3))
        else:
            tags += rng.sample([14, 15], rng.randint(0, 2))
        tags += rng.sample([30, 31, 32, 33, 34], rng.randint(0, 2))
        speaks = [f"speaks:{t}" for t in tags if t in (10, 12, 13, 14, 15)]
        extra = speaks + ([speaks[0].replace("speaks:", "speaks_most:")] if speaks else [])
        if rng.random() < 0.1:
            extra.append(f"note:{MINORS}")
        title = " ".join(rng.sample(words, 2)).title()
        rows.append(_row(number, title, tags, extra, rng.randint(100, 60000), rng.randint(0, 40),
                         rng.choice(["english", "english", "francais"]), rng.random() < 0.5,
                         now - timedelta(days=rng.randint(0, 900))))  # fmt: skip
        documents.append((number, normalise_document(title, " ".join(rng.choices(words, k=12)))))
    WorkIndex.objects.bulk_create(rows)
    backend_for().put(documents)
    _mark_archive_synced()
    HOLDER.reset()
    cache.clear()  # the anonymous page cache only watches the archive's own models
    return ids


def _mark_archive_synced() -> None:
    """The corpus replaces whatever the archive filed; keep the listing's catch-up from
    re-deriving the browse tables from the (unrelated) archive rows of the test database."""
    from django.apps import apps
    from django.db.models import Max

    from fanarchive.browse.models import SyncMark

    for name, label in (("tag", "tags.Tag"), ("tagging", "works.Tagging")):
        if apps.is_installed("fanarchive." + label.split(".")[0]):
            newest = apps.get_model(label).objects.aggregate(top=Max("id"))["top"] or 0
            SyncMark.objects.update_or_create(name=name, defaults={"value": newest})


def _row(work_id, title, tags, extra, words, kudos, language, complete, updated) -> WorkIndex:
    keys: list[str] = []
    for tag in tags:
        keys.extend(TAGS[tag][3].split())
    keys += [f"lang:{language}"] + (["complete"] if complete else []) + extra
    fandoms = {t for t in tags if TAGS[t][1] == "fandom"}
    if len(fandoms) > 1 and "crossover" not in keys:
        keys.append("crossover")
    author = f"author{work_id % 7}"
    return WorkIndex(
        work_id=work_id, revision=1, visible=True, title=title, title_key=sort_key(title),
        authors=author, author_key=author, summary=f"<p>Summary of {title}.</p>",
        tag_ids=" ".join(map(str, tags)), filter_keys=" ".join(dict.fromkeys(keys)),
        language=language, complete=complete, fandom_count=len(fandoms), words=words,
        posted=updated - timedelta(days=30), updated=updated, kudos=kudos, hits=kudos * 10,
        bookmarks=kudos // 3, comments=work_id % 9,
    )  # fmt: skip
