"""The analysis JSON contract: real output validates against the documented schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from fanarchive.analysis.model import SCHEMA_VERSION
from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.reading import read_bytes, read_path, read_text
from fanarchive.analysis.schema import load_schema, validate_analysis
from fanarchive.devdata import shared_dir
from tests.analysis.reading_fixtures import make_docx

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "in"
DOC = REPO / "docs" / "analysis-format.md"


def shared_samples() -> list[Path]:
    return sorted((shared_dir() / "samples").glob("*.txt"))


def documents():
    for path in sorted(DATA.iterdir()):
        yield path.name, read_path(path)
    for path in shared_samples():
        yield path.name, read_path(path)
    yield (
        "docx",
        read_bytes(make_docx([("Heading1", "Chapter 1"), ("", '"Hi," said Ino.')]), "a.docx"),
    )
    yield "only-dialogue", read_text('"Hello?"\n\n"Who is there?"\n\n"Nobody."\n')
    yield "no-dialogue", read_text("The rain fell all night. Nobody came.\n")
    yield "no-names", read_text('"Go," she said.\n\n"No," he said. The door shut.\n')


@pytest.mark.parametrize(("name", "document"), list(documents()), ids=lambda v: str(v)[:30])
def test_real_output_validates(name, document):
    result = analyze_document(document).to_dict()
    assert validate_analysis(result, document.text) == []
    assert result["schema_version"] == SCHEMA_VERSION
    json.dumps(result)  # serialisable as is


def valid_result() -> tuple[dict, str]:
    document = read_path(DATA / "ao3_download.html")
    return analyze_document(document).to_dict(), document.text


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r.pop("quotes"), "missing 'quotes'"),
        (lambda r: r["notes"][0].update(position="middle"), "not one of"),
        (lambda r: r["quotes"][0].update(start=10**6, end=10**6 + 1), "outside"),
        (lambda r: r["quotes"][0].update(text="not the text"), "differs"),
        (lambda r: r["quotes"][0].update(confidence=1.5), "> 1"),
        (lambda r: r.update(words="many"), "expected integer"),
        (lambda r: r["characters"][0].update(present="yes"), "expected boolean"),
        (lambda r: r["relationships"].append({"tag": "Solo", "kind": "platonic"}), "missing"),
    ],
)
def test_validator_catches_broken_output(mutate, message):
    result, text = valid_result()
    broken = copy.deepcopy(result)
    mutate(broken)
    errors = validate_analysis(broken, text)
    assert any(message in error for error in errors), errors


def test_every_schema_field_is_documented():
    doc = DOC.read_text(encoding="utf-8")
    schema = load_schema()
    assert (
        f'schema_version: "{SCHEMA_VERSION}"' in doc
        or f'"schema_version": "{SCHEMA_VERSION}"' in doc
    )
    for key, spec in schema["properties"].items():
        assert f"`{key}`" in doc, key
        item = spec.get("items", spec)
        for field in item.get("properties", {}):
            assert f"`{field}`" in doc, f"{key}.{field}"
