"""The disk cache of derived tables: used when present, rebuilt when stale or corrupt, never a
reason for an analysis to fail."""

from __future__ import annotations

import marshal

import pytest

from fanarchive.analysis import tablecache
from fanarchive.analysis.characters import names


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("FANARCHIVE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting_build(calls: list[int]):
    def build():
        calls.append(1)
        return ({"jo": "female"}, frozenset({"lyon"}), 2.5)

    return build


def test_the_second_process_reads_what_the_first_derived(folder):
    calls: list[int] = []
    first = tablecache.cached("t.marshal", counting_build(calls))
    second = tablecache.cached("t.marshal", counting_build(calls))
    assert first == second == ({"jo": "female"}, frozenset({"lyon"}), 2.5)
    assert calls == [1]
    assert (folder / "t.marshal").is_file()


def test_a_corrupt_cache_file_is_derived_again_and_replaced(folder):
    folder.mkdir()
    (folder / "t.marshal").write_bytes(b"\x00not marshal at all")
    calls: list[int] = []
    assert tablecache.cached("t.marshal", counting_build(calls))[2] == 2.5
    assert calls == [1]
    assert marshal.loads((folder / "t.marshal").read_bytes())[2] == 2.5


def test_an_unwritable_cache_folder_costs_only_the_derivation(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FANARCHIVE_CACHE_DIR", str(blocker / "cache"))
    calls: list[int] = []
    assert tablecache.cached("t.marshal", counting_build(calls))[0] == {"jo": "female"}
    assert tablecache.cached("t.marshal", counting_build(calls))[0] == {"jo": "female"}
    assert calls == [1, 1]
    assert list(tmp_path.iterdir()) == [blocker]


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("FANARCHIVE_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls: list[int] = []
    tablecache.cached("t.marshal", counting_build(calls))
    tablecache.cached("t.marshal", counting_build(calls))
    assert calls == [1, 1]
    assert list(tmp_path.iterdir()) == []


def test_the_key_changes_with_the_code_and_the_libraries():
    key = tablecache.cache_key("names", ["wordfreq"], [b"code"])
    assert key.startswith("names-") and key.endswith(".marshal")
    assert tablecache.cache_key("names", ["wordfreq"], [b"code"]) == key
    assert tablecache.cache_key("names", ["wordfreq"], [b"code changed"]) != key
    assert tablecache.cache_key("names", ["gender-guesser"], [b"code"]) != key


def test_the_name_tables_read_back_are_the_ones_derived(folder):
    derived = names._derive_tables()
    names._tables.cache_clear()
    try:
        from_disk = names._tables()  # derived and stored
        names._tables.cache_clear()
        assert names._tables() == from_disk == derived  # read back
        assert any(folder.glob("names-*.marshal"))
        assert names.given_gender("Margaret") == "female"
        assert names.zipf("wait") > 5 and names.zipf("marilla") == 0
        assert "Lyon" in names.gazetteer()
    finally:
        names._tables.cache_clear()


def test_a_cache_file_read_as_something_else_is_derived_again(folder):
    folder.mkdir()
    (folder / "t.marshal").write_bytes(marshal.dumps(42))  # damaged, yet it reads
    calls: list[int] = []
    tables = tablecache.cached("t.marshal", counting_build(calls), lambda v: isinstance(v, tuple))
    assert tables[2] == 2.5
    assert calls == [1]


def test_the_name_tables_survive_a_cache_of_the_wrong_shape(folder):
    names._tables.cache_clear()
    try:
        names._tables()
        for path in folder.glob("names-*.marshal"):
            path.write_bytes(marshal.dumps((1, 2)))
        names._tables.cache_clear()
        assert names.given_gender("Margaret") == "female"
    finally:
        names._tables.cache_clear()
