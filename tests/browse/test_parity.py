"""The same fixed corpus and queries give identical results on SQLite and PostgreSQL."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def answers(url: str) -> list[dict]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.browse.parity_runner", url],
        cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": ""},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def sqlite_answers(tmp_path_factory):
    return answers(f"sqlite:///{tmp_path_factory.mktemp('parity') / 'parity.sqlite3'}")


def test_sqlite_answers_are_not_trivial(sqlite_answers):
    by_query = {a["query"]: a for a in sqlite_answers}
    assert by_query[""]["total"] == 156
    assert by_query['q="secret+phrase+hides"']["ids"] == [6]
    assert by_query['q="echo+chamber"']["ids"] == [6]
    three_words = by_query['q="moon+river+fox"&sort=title']["total"]
    assert 0 < three_words < by_query["q=moon+river&sort=kudos"]["total"]
    assert 0 < by_query["q=moon"]["total"] < 156
    assert by_query["q=-moon&sort=title"]["total"] == 156 - by_query["q=moon"]["total"]
    assert all(a["total"] > 0 for a in sqlite_answers if "DROP" not in a["query"])


def test_postgresql_gives_identical_results(sqlite_answers):
    url = os.environ.get("FANARCHIVE_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("FANARCHIVE_TEST_POSTGRES_URL is not set")
    postgres = answers(url)
    for left, right in zip(sqlite_answers, postgres, strict=True):
        assert left == right, left["query"]
