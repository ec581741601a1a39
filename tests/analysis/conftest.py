"""Fixtures shared by the analysis tests."""

import pytest

import tests.analysis.test_relationships as relationships


@pytest.fixture
def with_tom(monkeypatch):
    """A second man, Tom, in the relationship tests' hand-built cast."""
    monkeypatch.setitem(relationships.NAMES, "Tom", "Tom Hale")
    monkeypatch.setitem(relationships.GENDERS, "Tom Hale", "male")
