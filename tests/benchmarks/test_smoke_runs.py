"""Every script under benchmarks/ runs at a small size and prints its figures.

A smoke run, not a measurement: the targets are checked by running the scripts at full size
(their docstrings say how). This keeps a change that breaks a benchmark from landing unnoticed.
The PostgreSQL and Redis variants run when CI provides those servers.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
POSTGRES_URL = os.environ.get("FANARCHIVE_TEST_POSTGRES_URL", "")
REDIS_URL = os.environ.get("FANARCHIVE_TEST_REDIS_URL", "")
needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="FANARCHIVE_TEST_POSTGRES_URL unset")
needs_redis = pytest.mark.skipif(
    not (POSTGRES_URL and REDIS_URL), reason="PostgreSQL and Redis test servers not configured"
)


def run(script: str, *args: str, env: dict | None = None, timeout: int = 240) -> str:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, (
        f"{script} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_analysis_speed_quick():
    out = run("analysis_speed.py", "--quick")
    assert "words/s" in out or "words per second" in out.lower(), out


def test_browse_sqlite(tmp_path):
    out = run("browse.py", "--works", "200", "--repeats", "2", "--scratch", str(tmp_path))
    assert "worst p95=" in out and "speaks: lead character" in out


@needs_postgres
def test_browse_postgresql(tmp_path):
    out = run(
        "browse.py", "--works", "200", "--repeats", "2", "--backend", "postgresql",
        "--scratch", str(tmp_path), env={"DATABASE_URL": POSTGRES_URL},
    )  # fmt: skip
    assert "worst p95=" in out


def test_import_profile_sqlite():
    out = run("import_profile.py", "--works", "16")
    assert "queries" in out.lower()


@needs_postgres
def test_import_profile_postgresql():
    out = run("import_profile.py", "--works", "16", "--postgres-url", POSTGRES_URL)
    assert "queries" in out.lower()


def test_import_scale_sqlite(tmp_path):
    out = run("import_scale.py", "--works", "24", "--modes", "sqlite", "--data", str(tmp_path))
    assert "sqlite" in out and "works/CPU-s" in out


@needs_redis
def test_import_scale_postgresql_with_a_worker(tmp_path):
    out = run(
        "import_scale.py", "--works", "24", "--modes", "pg-eager,pg-1w", "--data", str(tmp_path),
        "--postgres-url", POSTGRES_URL, "--redis-url", REDIS_URL,
    )  # fmt: skip
    assert "pg-eager" in out and "pg-1w" in out


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is not installed (apt-get install wrk)")
def test_load_sqlite():
    out = run(
        "load.py", "--seconds", "4", "--works", "20", "--workers", "1", "--connections", "2",
        "--post-connections", "1", "--port", str(free_port()),
    )  # fmt: skip
    assert "work pages" in out and "posting" in out


SHARED = Path(os.environ.get("FANARCHIVE_SHARED", Path(__file__).resolve().parents[3] / "shared"))
needs_shared = pytest.mark.skipif(
    not (SHARED / "pdnc-dev").is_dir(), reason="the development data (../shared) is absent"
)


@needs_shared
def test_hide_note_threshold():
    out = run(
        "hide_note_threshold.py", str(SHARED / "warnings-dev" / "passages.jsonl"), "--limit", "200"
    )
    assert "TUNE" in out.upper() and "CHECK" in out.upper()


@needs_shared
def test_relationships_pdnc():
    out = run("relationships_pdnc.py", "--novels", "1")
    assert "main pairing" in out


def test_hostile_input_quick():
    out = run("hostile_input.py", "--repeats", "50")
    assert "dash turns in one paragraph" in out and "worst ratio" in out


@needs_shared
def test_regex_floor_quick():
    out = run("regex_floor.py", "--quick", "--shared", str(SHARED))
    assert "PDNC" in out and "LitBank" in out and "%" in out


@needs_shared
def test_litbank_paragraphs():
    out = run("litbank_paragraphs.py", "--shared", str(SHARED))
    assert "TUNE total" in out and "CHECK total" in out and "F1" in out


@needs_shared
def test_analysis_identity_quick(tmp_path):
    out = run("analysis_identity.py", "dump", str(tmp_path / "dump"), "--quick", timeout=400)
    assert "analyses written" in out
    assert any((tmp_path / "dump").glob("samples__*.json"))
