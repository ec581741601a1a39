"""LitBank loader: tokenised lines become prose, annotated token spans become character spans."""

import json

import pytest

from fanarchive.evaluation import litbank
from fanarchive.evaluation.litbank import (
    CHECK,
    TUNE,
    LitbankWork,
    detokenise,
    load_litbank,
)
from fanarchive.evaluation.scoring import Score


def prose_of(*lines: str) -> str:
    return detokenise(list(lines)).text


@pytest.mark.parametrize(
    ("tokens", "prose"),
    [
        ("I do n't know , and she 's gone .", "I don't know, and she's gone."),
        ("“ Oh ! ” said Anne ; “ it 's you . ”", "“Oh!” said Anne; “it's you.”"),
        ('" Well , " he said , " I \'ll go . "', '"Well," he said, "I\'ll go."'),
        ("‘ Come here , ’ she said .", "‘Come here,’ she said."),
        (
            "We 've seen the boys ' hats ( all of them ) .",
            "We've seen the boys' hats (all of them).",
        ),
        ("It was _ very _ odd -- I thought so .", "It was _very_ odd--I thought so."),
        ("I 'm gon na go .", "I'm gonna go."),
        ("between Emminster and Chalk - Newton .", "between Emminster and Chalk-Newton."),
        ("Sorrow came ... and went .", "Sorrow came... and went."),
    ],
)
def test_one_line_detokenised(tokens, prose):
    assert prose_of(tokens) == prose


def test_a_new_turn_starts_a_paragraph_and_a_continued_speech_does_not():
    text = prose_of(
        "“ Poor Miss Taylor !",
        "-- I wish she were here . ”",
        "“ I can not agree . ”",
        "He smiled .",
        "“ Well . ”",
    )
    assert text == (
        "“Poor Miss Taylor!--I wish she were here.”\n\n“I can not agree.”\n\nHe smiled.\n\n“Well.”"
    )


def test_dialogue_dashes_start_paragraphs():
    text = prose_of("He intoned : — Introibo ad altare Dei .", "— Come up , Kinch !")
    assert text == "He intoned:\n\n— Introibo ad altare Dei.\n\n— Come up, Kinch!"


def test_token_spans_map_to_character_offsets():
    prose = detokenise(["“ Oh ! ” said Mr. Bennet .", "“ Do n't ! ”"])
    assert prose.text[slice(*prose.span((0, 0, 0, 3)))] == "“Oh!”"
    assert prose.text[slice(*prose.span((0, 5, 0, 6)))] == "Mr. Bennet"
    assert prose.text[slice(*prose.span((1, 1, 1, 2)))] == "Don't"
    assert prose.text[slice(*prose.span((0, 0, 1, 4)))].endswith("!”")
    with pytest.raises(ValueError, match="outside"):
        prose.span((2, 0, 2, 1))


def write_work(folder, name, lines, quotes, coref):
    for sub, rows in (("quotations", quotes), ("coref", coref)):
        path = folder / sub / "tsv"
        path.mkdir(parents=True, exist_ok=True)
        (path / f"{name}.txt").write_text("\n".join(lines), encoding="utf-8")
        (path / f"{name}.ann").write_text(
            "\n".join("\t".join(row) for row in rows), encoding="utf-8"
        )


def test_load_a_work_with_speaker_names_and_mentions(tmp_path):
    lines = ["“ Hello , ” said Mr. Bennet .", "He smiled at Lizzy ."]
    quotes = [("QUOTE", "Q1", "0", "0", "0", "3", "“ Hello , ”"), ("ATTRIB", "Q1", "Bennet-0")]
    coref = [
        ("MENTION", "T1", "0", "5", "0", "6", "Mr. Bennet", "PER", "PROP"),
        ("MENTION", "T2", "1", "0", "1", "0", "He", "PER", "PRON"),
        ("MENTION", "T3", "1", "3", "1", "3", "Lizzy", "PER", "PROP"),
        ("COREF", "T1", "Bennet-0"),
        ("COREF", "T2", "Bennet-0"),
    ]
    write_work(tmp_path, "1342_pride_and_prejudice_brat", lines, quotes, coref)
    write_work(tmp_path, "11_alice_brat", ["Alice ."], [], [])
    works = load_litbank(tmp_path)
    assert [w.gutenberg_id for w in works] == [11, 1342]
    alice, pride = works
    assert (alice.side, pride.side) == (CHECK, TUNE)
    assert isinstance(pride, LitbankWork) and pride.title == "Pride And Prejudice"
    (quote,) = pride.quotations
    assert pride.text[quote.start : quote.end] == "“Hello,”"
    assert (quote.speaker, quote.aliases) == ("Bennet-0", ("Mr. Bennet",))
    he = next(m for m in pride.mentions if m.id == "T2")
    assert (pride.text[he.start : he.end], he.entity, he.type, he.form) == (
        "He",
        "Bennet-0",
        "PER",
        "PRON",
    )
    assert next(m for m in pride.mentions if m.id == "T3").entity is None
    assert pride.entity_type("Bennet-0") == "PER"


def test_not_a_litbank_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="not a LitBank folder"):
        load_litbank(tmp_path)


def test_the_shared_litbank_loads(shared):
    if not (shared / "litbank").is_dir():
        pytest.skip("LitBank absent (set FANARCHIVE_SHARED)")
    works = load_litbank(shared / "litbank")
    assert len(works) == 92
    assert sum(len(w.quotations) for w in works) == 1651
    for work in works:
        for quote in work.quotations:
            # every quotation is a quotation: it starts and ends at a mark or a dash
            assert work.text[quote.start : quote.end] == quote.text
            assert quote.text.strip()


# Measured with `fanarchive evaluate litbank ../shared/litbank` (issue 14): 66.6% on the tune
# works, 55.2% on the check works (the target for check is 80%); 73.4% and 66.6% in the
# tenth session. Floors sit a little below so a regression fails, per side.
LITBANK_TUNE_FLOOR = 0.73
LITBANK_CHECK_FLOOR = 0.66


@pytest.fixture(scope="module")
def litbank_works(shared):
    if not (shared / "litbank").is_dir():
        pytest.skip("LitBank absent (set FANARCHIVE_SHARED)")
    return load_litbank(shared / "litbank")


def test_quote_attribution_per_side(litbank_works):
    sides = {TUNE: Score(), CHECK: Score()}
    for work in litbank_works:
        sides[work.side].add(litbank.evaluate_work(work))
    assert sides[TUNE].total["all"] + sides[CHECK].total["all"] == 1651
    assert sides[TUNE].recall > 0.97 and sides[CHECK].recall > 0.95
    assert sides[TUNE].accuracy() >= LITBANK_TUNE_FLOOR
    assert sides[CHECK].accuracy() >= LITBANK_CHECK_FLOOR


def test_quotation_kinds_come_from_the_gold_coreference(tmp_path):
    lines = [
        "“ Hello , ” said Mr. Bennet .",
        "“ Hi , ” he replied .",
        "“ Well ? ”",
    ]
    quotes = [
        ("QUOTE", "Q1", "0", "0", "0", "3", "“ Hello , ”"),
        ("QUOTE", "Q2", "1", "0", "1", "3", "“ Hi , ”"),
        ("QUOTE", "Q3", "2", "0", "2", "2", "“ Well ? ”"),
        ("ATTRIB", "Q1", "Bennet-0"),
        ("ATTRIB", "Q2", "Bingley-1"),
        ("ATTRIB", "Q3", "Bennet-0"),
    ]
    coref = [
        ("MENTION", "T1", "0", "5", "0", "6", "Mr. Bennet", "PER", "PROP"),
        ("MENTION", "T2", "1", "4", "1", "4", "he", "PER", "PRON"),
        ("COREF", "T1", "Bennet-0"),
        ("COREF", "T2", "Bingley-1"),
    ]
    write_work(tmp_path, "2_test_brat", lines, quotes, coref)
    (work,) = load_litbank(tmp_path)
    kinds = [litbank.quotation_kind(work, q) for q in work.quotations]
    assert kinds == ["Explicit", "Anaphoric", "Implicit"]


def test_the_command_prints_both_sides_and_the_gap(tmp_path, capsys):
    write_work(
        tmp_path,
        "2_a_brat",
        ["“ Hi , ” said Anna ."],
        [("QUOTE", "Q1", "0", "0", "0", "3", "x"), ("ATTRIB", "Q1", "Anna-0")],
        [("MENTION", "T1", "0", "5", "0", "5", "Anna", "PER", "PROP"), ("COREF", "T1", "Anna-0")],
    )
    write_work(
        tmp_path,
        "3_b_brat",
        ["“ Hi , ” said Tom ."],
        [("QUOTE", "Q1", "0", "0", "0", "3", "x"), ("ATTRIB", "Q1", "Tom-0")],
        [("MENTION", "T1", "0", "5", "0", "5", "Tom", "PER", "PROP"), ("COREF", "T1", "Tom-0")],
    )
    assert litbank.run(str(tmp_path), "text") == litbank.EXIT_OK
    out = capsys.readouterr().out
    assert "TUNE" in out and "CHECK" in out and "gap" in out
    assert litbank.run(str(tmp_path), "json") == litbank.EXIT_OK
    figures = json.loads(capsys.readouterr().out)
    assert figures["tune"]["quotes"] == figures["check"]["quotes"] == 1
    assert litbank.run(str(tmp_path / "nothing"), "text") == litbank.EXIT_BAD_INPUT


def test_a_quotation_with_its_own_tag_starts_a_paragraph():
    # `"A," grumbled Jo. "B!" sighed Meg.`: two speakers, so two paragraphs; an untagged
    # quotation after a tag goes on in the same paragraph (`"A," said he. "B."`).
    text = prose_of(
        "“ Christmas wo n't be Christmas , ” grumbled Jo , lying on the rug .",
        "“ It 's so dreadful to be poor ! ” sighed Meg .",
        "“ I know . ”",
    )
    assert text == (
        "“Christmas won't be Christmas,” grumbled Jo, lying on the rug.\n\n"
        "“It's so dreadful to be poor!” sighed Meg. “I know.”"
    )


def test_narration_after_a_quotation_starts_a_paragraph_and_so_does_a_quotation_after_it():
    # Learned from novels that keep their paragraphs (benchmarks/litbank_paragraphs.py).
    text = prose_of(
        "“ No . ”",
        "They made camp together , ate their frugal meal , smoked a pipe , and slept .",
        "“ Which ? ”",
        "He smiled .",
    )
    assert text == (
        "“No.”\n\nThey made camp together, ate their frugal meal, smoked a pipe, and slept."
        "\n\n“Which?”\n\nHe smiled."
    )


def test_a_quotation_whose_tag_the_tokeniser_split_off_starts_a_paragraph():
    # LitBank splits `"It's so dreadful to be poor!" sighed Meg` after the `!`: the tag opens
    # the next line, and the quotation it tags is still a new turn.
    text = prose_of(
        "“ Christmas wo n't be Christmas , ” grumbled Jo , lying on the rug .",
        "“ It 's so dreadful to be poor ! ”",
        "sighed Meg , looking down at her old dress .",
        "“ Brother , ” he said .",
        "“ Open . ”",
        "Dr. Archie reached for her hand .",
    )
    assert text == (
        "“Christmas won't be Christmas,” grumbled Jo, lying on the rug.\n\n"
        "“It's so dreadful to be poor!” sighed Meg, looking down at her old dress.\n\n"
        "“Brother,” he said. “Open.”\n\nDr. Archie reached for her hand."
    )


def test_a_mention_is_aligned_with_the_gold_mention_it_spans_not_a_nested_one(tmp_path):
    # `my aunt`: the gold holds `my` (the narrator) and `my aunt` (the aunt), both starting
    # at `my`. Our `my aunt` mention stands for the aunt, whichever gold row came last.
    from fanarchive.analysis.characters import Cast
    from fanarchive.analysis.model import Mention

    lines = ["“ Poor man , ” said my aunt ."]
    coref = [
        ("MENTION", "T1", "0", "6", "0", "7", "my aunt", "PER", "NOM"),
        ("MENTION", "T2", "0", "6", "0", "6", "my", "PER", "PRON"),
        ("COREF", "T1", "aunt-1"),
        ("COREF", "T2", "NARRATOR-0"),
    ]
    write_work(tmp_path, "2814_dubliners_brat", lines, [], coref)
    (work,) = load_litbank(tmp_path)
    start = work.text.index("my aunt")
    cast = Cast(mentions=[Mention(start, start + len("my aunt"), "My Aunt")])
    assert litbank.align_cast(work, cast) == {"My Aunt": frozenset({"#aunt-1"})}
