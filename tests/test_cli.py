"""`fanarchive analyze` in-process: output formats, folders, workers, bad input, exit codes."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from fanarchive import cli
from fanarchive.analysis.schema import validate_analysis

DATA = Path(__file__).resolve().parent / "data" / "in"
STORY = '"Are you coming?" Kakashi asked.\n\n"Race you!" Gai said.\n\n***\n\nThey ran.\n'


@pytest.fixture
def works(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    nested = tmp_path / "nested"
    nested.mkdir()
    (nested / "b.md").write_text("# Title\n\n## One\n\n" + STORY, encoding="utf-8")
    (nested / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0 ignored: not a work suffix")
    hidden = tmp_path / ".git"
    hidden.mkdir()
    (hidden / "c.txt").write_text(STORY, encoding="utf-8")
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as exit:  # argparse usage errors and --help
        code = exit.code
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_follows_the_contract(capsys, works):
    code, out, err = run(capsys, "analyze", str(works / "a.txt"), "--format", "json", "--with-text")
    assert code == 0, err
    result = json.loads(out)
    assert validate_analysis(result, result["text"]) == []
    assert result["source"] == str(works / "a.txt")
    assert [q["speaker"] for q in result["quotes"]] == ["Hatake Kakashi", "Maito Gai"]


def test_folders_recurse_into_supported_files_in_order(capsys, works):
    code, out, err = run(capsys, "analyze", str(works), "--format", "jsonl")
    assert code == 0, err
    sources = [json.loads(line)["source"] for line in out.splitlines()]
    assert sources == [str(works / "a.txt"), str(works / "nested" / "b.md")]


def test_json_for_several_works_is_an_array(capsys, works):
    code, out, _ = run(
        capsys, "analyze", str(works / "a.txt"), str(works / "nested"), "--format", "json"
    )
    assert code == 0
    assert [r["source_format"] for r in json.loads(out)] == ["text", "markdown"]


def test_workers_give_the_same_results_with_a_progress_bar(capsys, works):
    _, serial, _ = run(capsys, "analyze", str(works), "--format", "jsonl")
    code, parallel, err = run(capsys, "analyze", str(works), "--format", "jsonl", "--workers", "2")
    assert code == 0
    assert parallel == serial
    assert "2/2" in err  # the progress bar's final state on stderr


def test_text_report_shows_every_section(capsys):
    code, out, _ = run(capsys, "analyze", str(DATA / "ao3_download.html"))
    assert code == 0
    for heading in (
        "Structure",
        "Cast",
        "Dialogue",
        "Relationships",
        "Content warnings",
        "Suggested tags",
        "Rooftop Promises",
        "Chapter 2: Morning",
    ):
        assert heading in out
    assert "You asked" in out  # every quoted line is listed
    assert "\x1b[" not in out  # no colour codes when not writing to a terminal


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00" * 100, "binary"),
        (b"%PDF-1.5\n", "PDF"),
    ],
    ids=["empty", "binary", "pdf"],
)
def test_unreadable_input_exits_3_and_the_others_still_print(capsys, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(bad), str(good), "--format", "jsonl")
    assert code == 3
    assert message in err and "Traceback" not in err
    assert len(out.splitlines()) == 1


def test_wrong_encoding_is_decoded(capsys, tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("\u201cCaf\u00e9?\u201d asked Sakura.\n".encode("cp1252"))
    code, out, _ = run(capsys, "analyze", str(path), "--format", "json")
    assert code == 0
    assert json.loads(out)["quotes"][0]["text"] == "Caf\u00e9?"


def test_a_50_mb_file_is_refused_with_a_clear_message(capsys, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    code, out, err = run(capsys, "analyze", str(path))
    assert code == 3
    assert "50.0 MB" in err and "refused" in err
    assert out == ""


def test_missing_path_and_empty_folder(capsys, tmp_path):
    code, _, err = run(capsys, "analyze", str(tmp_path / "nope.txt"), str(tmp_path))
    assert code == 3
    assert "no such file or folder" in err and "no work files" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["analyze"],
        ["analyze", "x.txt", "--format", "xml"],
        ["analyze", "x.txt", "--workers", "0"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "usage:" in err


def test_an_internal_error_is_one_line_and_exit_1(capsys, tmp_path, monkeypatch):
    import fanarchive.analysis.pipeline as pipeline

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "analyze_document", explode)
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(path))
    assert code == 1
    assert err.strip().count("\n") == 0 and "internal error" in err and "boom" in err
    assert "Traceback" not in err


def test_an_unexpected_exception_outside_the_analysis_is_one_line(capsys, monkeypatch):
    import fanarchive.cli_analyze as cli_analyze

    monkeypatch.setattr(cli_analyze, "collect", lambda paths: 1 / 0)
    code, _, err = run(capsys, "analyze", "x.txt")
    assert code == 1
    assert err.strip() == "fanarchive: internal error: ZeroDivisionError: division by zero"


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_subcommand_help_has_an_example(name):
    help_text = subcommands()[name].format_help()
    assert "example" in help_text and f"fanarchive {name}" in help_text


def test_exit_codes_are_documented_in_help_and_docs():
    help_text = subcommands()["analyze"].format_help()
    docs = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    for code in ("0", "1", "2", "3"):
        assert f"  {code}  " in help_text
        assert f"| {code} |" in docs


def test_every_analyze_option_is_documented():
    docs = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    for action in subcommands()["analyze"]._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert f"`{option}" in docs, option


def test_a_folder_scan_reads_pdf_too(capsys, tmp_path):
    from tests.analysis.reading_fixtures import make_pdf

    (tmp_path / "story.pdf").write_bytes(
        make_pdf([["Kakashi waited by the river.", "", '"Come here," Kakashi said to Gai.']])
    )
    code, out, err = run(capsys, "analyze", str(tmp_path), "--format", "jsonl")
    assert code == 0, err
    assert [json.loads(line)["source"] for line in out.splitlines()] == [
        str(tmp_path / "story.pdf")
    ]
