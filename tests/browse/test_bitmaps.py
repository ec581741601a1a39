import random

import pytest

from fanarchive.browse import bitmaps
from fanarchive.browse.bitmaps import BrowseIndex, Selection, WorkEntry

TAG_TYPES = {
    1: "fandom",
    2: "fandom",
    10: "character",
    11: "character",
    12: "character",
    20: "freeform",
}


def corpus(count=400, seed=5):
    rng = random.Random(seed)
    entries = []
    for work_id in range(1, count + 1):
        keys = [rng.choice([1, 1, 1, 2])]
        keys += rng.sample([10, 11, 12, 20], rng.randint(0, 3))
        if rng.random() < 0.5:
            keys.append("complete")
        keys.append(rng.choice(["lang:en", "lang:en", "lang:fr"]))
        entries.append(
            WorkEntry(
                work_id=work_id * 3,  # sparse ids
                keys=keys,
                words=rng.randint(100, 90_000),
                posted=rng.randint(0, 10**9),
                updated=rng.randint(0, 10**9),
                kudos=rng.randint(0, 5),  # many ties: order must fall back on the id
                hits=rng.randint(0, 10_000),
                title_rank=rng.randint(0, 50) * 1024,
                author_rank=work_id * 1024,
            )
        )
    return entries


def brute(entries, selection):
    found = []
    for entry in entries:
        keys = set(entry.keys)
        if not all(k in keys for k in selection.include) or any(
            k in keys for k in selection.exclude
        ):
            continue
        ok = True
        for name, (low, high) in selection.ranges.items():
            value = getattr(entry, name)
            ok &= (low is None or value >= low) and (high is None or value <= high)
        if ok:
            found.append(entry)
    column = {"title": "title_rank", "author": "author_rank"}.get(selection.sort, selection.sort)
    found.sort(key=lambda e: (getattr(e, column), e.work_id), reverse=selection.descending)
    return found


@pytest.fixture(scope="module")
def entries():
    return corpus()


@pytest.fixture(scope="module")
def index(entries):
    return BrowseIndex.build(entries, TAG_TYPES)


SELECTIONS = [
    Selection(),
    Selection(include=[1], sort="kudos"),
    Selection(include=[1, 10], exclude=[20], sort="hits", descending=False),
    Selection(include=["lang:fr"], exclude=["complete"], sort="title", descending=False),
    Selection(ranges={"words": (10_000, 50_000)}, sort="words"),
    Selection(include=[2], ranges={"posted": (None, 5 * 10**8)}, sort="author", offset=20),
    Selection(include=[1], sort="kudos", offset=37, limit=13),
    Selection(include=[999]),
]


@pytest.mark.parametrize("dense", [False, True])
@pytest.mark.parametrize("selection", SELECTIONS)
def test_pages_match_a_brute_force_sort(index, entries, selection, dense, monkeypatch):
    # dense: every result walks the cached full order and ranges are cut from sorted columns
    monkeypatch.setattr(bitmaps, "DENSE_FRACTION", 10**9 if dense else 0)
    expected = brute(entries, selection)
    result = index.search(selection)
    assert result.total == len(expected)
    window = expected[selection.offset : selection.offset + selection.limit]
    assert result.ids == [e.work_id for e in window]


def test_every_page_in_turn_covers_the_result_once(index, entries):
    seen = []
    for page in range(30):
        seen += index.search(Selection(include=[1], sort="kudos", offset=page * 20)).ids
    assert seen == [e.work_id for e in brute(entries, Selection(include=[1], sort="kudos"))]


def facet_truth(entries, selection, group_of, limit):
    counts = {}
    for entry in brute(entries, selection):
        for key in entry.keys:
            counts[key] = counts.get(key, 0) + 1
    groups = {}
    for key, count in counts.items():
        group = group_of(key)
        if group:
            groups.setdefault(group, []).append(count)
    return {g: sorted(c, reverse=True)[:limit] for g, c in groups.items()}


@pytest.mark.parametrize("path", ["small", "sampled", "large"])
@pytest.mark.parametrize("selection", SELECTIONS[:6])
def test_facet_counts_are_exact_on_every_path(index, entries, selection, path, monkeypatch):
    monkeypatch.setattr(bitmaps, "SMALL_RESULT", 10**9 if path == "small" else -1)
    monkeypatch.setattr(bitmaps, "SAMPLED_RESULT", 10**9 if path == "sampled" else -1)
    monkeypatch.setattr(bitmaps, "FACET_SAMPLE", 40)  # a real sample: every ~5th work
    facets = index.facets(index.matches(selection), limit=2)
    truth = facet_truth(entries, selection, lambda k: bitmaps.key_group(k, TAG_TYPES), 2)
    assert {g: [c for _, c in shown] for g, shown in facets.items() if shown} == truth


def test_all_facet_paths_agree_on_ties(index, monkeypatch):
    result = index.matches(Selection(include=["lang:fr"]))
    small = index.facets(result, limit=3)
    monkeypatch.setattr(bitmaps, "SMALL_RESULT", -1)
    assert index.facets(result, limit=3) == small  # sampled
    monkeypatch.setattr(bitmaps, "SAMPLED_RESULT", -1)
    assert index.facets(result, limit=3) == small  # large


@pytest.mark.parametrize("dense", [False, True])
def test_upsert_and_remove_refile_a_work(entries, dense, monkeypatch):
    monkeypatch.setattr(bitmaps, "DENSE_FRACTION", 10**9 if dense else 0)
    index = BrowseIndex.build(entries[:50], TAG_TYPES)
    index.warm()
    index.upsert(WorkEntry(work_id=10_000, keys=[2, 12], kudos=99, author_rank=5))
    assert index.search(Selection(include=[12], sort="kudos")).ids[0] == 10_000
    index.upsert(WorkEntry(work_id=10_000, keys=[1], kudos=99))
    assert 10_000 not in index.search(Selection(include=[12], limit=100)).ids
    index.remove(10_000)
    assert index.search(Selection(include=[1], sort="kudos")).ids[0] != 10_000
    facets = index.facets(index.matches(Selection()), limit=5)
    assert all(k != 12 or c < 50 for k, c in facets["character"])


def test_snapshot_round_trip(index):
    copy = BrowseIndex.loads(index.dumps())
    for selection in SELECTIONS:
        assert copy.search(selection) == index.search(selection)


def test_rank_between_neighbours(index):
    assert index.rank_between("author", 3, 6) == (1024 + 2048) // 2
    assert index.rank_between("author", None, 3) == (-1 + 1024) // 2


def test_bulk_build_from_columns_matches_the_entry_build(index, entries):
    import numpy as np

    from fanarchive.browse.bitmaps import SORT_COLUMNS

    def column(name):
        attribute = {"title": "title_rank", "author": "author_rank"}.get(name, name)
        return np.array([getattr(e, attribute) for e in entries], dtype=np.int64)

    bulk = BrowseIndex.from_columns(
        np.array([e.work_id for e in entries]),
        [" ".join(str(k) for k in e.keys) for e in entries],
        {name: column(name) for name in SORT_COLUMNS},
        TAG_TYPES,
    )
    for selection in SELECTIONS:
        assert bulk.search(selection) == index.search(selection)
    assert {k: len(b) for k, b in bulk.bitmaps.items()} == {
        k: len(b) for k, b in index.bitmaps.items()
    }
    bulk.upsert(WorkEntry(work_id=5, keys=[12, "lang:fr"], kudos=1000))
    assert bulk.search(Selection(include=[12], sort="kudos")).ids[0] == 5
