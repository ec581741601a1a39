"""The per-process cache of frequent search terms' work ids, and the terms it is keyed by."""

from pyroaring import BitMap

from fanarchive.browse.fulltext import term_parts
from fanarchive.browse.termcache import TermCache
from fanarchive.browse.textquery import item_terms, terms


def test_terms_are_words_and_adjacent_pairs():
    assert terms("the cat saw the cat") == [
        "cat", "cat saw", "saw", "saw the", "the", "the cat",
    ]  # fmt: skip
    assert terms("") == []
    assert item_terms(("moon",)) == ["moon"]
    assert item_terms(("a", "b", "a", "b")) == ["a b", "b a"]


def test_term_parts_fit_a_tsvector():
    many = [f"word{n:07d}" for n in range(200_000)]
    parts = term_parts(many)
    assert len(parts) > 1 and [t for part in parts for t in part] == many
    assert all(sum(len(t) + 8 for t in part) <= 900_000 for part in parts)
    assert term_parts([]) == []


def test_only_frequent_terms_are_kept_and_copies_are_handed_out():
    cache = TermCache(min_works=3)
    cache.offer("rare", BitMap([1, 2]), cache.generation)
    cache.offer("common", BitMap([1, 2, 3, 4]), cache.generation)
    assert cache.get("rare") is None
    got = cache.get("common")
    got.add(99)  # a caller combining the answer must not change the cache
    assert cache.get("common") == BitMap([1, 2, 3, 4])


def test_a_look_up_that_raced_a_refresh_is_not_stored():
    cache = TermCache(min_works=1)
    started = cache.generation
    cache.refresh([5], {5: ["moon"]})  # a work changed while the look-up was reading
    cache.offer("moon", BitMap([1, 2]), started)
    assert cache.get("moon") is None


def test_refresh_refiles_changed_works():
    cache = TermCache(min_works=1)
    cache.offer("moon", BitMap([1, 2, 3]), cache.generation)
    cache.offer("river", BitMap([3, 4]), cache.generation)
    # Work 2 lost "moon" and gained "river"; work 3 was deleted; work 9 is new.
    cache.refresh([2, 3, 9], {2: ["river"], 9: ["moon", "sea"]})
    assert cache.get("moon") == BitMap([1, 9])
    assert cache.get("river") == BitMap([2, 4])
    assert cache.get("sea") is None  # not cached before: looked up afresh when asked


def test_least_recently_used_terms_leave_first_when_over_budget():
    one = len(BitMap(range(0, 4000, 2)).serialize())
    cache = TermCache(min_works=1, budget_bytes=2 * one + 10)
    for term in ("a", "b"):
        cache.offer(term, BitMap(range(0, 4000, 2)), cache.generation)
    cache.get("a")  # "b" is now the least recently used
    cache.offer("c", BitMap(range(0, 4000, 2)), cache.generation)
    assert cache.get("b") is None and cache.get("a") is not None and cache.get("c") is not None
    assert cache.bytes <= cache.budget_bytes


def test_snapshot_round_trip():
    cache = TermCache(min_works=1)
    cache.offer("moon", BitMap([1, 5]), cache.generation)
    restored = TermCache(min_works=1)
    restored.load(cache.dumps())
    assert restored.get("moon") == BitMap([1, 5])


def test_priming_keeps_the_most_frequent_terms_within_budget():
    big = BitMap(range(0, 4000, 2))
    cache = TermCache(min_works=2, budget_bytes=len(big.serialize()) * 2 + 10)
    postings = [("a", big), ("b", BitMap(big)), ("rare", BitMap([1])), ("c", BitMap(big))]
    assert cache.prime(iter(postings)) == 2
    assert set(cache.postings) == {"a", "b"} and cache.bytes <= cache.budget_bytes


def test_terms_rows_hold_every_term_in_parts_that_fit():
    from fanarchive.browse.fulltext import TERMS_PART_BYTES, PostgresFullText

    backend = PostgresFullText(connection=object())  # rows are computed, nothing is sent
    short = "the cat saw the cat"
    (row,) = backend.terms_rows(7, short)
    assert row[:2] == (7, 0) and sorted(row[2].split("\n")) == terms(short)
    long = " ".join(f"wörd{n:06d}" for n in range(120_000))  # ~240,000 terms, several MB
    rows = backend.terms_rows(8, long)
    assert len(rows) > 1 and [r[1] for r in rows] == list(range(len(rows)))
    sizes = [sum(len(t.encode()) + 8 for t in r[2].split("\n")) for r in rows]
    assert max(sizes) <= TERMS_PART_BYTES
    assert sorted(t for r in rows for t in r[2].split("\n")) == terms(long)
