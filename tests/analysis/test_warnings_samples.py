"""What a careful reader would flag in the two sample works (read from the shared folder)."""

import pytest

from fanarchive.analysis.pipeline import analyze_path


@pytest.fixture(scope="module")
def sample_results(request):
    samples = request.getfixturevalue("samples_dir")
    return {path.name[:3]: analyze_path(path) for path in sorted(samples.glob("00[04]_*.txt"))}


@pytest.fixture(scope="module")
def samples_dir():
    from tests.conftest import SHARED

    folder = SHARED / "samples"
    if not folder.is_dir():
        pytest.skip(f"sample works not found at {folder} (set FANARCHIVE_SHARED)")
    return folder


def names(items, attribute):
    return {getattr(item, attribute): item for item in items}


def test_sample_000_pairing_warnings_tags(sample_results):
    result = sample_results["000"]
    assert result.relationships[0].tag == "Gaara/Uzumaki Naruto"
    assert result.relationships[0].kind == "romantic"
    warnings = names(result.warnings, "name")
    assert {"Blood", "Self-Harm", "Killing"} <= set(warnings)
    assert warnings["Self-Harm"].severity == "low"
    assert "ritual" in warnings["Self-Harm"].detail
    # Nothing graphic, nobody dies, no stated ages.
    assert not {"Graphic Depictions Of Violence", "Major Character Death", "Death"} & set(warnings)
    assert "Minors in a Romantic or Sexual Scene" not in warnings
    tags = names(result.tags, "tag")
    assert {"First Kiss", "Blood Bond"} <= set(tags)


def test_sample_004_pairing_minors_tags(sample_results):
    result = sample_results["004"]
    main = result.relationships[0]
    assert (main.tag, main.kind, main.subtype) == ("Hatake Kakashi/Maito Gai", "romantic", "rivals")
    warnings = names(result.warnings, "name")
    minors = warnings["Minors in a Romantic or Sexual Scene"]
    assert any("about nine" in e.text for e in minors.evidence)
    assert any("kissed" in e.text for e in minors.evidence)
    assert "Underage Sex" not in warnings
    tags = names(result.tags, "tag")
    assert {"First Kiss", "Rivals to Lovers"} <= set(tags)
