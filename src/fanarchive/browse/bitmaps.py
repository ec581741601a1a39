"""The derived in-memory filter index: one roaring bitmap per filter key, sort keys as arrays.

The database stays the source of truth (browse.models.WorkIndex); this index is rebuilt from it
and kept current incrementally. Filter keys are canonical tag ids (ints: a work carries the
canonical tag of every tag it has plus all their meta tags, so a filter on a canonical tag finds
its synonyms and sub tags) and short strings for everything else: ``lang:en``, ``complete``,
``crossover``, ``speaks:<tag id>``, ``speaks_most:<tag id>``, ``pairing:<tag id>``,
``note:<folded content note>``.

A query intersects and subtracts bitmaps (microseconds to a few ms at 1M works), narrows
numeric ranges on the candidate array with numpy, then picks the requested page with an
O(n) partial sort on a unique composite sort key (value * 2**24 + id): page 500 costs what
page 1 costs, and no database OFFSET is ever scanned.

Facet counts take one of two exact paths. A large result intersects it with each candidate
key's bitmap, largest keys first, and stops as soon as a key's global size cannot beat the
current top list. A small result (where that pruning cannot stop early) instead gathers the
keys of its works from a CSR array (per work: start and length into one int32 array of key
codes) and counts them with numpy's bincount. Both break ties the same way.
"""

from __future__ import annotations

import array
import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from pyroaring import BitMap

SMALL_RESULT = 20_000  # results up to this size count facets from the per-work key lists
SAMPLED_RESULT = 250_000  # up to this size, a sample picks each group's candidates
FACET_SAMPLE = 8_000  # works in that systematic sample
SAMPLE_CANDIDATES = 3  # candidates per shown entry, counted exactly
DENSE_FRACTION = 8  # results above 1/8 of the archive page by walking a cached full sort order
ID_BITS = 24  # composite sort keys stay unique for work ids below 16.7 million
VALUE_COLUMNS = ("words", "posted", "updated", "kudos", "hits", "bookmarks", "comments")
RANK_COLUMNS = ("title", "author")
SORT_COLUMNS = VALUE_COLUMNS + RANK_COLUMNS
STRING_KEY_GROUPS = {
    "lang": "language",
    "speaks": "speaks",
    "speaks_most": "speaks_most",
    "pairing": "pairing",
    "note": "note",
}


def bitmap_of(ids: np.ndarray) -> BitMap:
    """BitMap from a numpy id array via array.array: ~7x faster than iterating numpy scalars."""
    buffer = array.array("I")
    buffer.frombytes(np.ascontiguousarray(ids, dtype=np.uint32).tobytes())
    return BitMap(buffer)


def ids_of(bitmap: BitMap) -> np.ndarray:
    return np.frombuffer(bitmap.to_array(), dtype=np.uint32).astype(np.int64)


def key_group(key: int | str, tag_types: dict[int, str]) -> str | None:
    if isinstance(key, int):
        return tag_types.get(key)
    prefix = key.split(":", 1)[0]
    return STRING_KEY_GROUPS.get(prefix)


@dataclass
class WorkEntry:
    """One work as the index sees it (built from a WorkIndex row)."""

    work_id: int
    keys: list[int | str]
    words: int = 0
    posted: int = 0  # seconds since the epoch
    updated: int = 0
    kudos: int = 0
    hits: int = 0
    bookmarks: int = 0
    comments: int = 0
    title_rank: int = 0  # position in title order (gapped, see BrowseIndex.RANK_GAP)
    author_rank: int = 0


@dataclass
class Selection:
    include: list[int | str] = field(default_factory=list)
    exclude: list[int | str] = field(default_factory=list)
    ranges: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    within: BitMap | None = None  # e.g. the full-text matches
    without: BitMap | None = None  # e.g. works matching a negated full-text word
    sort: str = "updated"
    descending: bool = True
    offset: int = 0
    limit: int = 20
    facet_limit: int = 10


@dataclass
class Result:
    total: int
    ids: list[int]
    facets: dict[str, list[tuple[int | str, int]]]
    revision: int = 0  # the index revision that answered (set by the service)


class BrowseIndex:
    RANK_GAP = 1024  # room to slot new titles between neighbours without re-ranking

    def __init__(self, tag_types: dict[int, str] | None = None) -> None:
        self.tag_types: dict[int, str] = dict(tag_types or {})
        self.bitmaps: dict[int | str, BitMap] = {}
        self.all = BitMap()
        self.columns: dict[str, np.ndarray] = {
            name: np.zeros(0, dtype=np.int64) for name in VALUE_COLUMNS + RANK_COLUMNS
        }
        self._groups: dict[str, list[int | str]] | None = None
        self._orders: dict[
            tuple[str, bool | str], np.ndarray
        ] = {}  # full sort orders, built lazily
        self.revision = 0
        # Per-work key lists for small-result facets: codes[starts[w] : starts[w] + lengths[w]].
        self.key_codes: dict[int | str, int] = {}
        self.code_keys: list[int | str] = []
        self.codes = array.array("i")
        self.starts = np.zeros(0, dtype=np.int64)
        self.lengths = np.zeros(0, dtype=np.int32)
        self._code_group = np.zeros(0, dtype=np.int32)
        self._code_position = np.zeros(0, dtype=np.int64)
        self._group_names: list[str] = []

    def _code(self, key: int | str) -> int:
        code = self.key_codes.get(key)
        if code is None:
            code = self.key_codes[key] = len(self.code_keys)
            self.code_keys.append(key)
        return code

    # ---- building and updating -------------------------------------------------------------

    @classmethod
    def build(cls, entries: Iterable[WorkEntry], tag_types: dict[int, str]) -> BrowseIndex:
        index = cls(tag_types)
        postings: dict[int | str, array.array] = {}
        ids = array.array("q")
        starts, lengths = array.array("q"), array.array("i")
        values = {name: array.array("q") for name in SORT_COLUMNS}
        for entry in entries:
            ids.append(entry.work_id)
            starts.append(len(index.codes))
            lengths.append(len(entry.keys))
            index.codes.extend([index._code(key) for key in entry.keys])
            for key in entry.keys:
                posting = postings.get(key)
                if posting is None:
                    posting = postings[key] = array.array("I")
                posting.append(entry.work_id)
            for name in VALUE_COLUMNS:
                values[name].append(getattr(entry, name))
            values["title"].append(entry.title_rank)
            values["author"].append(entry.author_rank)
        index.bitmaps = {key: BitMap(posting) for key, posting in postings.items()}
        id_array = np.frombuffer(ids, dtype=np.int64)
        index.all = bitmap_of(id_array)
        size = int(id_array.max()) + 1 if len(id_array) else 0
        for name in SORT_COLUMNS:
            column = np.zeros(size, dtype=np.int64)
            column[id_array] = np.frombuffer(values[name], dtype=np.int64)
            index.columns[name] = column
        index.starts = np.zeros(size, dtype=np.int64)
        index.starts[id_array] = np.frombuffer(starts, dtype=np.int64)
        index.lengths = np.zeros(size, dtype=np.int32)
        index.lengths[id_array] = np.frombuffer(lengths, dtype=np.int32)
        return index

    @classmethod
    def from_columns(
        cls,
        ids: np.ndarray,
        key_texts: list[str],
        values: dict[str, np.ndarray],
        tag_types: dict[int, str],
    ) -> BrowseIndex:
        """Bulk build from columns (1M works in seconds): `ids` ascending work ids,
        `key_texts` each work's space-separated filter keys, `values` one array per sort column
        (title/author holding ranks), all aligned with `ids`."""
        index = cls(tag_types)
        ids = np.asarray(ids, dtype=np.int64)
        tokens = " ".join(key_texts).split()
        counts = np.fromiter(
            (len(text.split()) for text in key_texts), dtype=np.int64, count=len(key_texts)
        )
        codes = np.fromiter(
            (index._code_of_token(token) for token in tokens), dtype=np.int32, count=len(tokens)
        )
        index.codes = array.array("i", codes.tobytes())
        owners = np.repeat(ids, counts)
        order = np.argsort(codes, kind="stable")  # stable: ids stay ascending within a key
        boundaries = np.flatnonzero(np.diff(codes[order])) + 1
        for chunk in np.split(order, boundaries) if len(order) else []:
            index.bitmaps[index.code_keys[codes[chunk[0]]]] = bitmap_of(owners[chunk])
        index.all = bitmap_of(ids)
        size = int(ids.max()) + 1 if len(ids) else 0
        for name in SORT_COLUMNS:
            column = np.zeros(size, dtype=np.int64)
            column[ids] = values[name]
            index.columns[name] = column
        index.starts = np.zeros(size, dtype=np.int64)
        index.starts[ids] = np.cumsum(counts) - counts
        index.lengths = np.zeros(size, dtype=np.int32)
        index.lengths[ids] = counts
        return index

    def _code_of_token(self, token: str) -> int:
        code = self.key_codes.get(token)  # string keys and the text of int keys share the dict
        if code is None:
            key: int | str = int(token) if token.isdigit() else token
            code = self._code(key)
            self.key_codes[token] = code
        return code

    def _grow(self, work_id: int) -> None:
        size = len(self.columns["words"])
        if work_id < size:
            return
        new_size = max(work_id + 1, size + size // 4 + 1024)
        for name, column in self.columns.items():
            grown = np.zeros(new_size, dtype=np.int64)
            grown[:size] = column
            self.columns[name] = grown
        for name in ("starts", "lengths"):
            old = getattr(self, name)
            grown = np.zeros(new_size, dtype=old.dtype)
            grown[:size] = old
            setattr(self, name, grown)

    def remove(self, work_id: int) -> None:
        if work_id not in self.all:
            return
        self._orders.clear()
        self.all.discard(work_id)
        for bitmap in self.bitmaps.values():
            bitmap.discard(work_id)

    def upsert(self, entry: WorkEntry) -> None:
        """Re-file one changed work (a few ms: it is discarded from every bitmap first)."""
        self.remove(entry.work_id)
        self._orders.clear()
        self._grow(entry.work_id)
        self.all.add(entry.work_id)
        # The old key list stays in `codes` as garbage until the next rebuild; cheap at the
        # rate works change.
        self.starts[entry.work_id] = len(self.codes)
        self.lengths[entry.work_id] = len(entry.keys)
        self.codes.extend([self._code(key) for key in entry.keys])
        for key in entry.keys:
            bitmap = self.bitmaps.get(key)
            if bitmap is None:
                bitmap = self.bitmaps[key] = BitMap()
                self._groups = None
            bitmap.add(entry.work_id)
        for name in VALUE_COLUMNS:
            self.columns[name][entry.work_id] = getattr(entry, name)
        self.columns["title"][entry.work_id] = entry.title_rank
        self.columns["author"][entry.work_id] = entry.author_rank
        self._groups = None

    def set_tag_types(self, tag_types: dict[int, str]) -> None:
        self.tag_types = dict(tag_types)
        self._groups = None

    def rank_between(self, column: str, before: int | None, after: int | None) -> int | None:
        """A rank strictly between two neighbours' ranks, or None when the gap is used up."""
        ranks = self.columns[column]
        low = int(ranks[before]) if before is not None and before < len(ranks) else -1
        if after is not None and after < len(ranks) and after in self.all:
            high = int(ranks[after])
        else:
            high = low + 2 * self.RANK_GAP
        middle = (low + high) // 2
        return middle if low < middle < high else None

    # ---- querying --------------------------------------------------------------------------

    def count(self, key: int | str) -> int:
        bitmap = self.bitmaps.get(key)
        return len(bitmap) if bitmap is not None else 0

    def matches(self, selection: Selection) -> BitMap:
        """Every work the selection's filters admit (before sorting and paging)."""
        result = self.all
        for key in sorted(selection.include, key=self.count):  # smallest first: cheapest
            result = result & self.bitmaps.get(key, BitMap())
            if not result:
                return result
        if selection.within is not None:
            result = result & selection.within
        excluded = [self.bitmaps[k] for k in selection.exclude if k in self.bitmaps]
        if selection.without is not None:
            excluded.append(selection.without)
        if excluded:
            result = result - BitMap.union(*excluded)
        if selection.ranges and result:
            result = self._narrow(result, selection.ranges)
        return result

    def _narrow(self, result: BitMap, ranges: dict[str, tuple[int | None, int | None]]) -> BitMap:
        if len(result) * DENSE_FRACTION > len(self.all):
            # Dense result: cut each range out of the column's sorted order (binary search),
            # then intersect; cheaper than testing every candidate.
            for name, (low, high) in ranges.items():
                order = self.order(name, descending=False)
                values = self.sorted_values(name)
                start = 0 if low is None else int(np.searchsorted(values, low, side="left"))
                stop = (
                    len(order) if high is None else int(np.searchsorted(values, high, side="right"))
                )
                result = result & bitmap_of(np.sort(order[start:stop]))
            return result
        candidates = ids_of(result)
        keep = np.ones(len(candidates), dtype=bool)
        for name, (low, high) in ranges.items():
            values = self.columns[name][candidates]
            if low is not None:
                keep &= values >= low
            if high is not None:
                keep &= values <= high
        return bitmap_of(candidates[keep])

    def page(
        self, result: BitMap, sort: str, descending: bool, offset: int, limit: int
    ) -> list[int]:
        """Ids of one page in sort order, ties broken by id, without sorting everything."""
        total = len(result)
        if offset >= total or limit <= 0:
            return []
        if total * DENSE_FRACTION > len(self.all):
            return self._dense_page(result, sort, descending, offset, limit)
        candidates = ids_of(result)
        keys = (self.columns[sort][candidates] << ID_BITS) + candidates
        if descending:
            keys = -keys
        wanted = min(offset + limit, total)
        nearest = np.argpartition(keys, wanted - 1)[:wanted] if wanted < total else np.arange(total)
        ordered = nearest[np.argsort(keys[nearest], kind="stable")]
        return candidates[ordered[offset:wanted]].tolist()

    def order(self, column: str, descending: bool) -> np.ndarray:
        """Every work id in (column, id) order; cached until the next change."""
        cached = self._orders.get((column, descending))
        if cached is None:
            ids = ids_of(self.all)
            keys = (self.columns[column][ids] << ID_BITS) + ids
            cached = ids[np.argsort(-keys if descending else keys)]
            self._orders[(column, descending)] = cached
        return cached

    def sorted_values(self, column: str) -> np.ndarray:
        """The column's values in ascending order (cached alongside the order)."""
        cached = self._orders.get((column, "values"))
        if cached is None:
            cached = self._orders[(column, "values")] = self.columns[column][
                self.order(column, False)
            ]
        return cached

    def _dense_page(
        self, result: BitMap, sort: str, descending: bool, offset: int, limit: int
    ) -> list[int]:
        """Walk the cached full order, keeping members: reads about (offset+limit)/density ids."""
        order = self.order(sort, descending)
        wanted = offset + limit
        if len(result) == len(self.all):
            return order[offset:wanted].tolist()
        member = np.zeros(len(self.columns[sort]), dtype=bool)
        member[ids_of(result)] = True
        span = min(len(order), int(wanted * len(order) / len(result) * 1.3) + 2048)
        while True:
            chunk = order[:span]
            hits = chunk[member[chunk]]
            if len(hits) >= wanted or span == len(order):
                return hits[offset:wanted].tolist()
            span = min(len(order), span * 2)

    def warm(self) -> None:
        """Do the one-off work (facet groups, the default order) before the first request."""
        self.groups()
        self.order("updated", True)

    def groups(self) -> dict[str, list[int | str]]:
        """Facet candidates per group, largest first (the order the pruning relies on)."""
        if self._groups is None:
            groups: dict[str, list[int | str]] = {}
            for key, bitmap in self.bitmaps.items():
                group = key_group(key, self.tag_types)
                if group is not None and bitmap:
                    groups.setdefault(group, []).append(key)
            for keys in groups.values():
                keys.sort(key=lambda k: (-len(self.bitmaps[k]), str(k)))
            self._groups = groups
            self._group_names = list(groups)
            self._code_group = np.full(len(self.code_keys), -1, dtype=np.int32)
            self._code_position = np.zeros(len(self.code_keys), dtype=np.int64)
            for number, keys in enumerate(groups.values()):
                for position, key in enumerate(keys):
                    code = self.key_codes.get(key)
                    if code is not None:
                        self._code_group[code] = number
                        self._code_position[code] = position
        return self._groups

    def _count_codes(self, ids: np.ndarray) -> np.ndarray:
        """How many of these works carry each key code (CSR gather + bincount)."""
        starts, lengths = self.starts[ids], self.lengths[ids].astype(np.int64)
        total = int(lengths.sum())
        if not total:
            return np.zeros(len(self.code_keys), dtype=np.int64)
        ends = np.cumsum(lengths)
        positions = np.repeat(starts - ends + lengths, lengths) + np.arange(total)
        codes = np.frombuffer(self.codes, dtype=np.int32)[positions]
        return np.bincount(codes, minlength=len(self.code_keys))

    def _top_from_counts(
        self, counts: np.ndarray, limit: int
    ) -> dict[str, list[tuple[int | str, int]]]:
        groups = self.groups()
        facets: dict[str, list[tuple[int | str, int]]] = {name: [] for name in groups}
        present = np.flatnonzero(counts[: len(self._code_group)])
        present = present[self._code_group[present] >= 0]
        order = np.lexsort(
            (self._code_position[present], -counts[present], self._code_group[present])
        )
        for code in present[order].tolist():
            shown = facets[self._group_names[self._code_group[code]]]
            if len(shown) < limit:
                shown.append((self.code_keys[code], int(counts[code])))
        return facets

    def _small_facets(self, result: BitMap, limit: int) -> dict[str, list[tuple[int | str, int]]]:
        """Exact top keys per group by counting the result's per-work key lists."""
        return self._top_from_counts(self._count_codes(ids_of(result)), limit)

    def _sampled_facets(self, result: BitMap, limit: int) -> dict[str, list[tuple[int | str, int]]]:
        """Mid-size results: a systematic sample of the works picks a few times `limit`
        candidates per group, whose counts are then taken exactly from the bitmaps. Counts shown
        are always exact; a key whose true rank is near the cut could in principle be missed."""
        ids = ids_of(result)
        step = max(1, -(-len(ids) // FACET_SAMPLE))
        estimates = self._top_from_counts(self._count_codes(ids[::step]), limit * SAMPLE_CANDIDATES)
        facets: dict[str, list[tuple[int | str, int]]] = {}
        for group, candidates in estimates.items():
            exact = [
                (key, result.intersection_cardinality(self.bitmaps[key])) for key, _ in candidates
            ]
            exact.sort(key=lambda pair: (-pair[1], self._code_position[self.key_codes[pair[0]]]))
            facets[group] = exact[:limit]
        return facets

    def facets(
        self, result: BitMap, limit: int, always: Iterable[int | str] = ()
    ) -> dict[str, list[tuple[int | str, int]]]:
        """Top `limit` keys per group by count within `result`, plus the keys in `always`."""
        if len(result) <= SMALL_RESULT:
            facets = self._small_facets(result, limit)
        elif len(result) <= SAMPLED_RESULT:
            facets = self._sampled_facets(result, limit)
        else:
            facets = self._large_facets(result, limit)
        for key in always:
            group = key_group(key, self.tag_types)
            if group is None:
                continue
            shown = facets.setdefault(group, [])
            if all(k != key for k, _ in shown):
                shown.append(
                    (key, result.intersection_cardinality(self.bitmaps.get(key, BitMap())))
                )
        return facets

    def _large_facets(self, result: BitMap, limit: int) -> dict[str, list[tuple[int | str, int]]]:
        facets: dict[str, list[tuple[int | str, int]]] = {}
        everything = len(result) == len(self.all)
        for group, keys in self.groups().items():
            top: list[tuple[int, int, int | str]] = []  # min-heap of (count, -position, key)
            for position, key in enumerate(keys):
                bitmap = self.bitmaps[key]
                if len(top) >= limit and len(bitmap) <= top[0][0]:
                    break  # keys are in descending global size: none later can enter the top
                count = len(bitmap) if everything else result.intersection_cardinality(bitmap)
                if not count:
                    continue
                if len(top) < limit:
                    heapq.heappush(top, (count, -position, key))
                elif count > top[0][0]:
                    heapq.heapreplace(top, (count, -position, key))
            top.sort(key=lambda item: (-item[0], -item[1]))
            facets[group] = [(key, count) for count, _, key in top]
        return facets

    def search(self, selection: Selection, always: Iterable[int | str] = ()) -> Result:
        result = self.matches(selection)
        ids = self.page(
            result, selection.sort, selection.descending, selection.offset, selection.limit
        )
        facets = self.facets(result, selection.facet_limit, always) if selection.facet_limit else {}
        return Result(total=len(result), ids=ids, facets=facets)

    # ---- persistence -----------------------------------------------------------------------

    def dumps(self) -> dict:
        """A picklable snapshot (bitmaps serialised natively: ~10x smaller than Python sets)."""
        return {
            "revision": self.revision,
            "tag_types": self.tag_types,
            "all": self.all.serialize(),
            "bitmaps": {key: bitmap.serialize() for key, bitmap in self.bitmaps.items()},
            "columns": {name: column.tobytes() for name, column in self.columns.items()},
            "code_keys": self.code_keys,
            "codes": self.codes.tobytes(),
            "starts": self.starts.tobytes(),
            "lengths": self.lengths.tobytes(),
        }

    @classmethod
    def loads(cls, snapshot: dict) -> BrowseIndex:
        index = cls(snapshot["tag_types"])
        index.revision = snapshot["revision"]
        index.all = BitMap.deserialize(snapshot["all"])
        index.bitmaps = {k: BitMap.deserialize(v) for k, v in snapshot["bitmaps"].items()}
        index.columns = {
            name: np.frombuffer(raw, dtype=np.int64).copy()
            for name, raw in snapshot["columns"].items()
        }
        index.code_keys = list(snapshot["code_keys"])
        index.key_codes = {key: code for code, key in enumerate(index.code_keys)}
        index.codes = array.array("i")
        index.codes.frombytes(snapshot["codes"])
        index.starts = np.frombuffer(snapshot["starts"], dtype=np.int64).copy()
        index.lengths = np.frombuffer(snapshot["lengths"], dtype=np.int32).copy()
        return index
