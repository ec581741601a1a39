"""`context._called` reads only the words next to a name (so one quotation holding thousands of
names is not read once per name): it decides as the former per-name reading of the whole
quotation before and after the name did, kept here as the reference."""

from hypothesis import example, given
from hypothesis import strategies as st

from fanarchive.analysis.model import Mention, Quote
from fanarchive.analysis.speakers.context import VOCATIVE_LEAD_RE, _called


def called_reading_the_whole_quote(text: str, quote: Quote, mention: Mention) -> bool:
    """The rule as written before 2026-12-05: slices of the whole quote on both sides."""
    before = text[quote.start : mention.start].rstrip()
    after = text[mention.end : quote.end]
    opens = (
        before == ""
        or before[-1] in ",!?…"
        or (before[-1] == "." and not before.endswith((" Mr.", " Mrs.", " Dr.")))
        or VOCATIVE_LEAD_RE.search(before) is not None
    )
    closes = (
        after.strip() == ""
        or after[0] in ",!?;"
        or after.startswith(("...", "…", "—", "--", ". "))
        or (after.strip() == "." and before.endswith(","))
    )
    return opens and closes and not after.startswith(("'s", "’s"))


# Pieces that make every branch of the rule: marks, lead words, titles, spaces of any kind.
PIECES = [" ", "  ", "\n", "\u00a0", ",", ".", "!", "?", "…", ";", "—", "--", "...", "'s", "’s"]
PIECES += ["oh", "Well", "dear", "dearest", "my", "come", " Mr.", " Dr.", "said", "x" * 45]


def quoted(parts_before: list[str], parts_after: list[str]) -> tuple[str, Quote, Mention]:
    before, after = "".join(parts_before), "".join(parts_after)
    text = f'Intro. "{before}Emma{after}" she said.'
    start = text.index('"') + 1
    mention = Mention(start + len(before), start + len(before) + 4, "Emma")
    quote = Quote(start, text.rindex('"'), text[start : text.rindex('"')])
    return text, quote, mention


@given(st.lists(st.sampled_from(PIECES), max_size=8), st.lists(st.sampled_from(PIECES), max_size=8))
@example(["Well", ", "], [", "])
@example(["Goodnight", ", "], ["."])
@example(["Goodnight", ", "], [".", "said"])
@example(["Goodnight", ", "], [".", "\u00a0"])
@example(["x" * 45, " oh "], ["!"])
@example([" Mr."], [" "])
@example(["see "], ["'s hat"])
def test_reading_the_words_next_to_the_name_decides_as_reading_the_whole_quote(before, after):
    text, quote, mention = quoted(before, after)
    assert _called(text, quote, mention) == called_reading_the_whole_quote(text, quote, mention)


def test_the_reference_rule_sees_both_a_call_and_a_mention():
    # Guards the property above from passing on a rule that is always or never true.
    assert called_reading_the_whole_quote(*quoted(["Well", ", "], [", "]))
    assert not called_reading_the_whole_quote(*quoted(["I saw "], [" today"]))
