"""Validate analysis JSON against the versioned contract (analysis-format.schema.json).

The schema is standard JSON Schema (draft 2020-12) so any validator can use it; this module
implements the subset the schema uses (type, enum, pattern, minimum/maximum, minLength,
minItems, required, properties, items) so the project needs no extra dependency, and adds the
checks a schema cannot express: offsets inside the text, start <= end, and quoted or evidence
text equal to the text at its offsets.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).with_name("analysis-format.schema.json")
_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


@cache
def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(instance: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """Errors (empty when valid), each naming the JSON path of the offending value."""
    errors: list[str] = []
    if "type" in schema and not _has_type(instance, schema["type"]):
        return [f"{path}: expected {schema['type']}, got {type(instance).__name__}"]
    if "enum" in schema and instance not in schema["enum"]:
        errors.append(f"{path}: {instance!r} is not one of {schema['enum']}")
    if isinstance(instance, str):
        if "pattern" in schema and not re.search(schema["pattern"], instance):
            errors.append(f"{path}: {instance!r} does not match {schema['pattern']}")
        if len(instance) < schema.get("minLength", 0):
            errors.append(f"{path}: shorter than {schema['minLength']}")
    if _is_number(instance):
        if "minimum" in schema and instance < schema["minimum"]:
            errors.append(f"{path}: {instance} < {schema['minimum']}")
        if "maximum" in schema and instance > schema["maximum"]:
            errors.append(f"{path}: {instance} > {schema['maximum']}")
    if isinstance(instance, dict):
        errors += [
            f"{path}: missing {key!r}" for key in schema.get("required", []) if key not in instance
        ]
        for key, subschema in schema.get("properties", {}).items():
            if key in instance:
                errors += validate(instance[key], subschema, f"{path}.{key}")
    if isinstance(instance, list):
        if len(instance) < schema.get("minItems", 0):
            errors.append(f"{path}: fewer than {schema['minItems']} items")
        if "items" in schema:
            for index, item in enumerate(instance):
                errors += validate(item, schema["items"], f"{path}[{index}]")
    return errors


def validate_analysis(result: dict[str, Any], text: str | None = None) -> list[str]:
    """Schema errors plus offset errors; with `text` (Document.text), quoted and evidence
    text must equal the text at their offsets."""
    errors = validate(result, load_schema())
    if errors:
        return errors
    length = result["text_length"]
    if text is not None and len(text) != length:
        errors.append(f"$.text_length: {length} but the text has {len(text)} characters")
    for path, item in _spans(result):
        if not 0 <= item["start"] <= item["end"] <= length:
            errors.append(f"{path}: offsets {item['start']}-{item['end']} outside 0-{length}")
        elif (
            text is not None
            and "text" in item
            and text[item["start"] : item["end"]] != item["text"]
        ):
            errors.append(f"{path}: text differs from the text at its offsets")
    return errors


def _spans(result: dict[str, Any]):
    for key in ("notes", "chapters", "scene_breaks", "quotes"):
        for index, item in enumerate(result[key]):
            yield f"$.{key}[{index}]", item
    for key in ("relationships", "warnings", "tags"):
        for index, item in enumerate(result[key]):
            for number, evidence in enumerate(item["evidence"]):
                yield f"$.{key}[{index}].evidence[{number}]", evidence


def _has_type(instance: Any, expected: str | list[str]) -> bool:
    for name in [expected] if isinstance(expected, str) else expected:
        if name == "integer" and isinstance(instance, int) and not isinstance(instance, bool):
            return True
        if name == "number" and _is_number(instance):
            return True
        if (
            name in _TYPES
            and isinstance(instance, _TYPES[name])
            and not (name != "boolean" and isinstance(instance, bool))
        ):
            return True
    return False


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
