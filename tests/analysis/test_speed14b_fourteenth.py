"""speed14b: faster paths of the cast, relationships and warnings stages give what the slow
ones gave (hand-written passages)."""

from __future__ import annotations

import re

from fanarchive.analysis.characters.definite import TAGGED_RE, _tag_starts
from fanarchive.analysis.characters.lexicon import SPEECH_VERBS
from fanarchive.analysis.prefilter import finditer_at

TAG_PASSAGES = [
    '"Move," said the old ferryman. "Now," the girl with the lamp whispered, and ran.',
    '"Who?" asked the the clerk. The tall woman said nothing. "No," the man said.',
    'The innkeeper replied, "Soon." the guard went on. "Yes," said the guard, laughing.',
    '"Go!" —said the sergeant. "Eh?" cried the harbour master in a low voice; the boy laughed.',
    'the cook said "Stop" unsaid the words; resaid the thing. xsaid the man. Said the fool.',
    '"Tea?" The old lady asked the maid and the cook. "Fine," muttered the cabin-boy again.',
    "",
    "the",
    "said the",
]


def test_tag_starts_find_every_tagged_description():
    for text in TAG_PASSAGES + [" ".join(TAG_PASSAGES), "\n\n".join(TAG_PASSAGES)]:
        slow = [(m.span(), m.groups()) for m in TAGGED_RE.finditer(text)]
        fast = [(m.span(), m.groups()) for m in finditer_at(TAGGED_RE, text, _tag_starts(text))]
        assert fast == slow


def test_speech_verbs_are_lower_case_letters():
    # _tag_starts walks back over a-z to find the verb before ` the`
    assert all(re.fullmatch("[a-z]+", verb) for verb in SPEECH_VERBS)


def test_finditer_at_goes_on_from_the_last_match():
    pattern = re.compile(r"ab|ba")
    text = "abababa xba"
    starts = [i for i in range(len(text)) if text[i] in "ab"]
    assert [m.span() for m in finditer_at(pattern, text, starts)] == [
        m.span() for m in pattern.finditer(text)
    ]
    assert [m.span() for m in finditer_at(pattern, text, starts, 5)] == [
        m.span() for m in pattern.finditer(text, 0, 5)
    ]


POSSESSIVE_PASSAGES = [
    "His hat, her coat and their bags; Our house. this is his. Theirs is ours, hers too.",
    "Thesis her-self_his his\nher Her\tthat'his o'her (their) [His] —her 'his ",
    "his",
    "",
]


def test_possessive_words_found_as_before():
    from fanarchive.analysis.characters.scan import _POSSESSIVE_RE

    before = re.compile(r"\b(?:[Hh]is|[Hh]er|[Oo]ur|[Tt]heir) ")
    for text in POSSESSIVE_PASSAGES + [" ".join(POSSESSIVE_PASSAGES)]:
        assert [m.span() for m in _POSSESSIVE_RE.finditer(text)] == [
            m.span() for m in before.finditer(text)
        ]


SENTENCE_PASSAGES = [
    'Mr. Smith came. "Why?" she asked!! Then... it ended…  Dr. Who?\n\nNext one.\n \t\nA "quote."',
    "  Leading spaces. St. Ives is far. (An aside.) [Brackets!] Etc. and so on.\n\n\n",
    "No end at all",
    "Line one\nline two.\r\n\r\nThird paragraph?'\u2019 Fourth.\u201d\n\n  \n  Fifth",
    "Ask Mrs.\nJones. Mt. Fuji.  Jr.\n\nSr. ok. Prof. X. vs. them!?! \u2026 done",
    "",
    "\n\n",
    ".",
]
_OLD_END_RE = re.compile(r"([.!?…]+[\"'”’)\]]*)\s+|\s*\n[ \t]*\n\s*")


def _old_punctuated_sentences(text: str) -> list[tuple[int, int]]:
    from fanarchive.analysis.sentences import _after_abbreviation

    spans, start = [], len(text) - len(text.lstrip())
    for match in _OLD_END_RE.finditer(text):
        punct = match.group(1)
        end = match.end(1) if punct is not None else match.start()
        if (
            punct == "."
            and text[match.start() - 1] in "rstfcRSTFC"
            and _after_abbreviation(text, match.start())
            and "\n" not in match.group()
        ):
            continue
        if end > start:
            spans.append((start, end))
        start = match.end()
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


def test_sentence_ends_as_before():
    from fanarchive.analysis.sentences import _punctuated_sentences

    for text in SENTENCE_PASSAGES + ["\n\n".join(SENTENCE_PASSAGES), " ".join(SENTENCE_PASSAGES)]:
        found = [(s.start, s.end) for s in _punctuated_sentences(text)]
        assert found == _old_punctuated_sentences(text)


_OLD_FIGHT_RE = re.compile(
    r"\b(?=[hkpst])(?:punch(?:ed|es|ing)?|kick(?:ed|s|ing)?|stabb(?:ed|ing)|stabs?|slash(?:ed|es|ing)"
    r"|hit|hits|hitting|slapp(?:ed|ing)|slaps?|strangl(?:ed|es|ing)|tackl(?:ed|es|ing)"
    r"|head-?butt(?:ed|s|ing)?|shot|shoots?|shooting)\b",
    re.IGNORECASE,
)
FIGHT_PASSAGES = [
    "He punched Bob, then KICKED him; she Slapped back. Stabs, stabbing, stabbed a man.",
    "Headbutt, head-butting, HEAD-BUTTED. Hit hits hitting hitter whit shot shoots shootings.",
    "tackles Tackled tackle slash slashes strangles strangled; Shot-glass shot's \u017fhot \u212aick",
    "unpunched sucker-punched kick-off kick_off 3hit hit3 _hit (hit) 'slap' slaps",
]


def test_fight_verbs_found_as_before():
    from fanarchive.analysis.relationships import FIGHT_RE

    for text in FIGHT_PASSAGES + ["\n".join(FIGHT_PASSAGES)]:
        assert [m.span() for m in FIGHT_RE.finditer(text)] == [
            m.span() for m in _OLD_FIGHT_RE.finditer(text)
        ]


def test_fight_first_letters_are_all_that_ignore_case_matches():
    from fanarchive.analysis.relationships import FIGHT_FIRST_LETTERS

    letter = re.compile("[hkpst]", re.IGNORECASE)
    found = {chr(c) for c in range(0x110000) if letter.match(chr(c))}
    assert found == set(FIGHT_FIRST_LETTERS)


KEYWORD_PASSAGES = [
    "He hit the wall; hitting hurts. Violence, violent fights, a fight-club's gun-runner.",
    "kill killed killer's skill unkillable 3kill kill_ dead deadly died dying funeral graves",
    "wars war's warship armies troops soldier soldiers battlefield kidnapped hostage taken.",
    "knife knives sword swords stab stabbed blood-red beat beaten attack weapon über-kill",
]


def test_keywords_grouped_by_letter_find_as_before():
    from fanarchive.analysis.warnings.learned import KEYWORD_RES, KEYWORDS, KEYWORDS_RE

    def plain(alternatives: str) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{alternatives})\b")

    texts = [t.lower() for t in KEYWORD_PASSAGES] + ["\n".join(KEYWORD_PASSAGES)]
    for text in texts:
        for category, alternatives in KEYWORDS.items():
            assert [m.span() for m in KEYWORD_RES[category].finditer(text)] == [
                m.span() for m in plain(alternatives).finditer(text)
            ]
        assert KEYWORDS_RE.findall(text) == plain("|".join(KEYWORDS.values())).findall(text)


INTRODUCTION_PASSAGES = [
    "An old man came in. a tall, thin woman and One stranger; my aunt Polly, our cook.",
    "The lady's maid, the-end, Amy the girl, Anne my friend, Oner, sour our, them an",
    "Another man. an-other a3 A\nman. (an officer) 'a girl' --the boy my",
]


def test_introductions_found_as_before():
    from fanarchive.analysis.characters.unnamed import _INTRODUCED_RE

    before = re.compile(
        r"\b([Aa]n?|[Tt]he|[Oo]ne|[Mm]y|[Oo]ur) (?=((?:[A-Za-z][a-z\-]*,? ){0,4}[A-Za-z][a-z\-]*))"
    )
    for text in INTRODUCTION_PASSAGES + [" ".join(INTRODUCTION_PASSAGES)]:
        found = [(m.span(), m.groups(), m.span(2)) for m in _INTRODUCED_RE.finditer(text)]
        assert found == [(m.span(), m.groups(), m.span(2)) for m in before.finditer(text)]
        assert found


DESCRIPTION_PASSAGES = [
    "A man came in. The old man sat; the man said so. Then the tall old man left. bathe man",
    "An old, tired woman and some stranger. One woman spoke; the-woman; The woman's hat.",
    '"Doctor?" "Not now, Captain." the Doctor. Doctor, come. xDoctor! _Captain. Captain.',
]


def test_description_patterns_find_as_before():
    from fanarchive.analysis.characters import definite

    for text in DESCRIPTION_PASSAGES + [" ".join(DESCRIPTION_PASSAGES)]:
        for words in (("man",), ("old", "man"), ("woman",), ("stranger",)):
            head = re.escape(words[-1])
            if definite._generic(words):
                before = rf"\b[Tt]he {re.escape(' '.join(words))}\b"
            else:
                before = rf"\b[Tt]he (?:(?!the\b)[a-z\-]+ ){{0,2}}{head}\b"
            now = definite._mention_pattern(definite.Description(words))
            assert [m.span() for m in now.finditer(text)] == [
                m.span() for m in re.finditer(before, text)
            ]
            introduction = rf"\b(?:[Aa]n?|[Oo]ne|[Ss]ome) (?:[a-z\-]+,? ){{0,3}}{head}\b"
            assert [m.span() for m in re.finditer(introduction, text)] == [
                m.span() for m in re.finditer(definite._INTRODUCTION.format(head=head), text)
            ]


def test_title_calls_count_as_before():
    from fanarchive.analysis.characters import definite
    from fanarchive.analysis.characters.scan import Scan

    text = DESCRIPTION_PASSAGES[2]
    starts = [m.start() for m in re.finditer('"', text)][::2]
    ends = [m.end() for m in re.finditer('"', text)][1::2]
    scan = Scan(text, [], starts, ends, None)
    for title in ("Doctor", "Captain"):
        before = sum(
            1
            for m in re.finditer(rf"\b{title}(?=[,?!.])", text)
            if scan.in_quote(m.start()) and definite._opens_or_follows_comma(text, m.start())
        )
        assert definite._title_calls(title, scan) == before
        assert before
