"""`kill -9` in the middle of an import, run it again: every work is in the archive once."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from tests.imports.conftest import query, write_works

WORKS = 120


def _imported(database) -> int:
    return query(database, "select count(*) from imports_importedwork")[0][0]


def test_killed_import_resumes_and_imports_every_work_exactly_once(archive_db, tmp_path):
    database, env = archive_db
    write_works(tmp_path / "works", WORKS)
    command = [sys.executable, "-m", "fanarchive.cli", "import", str(tmp_path / "works")]
    first = subprocess.Popen(command + ["--no-progress"], env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while _imported(database) < WORKS // 4 and time.monotonic() < deadline:
        assert first.poll() is None, "the import finished before it could be killed"
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL
    assert 0 < _imported(database) < WORKS  # it really died in the middle

    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    assert "already there" in second.stderr

    works = query(database, "select count(*), count(distinct title) from works_work")[0]
    assert works == (WORKS, WORKS)
    records = query(
        database,
        "select count(*), count(distinct content_hash), sum(analysed) from imports_importedwork",
    )[0]
    assert records == (WORKS, WORKS, WORKS)
    orphans = query(
        database,
        "select count(*) from works_work w left join imports_importedwork i on i.work_id = w.id "
        "where i.id is null",
    )[0][0]
    assert orphans == 0
    analysed = query(database, "select count(*) from insights_workanalysis")[0][0]
    assert analysed == WORKS

    third = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert third.returncode == 0, third.stderr
    assert f"imported 0, already there {WORKS}" in third.stderr
    assert query(database, "select count(*) from works_work")[0][0] == WORKS


def test_import_before_migrate_says_what_to_do(tmp_path):
    from tests.imports.conftest import command_env, fanarchive

    (tmp_path / "a.txt").write_text('"Hi," said Mira.\n')
    env = command_env(tmp_path / "never-migrated.sqlite3", tmp_path / "var")
    result = fanarchive("import", str(tmp_path / "a.txt"), env=env)
    assert result.returncode == 1
    assert "fanarchive migrate" in result.stderr and "Traceback" not in result.stderr
