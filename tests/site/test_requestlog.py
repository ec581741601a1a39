"""FANARCHIVE_LOG_FORMAT=json: JSON lines on stderr, one per request (method, path, status,
duration); the default text format stays as quiet as before; a wrong value is a clear error."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fanarchive.site.requestlog import JsonFormatter, LogFormatError, logging_config

REPO = Path(__file__).resolve().parents[2]
# A Django process answering two requests with the test client; its stderr is the log.
REQUESTS = (
    "import django; django.setup();"
    "from django.test import Client; c = Client(HTTP_HOST='localhost');"
    "print(c.get('/healthz?q=secret').status_code, c.get('/no-such-address').status_code)"
)


def run_site(tmp_path: Path, **environ: str) -> subprocess.CompletedProcess:
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "fanarchive.site.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "FANARCHIVE_VAR_DIR": str(tmp_path / "var"),
        "PYTHONPATH": str(REPO),
        **environ,
    }
    env.pop("CELERY_BROKER_URL", None)
    env.pop("CACHE_URL", None)
    return subprocess.run(
        [sys.executable, "-c", REQUESTS], env=env, cwd=REPO, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def test_json_format_writes_one_line_per_request(tmp_path):
    result = run_site(tmp_path, FANARCHIVE_LOG_FORMAT="json")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["200", "404"]
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    requests = [line for line in lines if line["logger"] == "fanarchive.requests"]
    assert [(r["method"], r["path"], r["status"]) for r in requests] == [
        ("GET", "/healthz", 200),
        ("GET", "/no-such-address", 404),
    ]
    assert all(
        isinstance(r["duration_ms"], int | float) and r["duration_ms"] >= 0 for r in requests
    )
    assert requests[0]["view"] == "healthz" and requests[0]["level"] == "INFO"
    assert "secret" not in result.stderr  # query strings stay out of the log


def test_text_format_logs_no_request_lines(tmp_path):
    result = run_site(tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "/healthz" not in result.stderr


def test_an_unknown_format_is_a_clear_error(tmp_path):
    result = run_site(tmp_path, FANARCHIVE_LOG_FORMAT="xml")
    assert result.returncode != 0
    assert "FANARCHIVE_LOG_FORMAT='xml' is not a log format; use 'text' or 'json'" in result.stderr
    with pytest.raises(LogFormatError):
        logging_config("yaml", "INFO")


def test_json_lines_carry_tracebacks():
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s",
            ("/x",), sys.exc_info(),
        )  # fmt: skip
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Internal Server Error: /x" and line["level"] == "ERROR"
    assert "RuntimeError: boom" in line["exception"]
