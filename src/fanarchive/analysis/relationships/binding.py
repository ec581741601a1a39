"""Who a relationship cue is about: a cue counts for a pair only when it concerns both of
its characters, in one sentence or one exchange.

- Inside a quote, the speaker and the one spoken to, when the words are about the two of
  them ("I love you", "you're my brother", "we're rivals"); gossip about others ("he kissed
  her") falls back to the names in the sentence.
- A relational noun ("brother", "rival", "wife") binds its possessor to the person it names:
  "Ann's brother Bob", "Bob, her brother", "Bob was Ann's rival", and after a sentence
  naming exactly two people, "He was her brother". "Her brother" alone is a third person.
- A reciprocal cue ("were siblings", "married", "hated each other") binds the two people named
  nearest it in its sentence ("Ann and Bob were married"), or, when the sentence names
  nobody, the two people of the sentence before ("They were enemies now.").
- An act ("kissed", "held her hand") binds the people named on either side of it; a pronoun
  stands for someone named in the last few sentences only when its gender fits and no other
  person ("his mother") is in the sentence to be the one meant.
- A mention whose title contradicts the character it was resolved to ("Mrs. Weasley" read as
  Ron Weasley) is nobody's: better no cue than a false romance.

The Binder is put together from one class per concern, each in its own module; a module
imports only from those above it in this list:

- genders: what a pronoun or noun says of a person's sex; people described, not named.
- people: Person, Mentions and the people each sentence names (pair_of, Pair).
- context: CueContext, the work's text, quotes and people, and the per-sentence look-ups.
- exchanges, scenes, pronouns (each on CueContext): a quote's speaker and addressee; the
  scene's people and the narrator's "we"; whom a pronoun stands for.
- acts, relations (each on all three): the kinds of cue, act() for a kiss or a confession,
  relational() and reciprocal() for what the text calls two people.
"""

from __future__ import annotations

from fanarchive.analysis.relationships.acts import ActBinding
from fanarchive.analysis.relationships.relations import RelationBinding


class Binder(ActBinding, RelationBinding):
    """The pair a cue concerns, from the people named (or clearly meant) around it."""
