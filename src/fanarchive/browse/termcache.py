"""Posting bitmaps of frequent search terms, held per process (PostgreSQL full text).

A GIN index finds a term's rows quickly, but returning their work ids means visiting one heap
page per matching row: ~25 µs each when the table is larger than shared_buffers, so a word in
12,000 works costs ~300 ms on every query. Terms found in at least `MIN_WORKS` works keep their
work ids here as a roaring bitmap after the first look-up, like the tag bitmaps of
browse.bitmaps; rarer terms are cheap to look up each time and are not kept.

The database stays the truth. The cache is refreshed by the same revision check that keeps the
filter index current (service.IndexHolder): the works whose rows changed are re-read and
re-filed in every cached bitmap, and a full index rebuild empties it. A look-up that raced with
such a refresh is not stored (see `generation`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable

from pyroaring import BitMap

MIN_WORKS = 1_000  # below this a GIN look-up is cheap (< ~25 ms); not worth the memory
BUDGET_BYTES = 256 * 1024 * 1024  # least recently used terms are dropped beyond this


class TermCache:
    def __init__(self, min_works: int = MIN_WORKS, budget_bytes: int = BUDGET_BYTES) -> None:
        self.min_works = min_works
        self.budget_bytes = budget_bytes
        self.postings: OrderedDict[str, BitMap] = OrderedDict()
        self.sizes: dict[str, int] = {}
        self.bytes = 0
        # Bumped by every refresh and clear: a look-up that started before one may have read
        # rows the refresh has since re-filed, so its answer is not stored.
        self.generation = 0
        self.lock = threading.Lock()
        # Estimated works per frequent term (PostgreSQL's ANALYZE statistics, loaded once per
        # process): orders look-ups rarest first. Only speed depends on it, never answers.
        self.estimates: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.postings)

    def get(self, term: str) -> BitMap | None:
        """A copy (callers may combine it freely) or None when the term is not cached."""
        with self.lock:
            bitmap = self.postings.get(term)
            if bitmap is None:
                return None
            self.postings.move_to_end(term)
            return bitmap.copy()

    def offer(self, term: str, bitmap: BitMap, generation: int) -> None:
        """Keep a freshly read posting if it is frequent and nothing changed meanwhile."""
        if len(bitmap) < self.min_works:
            return
        size = len(bitmap.serialize())
        with self.lock:
            if generation != self.generation or term in self.postings or size > self.budget_bytes:
                return
            self.postings[term] = bitmap.copy()
            self.sizes[term] = size
            self.bytes += size
            while self.bytes > self.budget_bytes:
                oldest, _ = self.postings.popitem(last=False)
                self.bytes -= self.sizes.pop(oldest)

    def prime(self, postings: Iterable[tuple[str, BitMap]]) -> int:
        """Store frequent terms' postings read ahead of any search, most frequent first, until
        the budget is full; returns how many were kept. The caller re-files works changed
        since the read began (service.warm_terms)."""
        kept = 0
        for term, bitmap in postings:
            size = len(bitmap.serialize())
            if len(bitmap) < self.min_works:
                continue
            with self.lock:
                if self.bytes + size > self.budget_bytes:
                    break
                if term not in self.postings:
                    self.bytes += size
                self.postings[term] = bitmap
                self.sizes[term] = size
                kept += 1
        return kept

    def refresh(self, changed: Iterable[int], terms_of: dict[int, Iterable[str]]) -> None:
        """Re-file changed works: out of every cached posting, back into their terms' ones.

        `terms_of` maps each changed work that is still searchable to its terms; a changed
        work missing from it (hidden, deleted) is only removed.
        """
        changed = BitMap(changed)
        with self.lock:
            self.generation += 1
            if not self.postings or not changed:
                return
            for bitmap in self.postings.values():
                bitmap.difference_update(changed)
            for work_id, terms in terms_of.items():
                for term in terms:
                    bitmap = self.postings.get(term)
                    if bitmap is not None:
                        bitmap.add(work_id)

    def clear(self) -> None:
        with self.lock:
            self.generation += 1
            self.estimates = None
            self.postings.clear()
            self.sizes.clear()
            self.bytes = 0

    def dumps(self) -> dict:
        with self.lock:
            return {term: bitmap.serialize() for term, bitmap in self.postings.items()}

    def load(self, snapshot: dict) -> None:
        self.clear()
        with self.lock:
            for term, raw in snapshot.items():
                self.postings[term] = BitMap.deserialize(raw)
                self.sizes[term] = len(raw)
                self.bytes += len(raw)
