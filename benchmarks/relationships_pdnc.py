"""Relationships on the PDNC novels against relations known from their plots.

Each novel of ../shared/pdnc-dev is analysed whole; its relationships (the first 30, not only
the six a report shows) are compared with pairs whose relation the novel's plot states:
married or courting couples (romantic), siblings and cousins (family), friends, rivals, and
pairs known to be none of these ("other"). Figures per side (TUNE: Alice, Anne of Green Gables,
Emma, Pride and Prejudice, The Gambler; CHECK: the other five, never tuned on):

- romantic right / wrong: pairs called romantic that the plot makes a couple / does not;
  unlabelled romantic pairs are counted apart;
- family right / wrong: pairs given the subtype "family" that are / are not kin;
- main pairing: novels whose first romantic pair is the story's central couple.

The labels were written from the plots before any check-side output was seen. `--list`
prints each tune novel's pairs (never the check side's: its errors are not to be studied).

examples:
  .venv/bin/python benchmarks/relationships_pdnc.py
  .venv/bin/python benchmarks/relationships_pdnc.py --list
  .venv/bin/python benchmarks/relationships_pdnc.py --novels 1   # a quick smoke run
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import fanarchive.analysis.relationships as relationships
from fanarchive.analysis.pipeline import analyze_path
from fanarchive.devdata import shared_dir

# (keyword, keyword, label): a keyword matches a cast name exactly or as a run of its words.
TUNE = {
    "AlicesAdventuresInWonderland": [
        ("The King", "The Queen", "romantic"),
        ("Alice", "The Queen", "other"),
        ("Alice", "The Gryphon", "other"),
        ("The Gryphon", "The Mock Turtle", "other"),
        ("Alice", "The Hatter", "other"),
        ("Alice", "The King", "other"),
        ("Alice", "The Mock Turtle", "other"),
        ("Alice", "The Duchess", "other"),
        ("Alice", "The Caterpillar", "other"),
    ],
    "AnneOfGreenGables": [
        ("Marilla", "Matthew", "family"),
        ("Anne", "Diana", "friends"),
        ("Anne", "Marilla", "other"),
        ("Anne", "Matthew", "other"),
        ("Anne", "Gilbert", "rivals"),
        ("Anne", "Mrs. Lynde", "other"),
        ("Mr. Barry", "Mrs. Barry", "romantic"),
        ("Anne", "Mrs. Allan", "other"),
        ("Anne", "Miss Stacy", "other"),
        ("Anne", "Josie Pye", "other"),
        ("Anne", "Ruby Gillis", "friends"),
        ("Anne", "Jane Andrews", "friends"),
        ("Diana", "Mrs. Barry", "other"),
        ("Anne", "Mrs. Barry", "other"),
    ],
    "Emma": [
        ("Emma", "Mr. Knightley", "romantic"),
        ("Mr. Weston", "Mrs. Weston", "romantic"),
        ("Frank Churchill", "Jane Fairfax", "romantic"),
        ("Harriet", "Robert Martin", "romantic"),
        ("Harriet", "Mr. Martin", "romantic"),
        ("Mr. Elton", "Mrs. Elton", "romantic"),
        ("John Knightley", "Isabella", "romantic"),
        ("Emma", "Mr. Woodhouse", "other"),
        ("Emma", "Harriet", "friends"),
        ("Emma", "Mrs. Weston", "friends"),
        ("Emma", "Isabella", "family"),
        ("Emma", "Mr. Elton", "other"),
        ("Emma", "Mr. Weston", "other"),
        ("Emma", "Miss Bates", "other"),
        ("Emma", "Jane Fairfax", "other"),
        ("Emma", "Mrs. Elton", "other"),
        ("Harriet", "Mr. Elton", "other"),
        ("Mr. Knightley", "Mr. Woodhouse", "other"),
        ("Mr. Weston", "Frank Churchill", "other"),
        ("Mr. Knightley", "Harriet", "other"),
        ("Mr. Knightley", "Mrs. Weston", "other"),
        ("Mr. Woodhouse", "Mrs. Weston", "other"),
        ("Mr. Woodhouse", "Isabella", "other"),
        ("Mr. Knightley", "John Knightley", "family"),
    ],
    "PrideAndPrejudice": [
        ("Elizabeth", "Mr. Darcy", "romantic"),
        ("Jane", "Mr. Bingley", "romantic"),
        ("Mr. Bennet", "Mrs. Bennet", "romantic"),
        ("Lydia", "Mr. Wickham", "romantic"),
        ("Mr. Collins", "Charlotte", "romantic"),
        ("Mr. Gardiner", "Mrs. Gardiner", "romantic"),
        ("Elizabeth", "Jane", "family"),
        ("Elizabeth", "Lydia", "family"),
        ("Jane", "Lydia", "family"),
        ("Elizabeth", "Kitty", "family"),
        ("Elizabeth", "Mary", "family"),
        ("Lydia", "Kitty", "family"),
        ("Mr. Bingley", "Mr. Darcy", "friends"),
        ("Elizabeth", "Charlotte", "friends"),
        ("Elizabeth", "Mr. Wickham", "other"),
        ("Elizabeth", "Mr. Collins", "other"),
        ("Elizabeth", "Colonel Fitzwilliam", "other"),
        ("Elizabeth", "Mr. Bingley", "other"),
        ("Elizabeth", "Mr. Bennet", "other"),
        ("Elizabeth", "Mrs. Bennet", "other"),
        ("Elizabeth", "Lady Catherine", "other"),
        ("Elizabeth", "Miss Bingley", "other"),
        ("Mr. Darcy", "Miss Bingley", "other"),
        ("Elizabeth", "Mrs. Gardiner", "other"),
        ("Mr. Darcy", "Georgiana", "family"),
        ("Mr. Bingley", "Miss Bingley", "family"),
        ("Jane", "Miss Bingley", "other"),
        ("Mr. Darcy", "Mr. Wickham", "other"),
    ],
    "TheGambler": [
        ("Alexis", "Polina", "romantic"),
        ("The General", "Mlle. Blanche", "romantic"),
        ("General", "Blanche", "romantic"),
        ("Alexis", "Mlle. Blanche", "romantic"),
        ("De Griers", "Polina", "romantic"),
        ("Mr. Astley", "Polina", "romantic"),
        ("Alexis", "Mr. Astley", "friends"),
        ("Alexis", "De Griers", "other"),
        ("Alexis", "The Grandmother", "other"),
        ("Polina", "The Grandmother", "other"),
        ("Alexis", "The General", "other"),
        ("Alexis", "General", "other"),
        ("The General", "The Grandmother", "family"),
        ("General", "The Grandmother", "family"),
    ],
}
CHECK = {
    "ARoomWithAView": [
        ("Lucy", "George", "romantic"),
        ("Lucy", "Cecil", "romantic"),
        ("Lucy", "Charlotte", "family"),
        ("Lucy", "Miss Bartlett", "family"),
        ("Lucy", "Freddy", "family"),
        ("Mr. Emerson", "George", "other"),
        ("Lucy", "Mr. Beebe", "other"),
        ("Lucy", "Mr. Emerson", "other"),
        ("Lucy", "Mrs. Honeychurch", "other"),
        ("Freddy", "Mrs. Honeychurch", "other"),
        ("Lucy", "Miss Lavish", "other"),
        ("Cecil", "Mr. Beebe", "other"),
        ("George", "Freddy", "other"),
        ("Cecil", "Freddy", "other"),
    ],
    "DaisyMiller": [
        ("Winterbourne", "Daisy", "romantic"),
        ("Daisy", "Giovanelli", "romantic"),
        ("Daisy", "Randolph", "family"),
        ("Winterbourne", "Mrs. Costello", "other"),
        ("Daisy", "Mrs. Miller", "other"),
        ("Winterbourne", "Randolph", "other"),
        ("Winterbourne", "Mrs. Walker", "other"),
        ("Winterbourne", "Giovanelli", "other"),
        ("Daisy", "Mrs. Walker", "other"),
        ("Winterbourne", "Mrs. Miller", "other"),
    ],
    "HardTimes": [
        ("Bounderby", "Louisa", "romantic"),
        ("Louisa", "Tom", "family"),
        ("Harthouse", "Louisa", "romantic"),
        ("Stephen", "Rachael", "romantic"),
        ("Mr. Gradgrind", "Mrs. Gradgrind", "romantic"),
        ("Sissy", "Louisa", "friends"),
        ("Bounderby", "Mrs. Sparsit", "other"),
        ("Mr. Gradgrind", "Louisa", "other"),
        ("Bounderby", "Mr. Gradgrind", "other"),
        ("Tom", "Harthouse", "other"),
        ("Sissy", "Mr. Gradgrind", "other"),
        ("Stephen", "Bounderby", "other"),
        ("Bounderby", "Tom", "other"),
        ("Harthouse", "Mrs. Sparsit", "other"),
    ],
    "TheInvisibleMan": [
        ("Mr. Hall", "Mrs. Hall", "romantic"),
        ("Kemp", "Griffin", "other"),
        ("Marvel", "Griffin", "other"),
        ("Kemp", "The Invisible Man", "other"),
        ("Marvel", "The Invisible Man", "other"),
        ("Mrs. Hall", "The Invisible Man", "other"),
        ("Mrs. Hall", "Griffin", "other"),
        ("Cuss", "Bunting", "other"),
        ("Teddy Henfrey", "Mrs. Hall", "other"),
        ("Kemp", "Adye", "other"),
    ],
    "TheSignOfTheFour": [
        ("Watson", "Miss Morstan", "romantic"),
        ("Watson", "Mary Morstan", "romantic"),
        ("Holmes", "Watson", "friends"),
        ("Thaddeus", "Bartholomew", "family"),
        ("Holmes", "Athelney Jones", "other"),
        ("Holmes", "Miss Morstan", "other"),
        ("Holmes", "Thaddeus", "other"),
        ("Watson", "Thaddeus", "other"),
        ("Holmes", "Jonathan Small", "other"),
        ("Watson", "Mrs. Forrester", "other"),
        ("Holmes", "Mary Morstan", "other"),
    ],
}
MAIN = {
    "Emma": ("Emma", "Mr. Knightley"),
    "PrideAndPrejudice": ("Elizabeth", "Mr. Darcy"),
    "TheGambler": ("Alexis", "Polina"),
    "ARoomWithAView": ("Lucy", "George"),
    "DaisyMiller": ("Winterbourne", "Daisy"),
    "TheSignOfTheFour": ("Watson", "Morstan"),
}
LISTED = 30


def matches(keyword: str, name: str) -> bool:
    words, parts = keyword.split(), name.split()
    return any(parts[i : i + len(words)] == words for i in range(len(parts) - len(words) + 1))


def label(gold: list[tuple[str, str, str]], a: str, b: str) -> str:
    for x, y, relation in gold:
        if (matches(x, a) and matches(y, b)) or (matches(x, b) and matches(y, a)):
            return relation
    return "?"


def score_novel(folder: Path, gold: list, main: tuple[str, str] | None, listing: bool) -> Counter:
    found = analyze_path(folder / "novel_text.txt").relationships
    counts: Counter = Counter()
    for rank, relationship in enumerate(found):
        relation = label(gold, *relationship.characters)
        if listing:
            print(
                f"  {rank:2d} {relationship.tag:50s} {relationship.kind:9s} "
                f"{relationship.subtype:8s} gold={relation}"
            )
        if relationship.kind == "romantic":
            key = {"romantic": "romantic_right", "?": "romantic_unlabelled"}
            counts[key.get(relation, "romantic_wrong")] += 1
        if relationship.subtype == "family" and relation != "?":
            counts["family_right" if relation == "family" else "family_wrong"] += 1
    if main:
        counts["main_novels"] += 1
        first = next((r for r in found if r.kind == "romantic"), None)
        if first and all(any(matches(k, n) for n in first.characters) for k in main):
            counts["main_right"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print each tune novel's pairs")
    parser.add_argument(
        "--novels", type=int, default=0, help="only the first N novels of each side (a smoke run)"
    )
    args = parser.parse_args()
    relationships.MAX_RELATIONSHIPS = LISTED
    root = shared_dir() / "pdnc-dev"
    for side, novels in (("tune", TUNE), ("check", CHECK)):
        total: Counter = Counter()
        for novel, gold in list(novels.items())[: args.novels or None]:
            if args.list and side == "tune":
                print(f"== {novel}")
            total += score_novel(root / novel, gold, MAIN.get(novel), args.list and side == "tune")
        print(
            f"{side}: romantic right {total['romantic_right']}, wrong {total['romantic_wrong']}"
            f" (unlabelled {total['romantic_unlabelled']}); family right {total['family_right']},"
            f" wrong {total['family_wrong']}; main pairing {total['main_right']}"
            f"/{total['main_novels']}"
        )


if __name__ == "__main__":
    main()
