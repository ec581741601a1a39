from fanarchive.analysis import analyze_text


def test_explicit_tag():
    result = analyze_text('"Hello there," said Naruto.\n').to_dict()
    assert result["schema_version"] == "1.0"
    assert result["quotes"][0]["speaker"] == "Uzumaki Naruto"
