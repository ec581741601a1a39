"""Time of the full analysis on hostile texts, at two sizes: does it grow linearly?

A work is not always prose. One paragraph of thousands of dash-dialogue turns took 120 s at
135,000 words (every turn searched the rest of the paragraph; fixed in quotes._dash_segment
and the sieve's paragraph bounds); a cast of thousands of names was quadratic in the
cast's nickname and surname look-ups, the ranking's turn votes and the minors' romance
sentences. This prints, per shape, the CPU seconds at N and 4 N
repetitions and their ratio: about 4 is linear, 16 would be quadratic. Target: every ratio
under 6 and every large case under 5 s per 100,000 words (five times the prose budget: a
hostile text may be slow, not quadratic).

examples:
  .venv/bin/python benchmarks/hostile_input.py               # N = 4,000 (up to ~135k words)
  .venv/bin/python benchmarks/hostile_input.py --repeats 300 # a smoke run
"""

from __future__ import annotations

import argparse
import random
import time

from fanarchive.analysis.pipeline import analyze_text


def _invented_names(count: int) -> list[str]:
    """Distinct-looking names (seeded): a cast of thousands, each said once or twice."""
    rng = random.Random(7)
    syllables = [c + v for c in "bcdfgklmnprstvz" for v in "aeiou"]
    return ["".join(rng.choice(syllables) for _ in range(3)).title() for _ in range(count)]


def names_in_dialogue(n: int) -> str:
    names = _invented_names(2 * n)
    return "".join(
        f'"Hi, {a}," {b} said.\n\n' for a, b in zip(names[::2], names[1::2], strict=True)
    )


def ages_beside_kisses(n: int) -> str:
    return "".join(f"{name} was fifteen. She kissed him. " for name in _invented_names(n))


def names_in_one_paragraph(n: int) -> str:
    """A paragraph naming thousands of people (relationships once built every pair)."""
    names = _invented_names(n)
    waves = zip(names, names[1:] + names[:1], strict=True)
    return " ".join(f"{a} waved at {b}." for a, b in waves) + "\n"


def narrator_called_by_many(n: int) -> str:
    """An I whom others call by thousands of names, once each: the narrator's name is looked
    for after attribution (speakers/narrator_naming.py), once per call."""
    opening = "I walked in and sat down, and my coffee was cold, and I told myself to wait.\n\n"
    return opening + "".join(
        f"\u201cMorning, {name}.\u201d\n\n\u201cHey.\u201d I shrugged.\n\n"
        for name in _invented_names(n)
    )


def many_chapters(n: int) -> str:
    return "".join(f'Chapter {i}\n\nAnn walked in.\n\n"Hi," she said.\n\n' for i in range(1, n + 1))


def chat_of_usernames(n: int) -> str:
    """A chat of thousands of usernames, each saying love you (quotes.chat_lines, the labels'
    characters and the confessions said to several)."""
    names = _invented_names(2 * n)
    return "".join(
        f"{a}: love you guys\n{b}: love you too\n{a}: ok\n"
        for a, b in zip(names[::2], names[1::2], strict=True)
    )


def unnamed_spouses(n: int) -> str:
    """Thousands of men each kissing "his wife" and women meeting "her husband's eyes": each
    owner of an unnamed spouse is matched against the others (relationships' spouse rule)."""
    names = _invented_names(2 * n)
    return "".join(
        f"{a} kissed his wife. {b} met her husband's eyes. {a} waved at {b}.\n\n"
        for a, b in zip(names[::2], names[1::2], strict=True)
    )


def lower_case_names(n: int) -> str:
    """A work written all in lower case, with thousands of names said in its speech tags:
    every one becomes a name to restore (analysis/lowercase.py)."""
    names = [name.lower() for name in _invented_names(2 * n)]
    return "".join(
        f"the rain had not stopped all day, and the sign outside buzzed and flickered.\n\n"
        f'"where are you going?" {a} asked.\n\n"out," {b} said. "just out, {a}."\n\n'
        for a, b in zip(names[::2], names[1::2], strict=True)
    )


def repeated(unit: str):
    return lambda n: unit * n


SHAPES = {
    "names in dialogue": names_in_dialogue,
    "ages beside kisses": ages_beside_kisses,
    "dash turns in one paragraph": repeated("— Hello — said — the — queen — "),
    "quotes in one paragraph": repeated('"Go," she said. "No," he said. '),
    "possessive names": repeated("Ann's Bob's Cat's Dan's "),
    "violent phrases": repeated(
        "his knuckles split on the man's cheekbone and the blade opened a line. "
    ),
    "unclosed quotes": repeated('" a '),
    "blows in one unstopped sentence": repeated("Ann hit Bob and he punched her and "),
    "names in one paragraph": names_in_one_paragraph,
    "a narrator called by many": narrator_called_by_many,
    "many chapters": many_chapters,
    "a chat of usernames": chat_of_usernames,
    "kisses back in one sentence": repeated("Bob kissed him, and Tom kissed him back, and "),
    "spouses never named": unnamed_spouses,
    "she kissed him, in one sentence": repeated("Ann smiled at Bob, and she kissed him, and "),
    "one long word": repeated("a" * 40),
    "a lower-case work of many names": lower_case_names,
}


def cpu_seconds(text: str) -> float:
    start = time.process_time()
    analyze_text(text)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=4000, help="N, the smaller size")
    args = parser.parse_args()
    analyze_text('Warm-up. "Hello," she said.\n')  # packs and patterns load once
    worst_ratio, worst_rate = 0.0, 0.0
    for name, make in SHAPES.items():
        small, large = make(args.repeats), make(4 * args.repeats)
        t_small, t_large = cpu_seconds(small), cpu_seconds(large)
        # a word per six characters at least: one 160,000-letter word is no one-word work
        words = max(len(large.split()), len(large) // 6)
        ratio = t_large / max(t_small, 1e-3)
        rate = t_large / words * 100_000
        worst_ratio, worst_rate = max(worst_ratio, ratio), max(worst_rate, rate)
        print(
            f"{name:30} {words:>8,} words  {t_small:6.2f} s -> {t_large:6.2f} s"
            f"  ratio {ratio:4.1f}  {rate:5.2f} s per 100k words"
        )
    met = worst_ratio < 6 and worst_rate < 5
    print(f"worst ratio {worst_ratio:.1f}, worst {worst_rate:.2f} s per 100k words: "
          f"{'met' if met else 'NOT met'}")  # fmt: skip


if __name__ == "__main__":
    main()
