"""Test code run in a thread of its own, with its own database connection."""

from __future__ import annotations

import threading

from django.db import connection


def in_thread(target, name: str | None = None) -> tuple[threading.Thread, list]:
    """Start `target` in a daemon thread; the list it returns collects what the target raised."""
    errors: list = []

    def run():
        try:
            target()
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            connection.close()  # each thread has its own connection to the test database

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread, errors
