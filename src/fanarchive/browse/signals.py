"""Keeps the browse tables in step with the archive's models (connected in BrowseConfig.ready)."""

from __future__ import annotations

from django.apps import apps


def connect() -> None:
    """Connect the archive's save/delete signals when the archive apps are installed."""
    if not (apps.is_installed("fanarchive.works") and apps.is_installed("fanarchive.tags")):
        return  # e.g. the benchmark runs the browse app on its own
    from fanarchive.browse import sync

    sync.connect_signals()
