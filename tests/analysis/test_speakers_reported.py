"""`Amos replied that he had not` after a quote reports what Amos said next: it is no tag of
that quote (hand-written passage)."""

from tests.analysis.test_speakers_salience import speakers_of


def test_replied_that_reports_speech_and_tags_nothing():
    text = (
        "Hester Moule and her husband Amos sat at breakfast.\n\n"
        '"My dear Amos," said Hester one morning. "Have you heard that the mill is sold?" '
        "Amos replied that he had not.\n\n"
        '"But it is," she said.\n'
    )
    assert speakers_of(text)[1] == "Hester Moule"
