"""Helpers for tests that run `fanarchive` commands in subprocesses against a SQLite file."""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SENTENCE = (
    "the rain fell on the roof while she waited by the door and he said nothing at all "
    "about the letter they had found under the stairs in the old house by the river"
)
WORDS = re.findall(r"\w+", SENTENCE)


def write_works(folder: Path, count: int, words: int = 1500, seed: int = 7) -> list[Path]:
    """Plain-text works with distinct titles and text, a line of dialogue in each paragraph."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        paragraphs = []
        for p in range(max(1, words // 60)):
            body = " ".join(rng.choice(WORDS) for _ in range(50))
            paragraphs.append(f'"Work {index}, part {p}," said Mira. {body.capitalize()}.')
        path = folder / f"work-{index:04d}.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def command_env(database: Path, var_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE_URL"))}
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        FANARCHIVE_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="fanarchive.site.settings",
        COLUMNS="250",  # rich wraps long paths at 80 columns when not on a terminal
        PYTHONPATH=os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")]),
    )
    env.update(extra)
    return env


def fanarchive(*args: str, env: dict, timeout: float = 300, **popen) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fanarchive.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        **popen,
    )


def query(database: Path, sql: str) -> list[tuple]:
    """Read the command's database directly, retrying while a writer holds the lock."""
    for _ in range(50):
        try:
            with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as conn:
                return conn.execute(sql).fetchall()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "no such table" not in str(error):
                raise
            time.sleep(0.05)
    raise AssertionError(f"database stayed locked: {sql}")


@pytest.fixture
def archive_db(tmp_path):
    """A migrated SQLite archive in tmp_path: (database path, environment for commands)."""
    database = tmp_path / "archive.sqlite3"
    env = command_env(database, tmp_path / "var")
    result = fanarchive("migrate", env=env)
    assert result.returncode == 0, result.stderr
    return database, env
