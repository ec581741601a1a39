"""Two gunicorn nodes on PostgreSQL with a shared Redis page cache, writers restricting and
opening works: 0 stale reads and 0 5xx (issue 19). The soak itself is benchmarks/nodes.py;
needs FANARCHIVE_TEST_POSTGRES_URL and FANARCHIVE_TEST_REDIS_URL (set by .ci/run)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

POSTGRES_URL = os.environ.get("FANARCHIVE_TEST_POSTGRES_URL", "")
REDIS_URL = os.environ.get("FANARCHIVE_TEST_REDIS_URL", "")
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not (POSTGRES_URL and REDIS_URL), reason="needs PostgreSQL and Redis")
def test_two_nodes_serve_no_stale_listing_while_writers_commit():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "nodes.py"), "--postgres-url", POSTGRES_URL,
         "--redis-url", REDIS_URL, "--edits", "40"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "stale reads 0" in result.stdout and "5xx 0" in result.stdout
    # Every listing named the revision it answered at, so the lag figures measure something.
    lag = re.search(r"revision lag p99 (\d+) edits .*; (\d+) requests measured", result.stdout)
    requests = re.search(r"logged-out requests (\d+)", result.stdout)
    assert lag and requests and lag.group(2) == requests.group(1), result.stdout
