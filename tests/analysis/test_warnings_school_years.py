"""British and Australian school years 7 to 11 (ages 11 to 16) state a minor, as "ninth grade"
does; a year counted in words in lower case, or a year of something, does not."""

from fanarchive.analysis.pipeline import analyze_text

MINORS = "Minors in a Romantic or Sexual Scene"


def names(text: str) -> set[str]:
    return {warning.name for warning in analyze_text(text).warnings}


def test_year_nine_in_a_kissing_scene_is_a_minor():
    assert MINORS in names(
        "Freya is in Year 9 at the comprehensive, and at the school disco she kisses Olly by "
        "the fire exit."
    )


def test_a_year_of_something_is_no_school_year():
    assert MINORS not in names(
        "In year ten of the war, Anna kissed her husband goodbye at the station."
    )
    assert MINORS not in names(
        "It was the year ten thousand, and the last two people on the station kissed."
    )
