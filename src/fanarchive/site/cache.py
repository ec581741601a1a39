"""A Redis cache that degrades instead of failing: the archive runs without its cache.

Everything kept in the cache can be recomputed (whole pages for anonymous readers, the page
cache's version, "analysis queued" marks, log-in rate-limit counters), so when Redis cannot
be reached a read is a miss and a write is dropped, with one warning in the log, instead of
a 500 on every page and every post. After a failure this process leaves Redis alone for
RETRY_SECONDS: a host that drops packets would otherwise cost a connect timeout on every call.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)
RETRY_SECONDS = 5.0  # incr (the page cache's version bump) is tried regardless
_down_until: dict[str, float] = {}  # cache location -> monotonic time to try again


class CacheUnavailable(ValueError):
    """incr() on an unreachable cache: like a missing key (Django's incr raises ValueError)."""


class FailSoftRedisCache(RedisCache):
    def _call(self, name: str, fallback, *args, always_try: bool = False, **kwargs):
        location = ",".join(self._servers)
        if not always_try and time.monotonic() < _down_until.get(location, 0.0):
            return fallback()
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except self._lib_errors() as error:
            if location not in _down_until:
                log.warning("cache %s unreachable (%s); serving without it", location, error)
            _down_until[location] = time.monotonic() + RETRY_SECONDS
            return fallback()
        except Exception:  # Redis answered (e.g. incr of a missing key): it is reachable
            _reachable(location)
            raise
        _reachable(location)
        return result

    @staticmethod
    def _lib_errors() -> tuple[type[BaseException], ...]:
        import redis

        return (redis.exceptions.RedisError, OSError)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", lambda: False, key, value, timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", lambda: default, key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", lambda: None, key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda: False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", lambda: False, key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: False, key, version=version)

    def incr(self, key, delta=1, version=None):
        def unavailable():
            raise CacheUnavailable(f"cache unavailable: {key!r} not incremented")

        # The page cache's version bump: tried even while backing off, since a bump skipped
        # leaves other processes serving pages from before the change.
        return self._call("incr", unavailable, key, delta, version=version, always_try=True)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", lambda: list(data), data, timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", lambda: None, keys, version=version)

    def clear(self):
        return self._call("clear", lambda: None)


def _reachable(location: str) -> None:
    if _down_until.pop(location, None) is not None:
        log.warning("cache %s reachable again", location)
