"""Dash dialogue whose line goes on into narration with no dash to close the speech (Joyce's
`— They fit well enough, Stephen answered. Buck Mulligan attacked the hollow beneath his
underlip.`): a sentence that opens like narration ends the speech, unless what follows it
still speaks (hand-written passages)."""

import pytest

from tests.analysis.test_quotes import quoted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "— Sit down, Corrigan said.\n\n"
            "— It fits well enough, Dermot answered. Corrigan scraped the pan clean.\n\n"
            "— Then wear it.\n",
            ["Sit down,", "It fits well enough,", "Then wear it."],
            id="a-name-and-a-verb-in-the-past-after-the-tag",
        ),
        pytest.param(
            "— Come up, Dermot!\n\n"
            "— Thanks, old friend. He stepped off the wall and looked down at the water. "
            "The tide was out.\n\n"
            "— It is.\n",
            ["Come up, Dermot!", "Thanks, old friend.", "It is."],
            id="narration-closing-an-untagged-line",
        ),
        pytest.param(
            "— Come up, Dermot!\n\n"
            "— Navigator. She never did raise her voice. You told me this passage was clear.\n\n"
            "— It is.\n",
            [
                "Come up, Dermot!",
                "Navigator. She never did raise her voice. You told me this passage was clear.",
                "It is.",
            ],
            id="the-speech-goes-on-after-the-narration",
        ),
        pytest.param(
            "— Come up, Dermot!\n\n— Aye. He wiped his face with his sleeve. Orders?\n\n— None.\n",
            ["Come up, Dermot!", "Aye. He wiped his face with his sleeve. Orders?", "None."],
            id="a-question-after-the-narration-is-speech",
        ),
    ],
)
def test_narration_ends_a_dash_line(text, expected):
    assert quoted(text) == expected
