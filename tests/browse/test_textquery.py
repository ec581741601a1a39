from fanarchive.browse.textquery import (
    MAX_PHRASE_TOKENS,
    SEGMENT_TOKENS,
    normalise_document,
    parse_text_query,
    segments,
    tokens,
)


def test_tokens_fold_case_accents_and_punctuation():
    assert tokens("Café DÉJÀ-vu, don't_stop ﬁne") == [
        "cafe",
        "deja",
        "vu",
        "don",
        "t",
        "stop",
        "fine",
    ]


def test_query_words_phrases_and_negations():
    query = parse_text_query('Kakashi "hatake clan" -angst -"bad end"')
    assert query.must == (("kakashi",), ("hatake", "clan"))
    assert query.must_not == (("angst",), ("bad", "end"))
    assert query.display() == 'kakashi "hatake clan" -angst -"bad end"'


def test_query_syntax_from_either_language_is_only_words():
    query = parse_text_query("a' OR 1=1; -- NEAR(x y) & !z <-> \"")
    for item in query.must + query.must_not:
        assert all(token.isalnum() for token in item)


def test_long_queries_are_cut_with_a_note():
    query = parse_text_query(" ".join(f"w{i}" for i in range(100)))
    assert len(query.must) == 12 and query.notes
    assert parse_text_query("x" * 1000).notes


def test_empty_query_is_falsy():
    assert not parse_text_query("  ,,; ")


def test_segments_overlap_so_no_phrase_is_cut():
    words = [f"w{i}" for i in range(SEGMENT_TOKENS * 2 + 10)]
    parts = [part.split(" ") for part in segments(" ".join(words))]
    assert len(parts) == 3 and all(len(p) <= SEGMENT_TOKENS for p in parts)
    for index in range(len(words) - MAX_PHRASE_TOKENS):
        window = words[index : index + MAX_PHRASE_TOKENS]
        assert any(
            " ".join(window) in " ".join(p)
            for p in parts[index // SEGMENT_TOKENS : index // SEGMENT_TOKENS + 2]
        )
        if index > 300:
            break
    assert segments(normalise_document("short text")) == ["short text"]
