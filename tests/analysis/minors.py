"""What the minors note says of a text, for the tests of the age rules."""

from fanarchive.analysis.pipeline import analyze_text

MINORS = "Minors in a Romantic or Sexual Scene"


def likelihood(text: str) -> str | None:
    """How likely the minors note calls it ("likely", "possible"); None when there is none."""
    found = {w.name: w for w in analyze_text(text).warnings}.get(MINORS)
    return found.likelihood if found is not None else None
