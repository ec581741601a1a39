"""A deterministic generator of fan-fiction-like works for benchmarks and scale tests.

Works read like the real thing as far as the analysis is concerned: narration paragraphs
with names and pronouns, dialogue with speech tags before, after and inside the quote
("said Naruto", "he asked", "Sakura whispered"), untagged turn-taking, vocatives, curly and
straight quotes, an author's note at the start and end of some works, chapter headings in
longer works, scene breaks, and now and then a kiss, a fight or blood, so every component of
the pipeline has real work to do. Everything is drawn from `random.Random(seed)`: the same
seed gives the same bytes.

    from fic_corpus import corpus, work
    text = work(100_000, seed=7)             # one 100,000-word work
    texts = corpus(1_000_000, seed=1)        # ~1,000,000 words in works of fic-like sizes
"""

from __future__ import annotations

import math
import random
import re

# Pack characters (Naruto) under the names fics use, and names no pack knows.
PACK_NAMES = [
    ("Naruto", "he"),
    ("Sasuke", "he"),
    ("Sakura", "she"),
    ("Kakashi", "he"),
    ("Gai", "he"),
    ("Gaara", "he"),
    ("Hinata", "she"),
    ("Shikamaru", "he"),
    ("Ino", "she"),
    ("Iruka", "he"),
    ("Neji", "he"),
    ("Tenten", "she"),
    ("Temari", "she"),
    ("Tsunade", "she"),
    ("Lee", "he"),
]
OTHER_NAMES = [
    ("Mira", "she"),
    ("Tomas", "he"),
    ("Elena", "she"),
    ("Ravi", "he"),
    ("Wren", "she"),
    ("Oskar", "he"),
    ("Juno", "she"),
    ("Dario", "he"),
]
SPEECH_VERBS = [
    "said",
    "asked",
    "replied",
    "whispered",
    "muttered",
    "called",
    "answered",
    "snapped",
    "murmured",
    "added",
]
MANNERS = [
    "quietly",
    "softly",
    "with a grin",
    "without looking up",
    "after a moment",
    "sharply",
    "under his breath",
    "almost laughing",
    "a little too loudly",
]
SUBJECTS = [
    "the rain",
    "the old training ground",
    "the river",
    "the village gate",
    "the mission",
    "the letter",
    "the lanterns",
    "the rooftops",
    "the hospital corridor",
    "the market",
]
ACTIONS = [
    "glanced toward {subject} and frowned",
    "leaned against the railing, arms crossed",
    "turned the kunai over in {poss} fingers",
    "shifted {poss} weight from one foot to the other",
    "stared at {subject} for a long time",
    "let out a slow breath and looked away",
    "rubbed the back of {poss} neck",
    "pushed the door open with {poss} shoulder",
    "sat down on the step beside {other}",
    "caught {other}'s eye and held it",
]
NARRATION = [
    "The wind came down off the mountains and rattled the shutters along {subject}.",
    "Somewhere below, a dog barked twice and then fell silent.",
    "It had been three days since anyone had said a word about {subject}.",
    "The lamps along the street had gone out one by one, and only the moon showed the way.",
    "{name} had not slept properly in a week, and it showed in every careful movement.",
    "Neither of them mentioned {subject}, though it sat between them like a third person.",
    "The tea had gone cold hours ago. Nobody had thought to make more.",
    "By the time they reached {subject}, the sky had turned the colour of old bruises.",
    "{name} remembered the first time they had met, and how badly it had gone.",
    "There was a kind of quiet that only came after a storm, and this was it.",
]
LINES = [
    "You're late again",
    "I told you I'd come, didn't I",
    "Where have you been",
    "We should go back before anyone notices",
    "I'm not leaving you here alone",
    "Do you ever stop talking",
    "That wasn't what I meant and you know it",
    "Race you to the river",
    "Tell me the truth for once",
    "Is it true what they're saying",
    "I can't do this without you",
    "Fine. Have it your way",
    "You really think that's funny",
    "Then we'll find another way",
    "Don't look at me like that",
    "It's nothing, really",
    "Why did you come back",
    "I missed you, idiot",
    "Get some sleep",
    "Not a chance",
]
INTENSE = [
    "{name} leaned in and kissed {other}, slow and careful, as if asking a question.",
    "Blood ran from the cut on {name}'s arm and dripped onto the stones.",
    "The kunai caught {name} in the shoulder and the world went white with pain.",
    "{name} took {other}'s hand and did not let go for a long time.",
    "{other} pulled {name} into a fierce hug, laughing into {poss} hair.",
]
NOTES_START = [
    "A/N: This is my first fic for this fandom, so please be gentle! I don't own any of "
    "the characters. Reviews are always welcome.",
    "Author's Note: Set after the war arc, canon-compliant-ish. Thanks to my beta for "
    "putting up with me. Enjoy!",
    "Disclaimer: I do not own Naruto. This idea has been stuck in my head for weeks.",
]
NOTES_END = [
    "A/N: Thanks for reading! Let me know what you think in the comments.",
    "Hope you enjoyed it! Kudos and reviews make my day. Next chapter soon.",
]
BREAKS = ["* * *", "***", "~~~", "-x-x-", "o0o"]
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def count_words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def work(words: int, seed: int = 0) -> str:
    """One work of about `words` words (within a paragraph's length)."""
    rng = random.Random(seed)
    cast = _cast(rng)
    parts: list[str] = []
    if rng.random() < 0.4:
        parts.append(rng.choice(NOTES_START))
        parts.append("")  # an extra blank line sets the note off, as authors do
    chapters = max(1, words // 6000) if words > 8000 else 1
    per_chapter = words / chapters
    written = 0
    for chapter in range(chapters):
        if chapters > 1:
            parts.append(f"Chapter {chapter + 1}: {rng.choice(SUBJECTS).title()}")
        target = per_chapter * (chapter + 1)
        since_break = 0
        while written < target:
            paragraph = _paragraph(rng, cast)
            parts.append(paragraph)
            size = count_words(paragraph)
            written += size
            since_break += size
            if since_break > 1500 and rng.random() < 0.15 and written < target:
                parts.append(rng.choice(BREAKS))
                since_break = 0
    if rng.random() < 0.3:
        parts.append(rng.choice(NOTES_END))
    return "\n\n".join(parts) + "\n"


def work_sizes(total_words: int, seed: int = 0) -> list[int]:
    """Fic-like sizes (log-normal around 3,000 words, a long tail) adding up to the total."""
    rng = random.Random(seed)
    sizes: list[int] = []
    remaining = total_words
    while remaining > 0:
        size = int(min(60_000, max(300, rng.lognormvariate(math.log(3000), 0.9))))
        size = min(size, remaining) if remaining - size < 300 else size
        sizes.append(size)
        remaining -= size
    return sizes


def corpus(total_words: int, seed: int = 0) -> list[str]:
    """Works adding up to about `total_words` words."""
    return [work(size, seed * 100_003 + i) for i, size in enumerate(work_sizes(total_words, seed))]


def _cast(rng: random.Random) -> list[tuple[str, str]]:
    cast = rng.sample(PACK_NAMES, 3) + rng.sample(OTHER_NAMES, 1)
    return cast


def _paragraph(rng: random.Random, cast: list[tuple[str, str]]) -> str:
    speaker, other = rng.sample(cast[:3], 2) if rng.random() < 0.85 else rng.sample(cast, 2)
    roll = rng.random()
    if roll < 0.30:
        return _narration(rng, speaker, other, sentences=rng.randint(2, 5))
    if roll < 0.85:
        return _dialogue(rng, speaker, other)
    if roll < 0.95:
        return f'"{_line(rng, other)}"'  # untagged: turn-taking decides
    return _fill(rng, rng.choice(INTENSE), speaker, other)


def _narration(rng, speaker, other, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        if rng.random() < 0.5:
            out.append(_fill(rng, rng.choice(NARRATION), speaker, other))
        else:
            subject = speaker[0] if rng.random() < 0.6 else speaker[1].capitalize()
            out.append(f"{subject} {_fill(rng, rng.choice(ACTIONS), speaker, other)}.")
    return " ".join(out)


def _dialogue(rng, speaker, other) -> str:
    name, pronoun = speaker
    line = _line(rng, other)
    verb = rng.choice(SPEECH_VERBS)
    open_q, close_q = ("“", "”") if rng.random() < 0.3 else ('"', '"')
    style = rng.random()
    end = "," if line[-1] not in "?!." else ""
    if style < 0.35:
        text = f"{open_q}{line}{end}{close_q} {name} {verb}."
    elif style < 0.5:
        text = f"{open_q}{line}{end}{close_q} {verb} {name}."
    elif style < 0.7:
        text = f"{open_q}{line}{end}{close_q} {pronoun} {verb} {rng.choice(MANNERS)}."
    elif style < 0.85:
        action = _fill(rng, rng.choice(ACTIONS), speaker, other)
        text = f"{name} {action}. {open_q}{_closed(line)}{close_q}"
    else:
        more = _line(rng, other)
        text = f"{open_q}{line}{end}{close_q} {name} {verb}. {open_q}{_closed(more)}{close_q}"
    if rng.random() < 0.3:
        text += " " + _narration(rng, speaker, other, sentences=1)
    return text


def _closed(line: str) -> str:
    return line if line[-1] in "?!." else line + "."


def _line(rng, addressee) -> str:
    line = rng.choice(LINES)
    if rng.random() < 0.15:
        line = f"{addressee[0]}, {line[0].lower()}{line[1:]}"  # a vocative
    return line + rng.choice(["", "", "?", "!", "..."]) if line[-1] not in "?!." else line


def _fill(rng, template: str, speaker, other) -> str:
    possessive = "his" if speaker[1] == "he" else "her"
    return template.format(
        name=speaker[0], other=other[0], poss=possessive, subject=rng.choice(SUBJECTS)
    )
