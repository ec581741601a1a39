import pytest

from fanarchive.analysis import analyze_text


def test_explicit_tag():
    result = analyze_text('"Hello there," said Naruto.\n').to_dict()
    assert result["schema_version"] == "1.0"
    assert result["quotes"][0]["speaker"] == "Uzumaki Naruto"


def test_the_cyclic_collector_is_paused_only_while_a_work_is_analysed(monkeypatch):
    import gc

    from fanarchive.analysis import pipeline

    seen = []
    real_detect_cast = pipeline.detect_cast

    def detect_cast(*args):
        seen.append(gc.isenabled())
        return real_detect_cast(*args)

    monkeypatch.setattr(pipeline, "detect_cast", detect_cast)
    assert gc.isenabled()
    analyze_text('"Hello there," said Naruto.\n')
    assert seen == [False] and gc.isenabled()

    def broken(*args):
        raise RuntimeError("a failing step")

    monkeypatch.setattr(pipeline, "detect_cast", broken)
    with pytest.raises(RuntimeError):
        analyze_text("Some words.")
    assert gc.isenabled()  # a failing analysis gives the collector back too
    gc.disable()
    try:
        monkeypatch.setattr(pipeline, "detect_cast", real_detect_cast)
        analyze_text("Some words.")
        assert not gc.isenabled()  # a caller who paused it keeps it paused
    finally:
        gc.enable()
