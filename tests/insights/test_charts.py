"""The analysis page's pictures lay out what the analysis found."""

from fanarchive.insights.charts import (
    dialogue_html,
    exchanges,
    line_bars,
    network_svg,
    speaker_colours,
)

CHARACTERS = [
    {"name": "Gaara", "lines": 4, "present": True},
    {"name": "Uzumaki <Naruto>", "lines": 2, "present": True},
    {"name": "Umino Iruka", "lines": 0, "present": False},
]


def quote(start, speaker, addressee=None):
    return {
        "start": start,
        "end": start + 5,
        "speaker": speaker,
        "addressee": addressee,
        "text": "hello",
    }


def test_exchanges_count_turns_and_addressed_lines():
    quotes = [
        quote(0, "Gaara"),
        quote(10, "Uzumaki <Naruto>"),
        quote(20, "Gaara"),
        quote(30, None),
        quote(40, "Gaara", addressee="Umino Iruka"),
        quote(9000, "Uzumaki <Naruto>"),  # too far from the last line to be a reply
    ]
    assert exchanges(quotes) == {("Gaara", "Uzumaki <Naruto>"): 2, ("Gaara", "Umino Iruka"): 1}


def test_bars_are_relative_to_the_top_speaker():
    bars = line_bars(CHARACTERS, speaker_colours(CHARACTERS))
    assert [(b.name, b.percent) for b in bars] == [("Gaara", 100), ("Uzumaki <Naruto>", 50)]


def test_network_svg_escapes_names_and_draws_each_pair():
    svg = network_svg(
        CHARACTERS, [quote(0, "Gaara"), quote(10, "Uzumaki <Naruto>")], speaker_colours(CHARACTERS)
    )
    assert svg.startswith("<svg") and svg.count("<line") == 1 and svg.count("<circle") == 2
    assert "Uzumaki &lt;Naruto&gt;" in svg and "<Naruto>" not in svg


def test_no_network_without_characters():
    assert network_svg([], [], {}) == ""


def test_dialogue_marks_each_quote_with_its_speaker_and_escapes_text():
    text = 'Intro.\n\n"<b>Hi</b>," Gaara said.\n\nNo dialogue here.'
    start = text.index("<b>")
    quotes = [
        {
            "start": start,
            "end": start + 9,
            "speaker": "Gaara",
            "rule": "explicit",
            "confidence": 0.9,
        }
    ]
    paragraphs = dialogue_html(text, quotes, {"Gaara": "#990000"})
    assert len(paragraphs) == 1
    assert '<span class="speaker">Gaara</span>&lt;b&gt;Hi&lt;/b&gt;</mark>' in paragraphs[0]


def test_an_attribution_below_even_odds_is_shown_as_a_guess():
    text = '"Hi."\n\n"Hello."'
    quotes = [
        {"start": 1, "end": 4, "speaker": "Gaara", "rule": "explicit", "confidence": 0.93},
        {"start": 9, "end": 15, "speaker": "Sakura", "rule": "turn_partner", "confidence": 0.41},
    ]
    sure, guess = dialogue_html(text, quotes, {})
    assert 'class="quote"' in sure and '<span class="speaker">Gaara</span>' in sure
    assert "93% likely right" in sure
    assert 'class="quote uncertain"' in guess and '<span class="speaker">Sakura?</span>' in guess
    assert "41% likely right, a guess" in guess
