"""Cluster the surface forms of discovered names into characters.

Rules that generalise across English prose, in order:
1. A full name (`Elizabeth Bennet`, `Mr. Frank Churchill`) anchors a cluster keyed by its
   given and family name. `Mrs. John Knightley` (a wife styled by her husband's name) is
   kept apart from `Mr. John Knightley`.
2. A title with one name (`Mr. Darcy`, `Miss Fairfax`, `Lady Catherine`) joins the only
   gender-compatible full name sharing that name; `Mrs. X` joins only a full name seen as
   `Mrs.`, and `Mr. X` stays apart when a `Mr. <Given> X` exists (the 19th-century way of
   telling a younger brother from the head of the family).
3. A bare word joins the one cluster whose given name it is; failing that the one cluster
   whose family name it is (several bearers: the one man known only by a title, `Colonel
   Fitzwilliam`, or a clearly dominant one); a family name several people share (`Bennet`,
   or `Harlow` for a `Mr. Tom Harlow` and his two sisters) names no one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from fanarchive.analysis.characters import context
from fanarchive.analysis.characters.discovery import Form
from fanarchive.analysis.characters.lexicon import (
    NAME_PARTICLES,
    TITLES,
    nicknames,
    words,
)
from fanarchive.analysis.characters.names import given_names, usual_english_name

MALE, FEMALE = "male", "female"
# Titles followed by a given name (`Lady Catherine`, `Sir William`, `Aunt Marilla`); the
# others (`Mr.`, `Colonel`, `Dr.`) are followed by a family name.
GIVEN_NAME_TITLES = words(
    """
    miss lady sir lord aunt auntie uncle cousin prince princess king queen master mistress
    sister brother father mother dame granny grandma grandpa mlle mademoiselle fräulein
    """
)
# What a family calls its elders, used as names (`"Where were you?" Mom asked.`).
KIN_NAMES = {
    **dict.fromkeys(
        words("mom mum mommy mummy momma mama mamma mam grandma granny gran nana nan"),
        FEMALE,
    ),
    **dict.fromkeys(words("dad daddy papa pappa pop grandpa granddad grandad gramps"), MALE),
}
# Titles of a married woman: `Mrs. Bennet` is none of the `Miss Bennet`s.
MARRIED_TITLES = frozenset({"mrs", "lady", "madame", "mme"})
# `St.` inside a family name counts as a particle: `Emily St. Aubert` is an `St. Aubert`.
_PARTICLES = frozenset(p.lower() for p in NAME_PARTICLES) | {"st.", "ste."}


def name_parts(names: tuple[str, ...]) -> tuple[str, str]:
    """(given, family): `Catherine de Bourgh` -> ("Catherine", "de Bourgh"); a lone name or
    a particle-led one (`de Bourgh`) has no given part and counts as one name."""
    # Particles compare in lowercase: `De Griers` and `Monsieur de Griers` are one family.
    words_ = [w.lower() if w.lower() in _PARTICLES else w for w in names]
    if len(names) < 2 or names[0].lower() in _PARTICLES:
        return "", " ".join(words_)
    # Middle names go: `Anthony Comstock Patch` is `Anthony Patch`; `de Bourgh` stays whole.
    family_start = next((i for i, w in enumerate(words_[1:], 1) if w in _PARTICLES), None)
    return names[0], " ".join(words_[family_start or len(words_) - 1 :])


def _core(family: str) -> str:
    """A family name without its particles: `de Griers` -> `Griers`."""
    return " ".join(w for w in family.split() if w not in _PARTICLES)


def is_full(form: Form) -> bool:
    return bool(name_parts(form.names)[0])


@dataclass
class Cluster:
    forms: list[Form] = field(default_factory=list)
    given: str = ""
    family: str = ""
    titles: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(f.count for f in self.forms)

    def add(self, form: Form) -> None:
        self.forms.append(form)
        if form.title:
            self.titles[form.title] += form.count

    @property
    def familiar(self) -> bool:
        """Mostly called without a title: someone a nickname can stand for."""
        return sum(f.count for f in self.forms if not f.title) * 2 >= self.count

    @property
    def gender(self) -> str:
        """The titles' gender, else the given name's usual one (for telling relatives
        apart; the character's gender also weighs the pronouns, see detect.py)."""
        if self.titles_gender == "unknown" and not self.given and self._only_ranks:
            # `Captain John`, `Doctor Kate`: a rank says nothing of gender, the given name it
            # stands before does (`Captain Smith`, no given name, stays unknown)
            return given_names().get(self.family.lower(), "unknown")
        if self.titles_gender != "unknown" or not self.given:
            return self.titles_gender
        given = self.given.lower()
        return given_names().get(given) or KIN_NAMES.get(given, "unknown")

    @property
    def _only_ranks(self) -> bool:
        """Titled only by ranks of no gender (`Captain`, `Dr.`), never `Mr.` or `Lady`."""
        return bool(self.titles) and all(TITLES.get(t) == "" for t in self.titles)

    @property
    def titles_gender(self) -> str:
        """What the text's own titles say (`Mr.`, `Lady`), when they agree."""
        votes: Counter[str] = Counter()
        for title, n in self.titles.items():
            if TITLES.get(title):
                votes[TITLES[title]] += n
        if not votes:
            return "unknown"
        (best, n), *rest = votes.most_common()
        return best if not rest or n >= 3 * rest[0][1] else "unknown"


def _by_given(name: str, clusters: list[Cluster]) -> list[Cluster]:
    return [c for c in clusters if c.given == name]


def _merge_nicknames(clusters: list[Cluster]) -> list[Cluster]:
    """`Lizzy` joins `Elizabeth` (and `Cas` joins `Castiel`) when exactly one person known
    by first name is an Elizabeth (a `Lady Catherine` is no `Kitty`)."""
    table = nicknames()
    shortened = _shortened_forms(clusters)
    merged = []
    for cluster in sorted(clusters, key=lambda c: -c.count):
        name = cluster.given or ("" if " " in cluster.family else cluster.family)
        owners = [
            o
            for o in _possible_owners(name, clusters, table, shortened)
            if o is not cluster
            and o.forms  # one already joined to another name is no owner
            and (o.given in table.get(name, ()) or _clipped(name, cluster, o))
            and o.familiar
            and (not cluster.given or not cluster.family or cluster.family == o.family)
        ]
        owners = _longest_owners(owners)
        # A nickname smaller than the name it shortens joins it (a big `Polly` is no `Mary`);
        # a clipped name whatever its size (`Teo`, said far more often than `Teodor Varga`).
        if len(owners) == 1 and (
            cluster.count <= owners[0].count or _clipped(name, cluster, owners[0])
        ):
            for form in cluster.forms:
                owners[0].add(form)
            cluster.forms = []
        else:
            merged.append(cluster)
    return [c for c in merged if c.forms]


def _longest_owners(owners: list[Cluster]) -> list[Cluster]:
    """`Kat` beside `Kath` and `Katherine`: an owner that is itself a clipped form of another
    owner (`Kath` of `Katherine`) is one more name of that person, not a second candidate."""
    if len(owners) < 2:
        return owners
    return [
        o
        for o in owners
        if not any(other is not o and _clipped(o.given or o.family, o, other) for other in owners)
    ]


MIN_CLIPPED = 3  # letters: `Cas`, `Nat`, `Deb` (`Jo`, `Al` are in nicknames.txt)
# `"Oh, Ro."` beside Rowan, `"Vi, wait"` beside Violet: a clip of two letters is a name
# only when the text never says it but as a call in a line.
MIN_CLIPPED_CALL = 2


def _shortened_forms(clusters: list[Cluster]) -> dict[str, list[int]]:
    """Each given name's nickname keys: itself, its beginnings (`Cas` of `Castiel`) and its
    lower-case endings (`teus` of `Mateus`), to positions in `clusters`."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, cluster in enumerate(clusters):
        given = cluster.given
        keys = {"=" + given}
        for size in range(MIN_CLIPPED_CALL, len(given)):
            keys |= {"<" + given[:size], ">" + given.lower()[-size:]}
        for key in keys:
            index[key].append(position)
    return index


def _possible_owners(
    name: str, clusters: list[Cluster], table: dict, shortened: dict[str, list[int]]
) -> list[Cluster]:
    """The clusters whose given name `name` may shorten, in the clusters' order (a superset:
    the caller applies the rules)."""
    keys = ["=" + full for full in table.get(name, ())] + ["<" + name, ">" + name.lower()]
    keys += [mark + stem for stem in _pet_stems(name) for mark in "<="]
    positions = sorted({p for key in keys for p in shortened.get(key, ())})
    return [clusters[p] for p in positions]


def _clipped(name: str, cluster: Cluster, owner: Cluster) -> bool:
    """`Cas` of `Castiel`, `Robbie` of `Robert`: a lone name, no family name of its own and no
    other gender, that shortens the owner's longer given name or is a pet form of it."""
    return (
        not cluster.family
        and (len(name) >= MIN_CLIPPED or (len(name) == MIN_CLIPPED_CALL and _only_called(cluster)))
        and (_shortens(name, owner.given) or _pet_form(name, owner.given))
        and (
            _compatible_genders(_gender_of_given(name), owner.gender)
            or (owner.given.startswith(name) and _weak_list_gender(name, cluster))
        )
    )


def _only_called(cluster: Cluster) -> bool:
    return all(o.in_quote and o.vocative for form in cluster.forms for o in form.occurrences)


def _weak_list_gender(name: str, cluster: Cluster) -> bool:
    """`"Thank you, Nat."` beside Natasha, `Nat grinned`: what the name list says of a short
    name alone (`Nat`, `Sam`, `Alex` are men's there) does not stand against the longer name
    it begins when the short name is no usual English name of its own, or is only ever said
    to someone; a usual one the narration names (`Jack` beside `Jackie`) may be another
    person."""
    return not usual_english_name(name) or all(
        o.in_quote for form in cluster.forms for o in form.occurrences
    )


def _shortens(name: str, given: str) -> bool:
    """`Nat` of `Natasha`, `Deb` of `Deborah`: the name begins a longer given name; or it
    ends one and is no usual English name of its own (`Teus` of `Mateus`, `Sol` of
    `Marisol`; `Ian` is not Brian's)."""
    return (
        len(given) > len(name)
        # `Sammy` is Sam's pet form, not a longer name `Sam` clips: the pet form joins the name
        and not _pet_form(given, name)
        and (
            given.startswith(name)
            or (given.lower().endswith(name.lower()) and not usual_english_name(name))
        )
    )


def _pet_stems(name: str) -> list[str]:
    """The beginnings of a given name a pet form in `-ie`/`-y` may be made of: a doubled
    consonant before the ending (`Robbie`: `Rob`, `Danny`: `Dan`) or a name's final `e`
    (`Stevie`: `Steve`)."""
    for ending in ("ie", "y"):
        if name.endswith(ending) and len(name) - len(ending) >= MIN_CLIPPED:
            stem = name[: -len(ending)]
            if stem[-1] == stem[-2] and stem[-1] not in "aeiouy":
                return [stem[:-1]]
            if ending == "ie":
                return [stem + "e"]
    return []


def _pet_form(name: str, given: str) -> bool:
    """`Robbie` of `Robert`, `Danny` of `Daniel`, `Stevie` of `Steve`."""
    return any(
        given.startswith(stem) and len(stem) >= MIN_CLIPPED and given != name
        for stem in _pet_stems(name)
    )


def _compatible_genders(one: str, other: str) -> bool:
    return one == other or "unknown" in (one, other)


def _gender_of_given(given: str) -> str:
    return given_names().get(given.lower(), "unknown")


def _compatible(cluster: Cluster, gender: str) -> bool:
    return not gender or cluster.gender in ("unknown", gender)


def _full_name_clusters(forms: list[Form]) -> dict[tuple, Cluster]:
    clusters: dict[tuple, Cluster] = {}
    male_full = {
        name_parts(f.names) for f in forms if is_full(f) and TITLES.get(f.title or "") == MALE
    }
    for form in sorted((f for f in forms if is_full(f)), key=lambda f: -f.count):
        given, family = name_parts(form.names)
        wife = form.title == "mrs" and (
            (given, family) in male_full or _gender_of_given(given) == MALE
        )
        key = ("mrs", given, family) if wife else (given, family)
        cluster = clusters.setdefault(key, Cluster(given="" if wife else given, family=family))
        cluster.add(form)
    return clusters


def _titled_target(
    form: Form,
    clusters: list[Cluster],
    alone: Counter[str],
    titled_names: set[str],
    married: frozenset[str] = frozenset(),
    maidens: frozenset[str] = frozenset(),
    families: frozenset[str] = frozenset(),
    couples: dict[str, dict[str, Cluster]] | None = None,
) -> Cluster | None:
    """The full-name cluster `Mr. Darcy` / `Lady Catherine` belongs to, if exactly one.
    `families`: the names the text uses as family names (after `Mrs.`, `Dr.`, ...);
    `couples`: the husband and wife of a family the text shows married (`_couples`)."""
    name, title = name_parts(form.names)[1], form.title or ""
    gender = TITLES.get(title, "")
    spouse = (couples or {}).get(name, {}).get(gender)
    if spouse is not None and title in ("mr", "mrs"):
        return spouse  # `Mrs. Quinlan` is the wife of the `Declan Quinlan` of the text
    if title in GIVEN_NAME_TITLES:
        as_given = _same_title(
            [c for c in _by_given(name, clusters) if _compatible(c, gender)], title
        )
        if len(as_given) == 1 and not any(c.family == name for c in clusters):
            return as_given[0]
    bearers = [c for c in clusters if c.family == name and c.given and _compatible(c, gender)]
    if not bearers and _address_by_given(form, name, alone, families):
        # `Mr. Frodo`: a servant's or a child's way of addressing the `Frodo Baggins` the
        # text otherwise calls `Frodo`, when no `Frodo` family is ever spoken of
        as_given = [c for c in _by_given(name, clusters) if _compatible(c, gender)]
        if len(as_given) == 1 and not _is_family(name, clusters):
            return as_given[0]
    if not bearers and _rank_before_given(title, name) and not _is_family(name, clusters):
        # `Commander Erwin`, `Captain Levi`: a rank before the one `Erwin Smith` of the text
        # (`Mr. Thomas` names a Thomas family, not `Thomas Lynde`)
        as_given = _same_title(
            [c for c in _by_given(name, clusters) if _compatible(c, gender)], title
        )
        return as_given[0] if len(as_given) == 1 else None
    if len(bearers) != 1:
        return None
    bearer = bearers[0]
    married_title = title in MARRIED_TITLES and not set(bearer.titles) & MARRIED_TITLES
    if married_title and not _her_own_full_name(form, bearer, clusters, alone, maidens):
        return None  # `Mrs. Bennet`, `Lady Lucas` are not `Elizabeth Bennet`, `Maria Lucas`
    if title == "miss" and set(bearer.titles) & MARRIED_TITLES:
        return None  # `Miss de Bourgh` is the daughter of `Lady Catherine de Bourgh`
    styled = gender == MALE and any(TITLES.get(t) == MALE for t in bearer.titles)
    if styled and alone[bearer.given] >= 2 and bearer.given not in titled_names:
        # `Mr. John Knightley`, called `John` by his family: plain `Mr. Knightley` is the
        # head of the family, someone else (unlike `Mr. Sherlock Holmes` / `Mr. Holmes`).
        # A lone `Fitzwilliam` that is also `Colonel Fitzwilliam` proves nothing.
        return None
    elder = any(o.elder for o in form.occurrences)
    if gender == MALE and (name in married or elder) and alone[bearer.given] >= 2:
        # `Mr. Garrity` beside `Mrs. Garrity`, or `Old Mr. Garrity`, is the father of `Tom
        # Garrity`, whom the text calls `Tom` (`Mr. Weasley` is not Ron).
        return None
    return bearer


# A spouse noun owned by its holder: `his wife` is a married man's, `her husband` a married
# woman's, `my husband` said by one.
_SPOUSE = re.compile(r"\b(?:his|my) wife\b|\b(?:her|my) husband\b", re.IGNORECASE)
# Forms by (title, names).
_Keyed = dict[tuple, list[Form]]


def _couples(
    clusters: list[Cluster], forms: list[Form], text: str, maidens: frozenset[str]
) -> dict[str, dict[str, Cluster]]:
    """Families whose only full-named man and only full-named woman are husband and wife:
    no `Miss X`, and a spouse noun (`his wife`, `her husband`, `my husband`) within `NEAR`
    of one of them, by full name or by given name (`"Declan," his wife said`). The Bennets,
    the Reeds and `Tom Garrity` with his parents have several members of a sex, a daughter
    titled `Miss`, or no woman named in full: they stay apart."""
    if not text:
        return {}
    by_family: dict[str, list[Cluster]] = defaultdict(list)
    givens = Counter(c.given for c in clusters if c.given)
    keyed: _Keyed = defaultdict(list)
    for form in forms:
        keyed[form.key].append(form)
    for cluster in clusters:
        if cluster.given and cluster.family not in maidens:
            by_family[cluster.family].append(cluster)
    spouse_at: list[int] | None = None
    couples: dict[str, dict[str, Cluster]] = {}
    for family, members in by_family.items():
        if any(givens[c.given] > 1 for c in members if c.gender != FEMALE):
            continue  # two men of one given name: the lone name names neither
        pair = _husband_and_wife(members)
        if not pair:
            continue
        if spouse_at is None:
            spouse_at = [m.start() for m in _SPOUSE.finditer(text)]
        said = {g: _said_by_name(c, keyed) for g, c in pair.items()}
        if not _bound(spouse_at, said[MALE] + said[FEMALE]):
            continue
        if any(_in_one_sentence(_titled(family, g, keyed), said[g], text) for g in pair):
            continue  # `"You look tired, Daniel," said Mr. Pennock`: his father
        wife = pair[FEMALE]
        if givens[wife.given] > 1 and not _join_her_maiden_name(wife, clusters, givens):
            continue
        couples[family] = pair
    return couples


def _join_her_maiden_name(wife: Cluster, clusters: list[Cluster], givens: Counter) -> bool:
    """A wife whose given name one other woman of another family bears in full is that woman
    before her marriage (`Lydia Wickham`, `Lydia Bennet`): her forms join the wife's, so the
    lone given name stays one person's."""
    if givens[wife.given] != 2:
        return False
    maiden = next(c for c in clusters if c.given == wife.given and c is not wife)
    if maiden.gender == MALE or maiden.family == wife.family:
        return False
    for form in maiden.forms:
        wife.add(form)
    maiden.forms = []
    return True


def _husband_and_wife(members: list[Cluster]) -> dict[str, Cluster]:
    """Two members, a man and a woman; a given name the lists do not know (`Róisín`) beside
    a man's is taken for the woman's, since the spouse noun must still bind them."""
    if len(members) != 2:
        return {}
    first, second = (c.gender for c in members)
    other = {MALE: FEMALE, FEMALE: MALE}
    if first == "unknown" and second in other:
        first = other[second]
    if second == "unknown" and first in other:
        second = other[first]
    return {first: members[0], second: members[1]} if {first, second} == {MALE, FEMALE} else {}


def _said_by_name(member: Cluster, forms: _Keyed) -> list[Form]:
    """A member's full names and the lone given name (before bare words join anyone)."""
    return member.forms + forms.get((None, (member.given,)), [])


def _titled(family: str, gender: str, forms: _Keyed) -> list[Form]:
    return forms.get(("mr" if gender == MALE else "mrs", (family,)), [])


def _bound(spouse_at: list[int], said: list[Form]) -> bool:
    """A spouse noun within `NEAR` of a member's full name or lone given name."""
    for form in said:
        for o in form.occurrences:
            i = bisect_left(spouse_at, o.start - NEAR)
            if i < len(spouse_at) and spouse_at[i] <= o.end + NEAR:
                return True
    return False


def _in_one_sentence(titled: list[Form], named: list[Form], text: str) -> bool:
    """`Mr. X` and the member's own name in one sentence, no stop between them within
    `NEAR`: a writer names one person once a sentence, so they are two people."""
    starts = sorted((o.start, o.end) for f in named for o in f.occurrences)
    keys = [s for s, _ in starts]
    for o in (o for f in titled for o in f.occurrences):
        i = bisect_left(keys, o.start - NEAR)
        for start, end in starts[i : i + 8]:
            if start > o.end + NEAR:
                break
            gap = text[end : o.start] if end <= o.start else text[o.end : start]
            if not any(c in gap for c in ".!?\n"):
                return True
    return False


def _her_own_full_name(
    form: Form,
    bearer: Cluster,
    clusters: list[Cluster],
    alone: Counter[str],
    maidens: frozenset[str],
) -> bool:
    """`Mrs. Verloc` is the `Winnie Verloc` of the text when nothing says the family has a
    daughter: no `Miss Verloc`, no lone `Winnie` (a family calls its girls by their given
    names: `Elizabeth Bennet` is `Elizabeth`, `Georgiana Reed` `Georgiana`), a woman's given
    name, no other married woman of the family (`Mrs. Alexander Spencer` is the `Mrs.
    Spencer` beside `Laura Spencer`), and the two names never a sentence or two apart
    (`Mrs. Bennet sighed. Elizabeth Bennet laughed.` are two women)."""
    family = bearer.family
    return (
        form.title == "mrs"
        and family not in maidens
        and not alone[bearer.given]
        and _gender_of_given(bearer.given) == FEMALE
        and not any(c.family == family and set(c.titles) & MARRIED_TITLES for c in clusters)
        and not _close_together(form, bearer.forms)
    )


# Characters between two names that a reader takes for two people when they alternate.
NEAR = 100


def _close_together(form: Form, others: list[Form]) -> bool:
    """Some occurrence of `form` within `NEAR` characters of one of `others`."""
    starts = sorted(o.start for f in others for o in f.occurrences)
    for o in form.occurrences:
        i = bisect_left(starts, o.start - NEAR)
        if i < len(starts) and starts[i] <= o.end + NEAR:
            return True
    return False


def _same_title(candidates: list[Cluster], title: str) -> list[Cluster]:
    """Of several people sharing a given name, the one the text names in full with this
    title: `Sir William` is the `Sir William Lucas` of the text, not `William Goulding`."""
    if len(candidates) < 2:
        return candidates
    styled = [c for c in candidates if title in c.titles]
    return styled if len(styled) == 1 else candidates


def _rank_before_given(title: str, name: str) -> bool:
    """`Captain Levi`, `Commander Erwin`, `Mrs. Rachel`: a rank, or a woman's title, before a
    given name (`Mr. Thomas` is more often a Thomas family)."""
    return (TITLES.get(title) == "" or title == "mrs") and name.lower() in given_names()


# Titles of a family name that a servant, a child or a friend of the family also puts
# before a given name (`Mr. Frodo`, `Mister Harry`); `Miss`, `Master` are GIVEN_NAME_TITLES.
ADDRESS_TITLES = frozenset({"mr", "mister"})


def _address_by_given(form: Form, name: str, alone: Counter[str], families: frozenset[str]) -> bool:
    """`"Sit down, Mr. Frodo."` beside a bare `Frodo`: the name is also said alone, as
    people call the one they know by it, and never follows a title that takes a family
    name only (`Mrs. Frodo`, `Dr. Frodo` would make it a family's)."""
    return form.title in ADDRESS_TITLES and alone[name] > 0 and name not in families


def _is_family(name: str, clusters: list[Cluster]) -> bool:
    return any(c.family == name for c in clusters)


class _Names:
    """Clusters by family name, by family name without particles and by given name, in the
    clusters' order: looking each bare word up in every cluster is quadratic in a work of
    thousands of names (hostile input). Given and family names never change once made."""

    def __init__(self, clusters: list[Cluster]):
        self.by_family: dict[str, list[Cluster]] = defaultdict(list)
        self.by_core: dict[str, list[Cluster]] = defaultdict(list)
        self.by_given: dict[str, list[Cluster]] = defaultdict(list)
        for cluster in clusters:
            self.add(cluster)

    def add(self, cluster: Cluster) -> None:
        self.by_family[cluster.family].append(cluster)
        self.by_core[_core(cluster.family)].append(cluster)
        self.by_given[cluster.given].append(cluster)


def _relation(form: Form) -> str:
    """The gender the kin nouns before a bare name agree on (`her aunt Shaw`), or ""."""
    genders = {o.relation for o in form.occurrences if o.relation}
    return genders.pop() if len(genders) == 1 else ""


def _named_last(form: Form, candidates: list[Cluster]) -> Cluster | None:
    """The one of several people sharing a given name whom the text named in full last
    before every time it says the given name alone (`Mary Grey ... Mary laughed`)."""
    named = sorted(
        (o.start, i) for i, c in enumerate(candidates) for f in c.forms for o in f.occurrences
    )
    starts = [start for start, _ in named]
    votes = set()
    for occurrence in form.occurrences:
        i = bisect_left(starts, occurrence.start)
        votes.add(named[i - 1][1] if i else None)
    return candidates[votes.pop()] if len(votes) == 1 and None not in votes else None


def _bare_target(
    word: str, names: _Names, relation: str = "", form: Form | None = None
) -> Cluster | None | bool:
    """The cluster a bare word names; False when it is an ambiguous family name. `relation`:
    the gender kin nouns before it give (`her aunt Shaw` is Mrs. Shaw, not General Shaw)."""
    bearers = list(names.by_family.get(word, ())) or [
        c for c in names.by_core.get(word, ()) if c.family != word
    ]
    of_relation = [c for c in bearers if c.gender == relation]
    if relation and len(of_relation) == 1:
        return of_relation[0]
    titled_men = [c for c in bearers if not c.given and c.titles and c.gender != FEMALE]
    if len(titled_men) == 1:
        return titled_men[0]  # a bare surname is how men are named: `Fitzwilliam` the colonel
    as_given = sorted(names.by_given.get(word, ()), key=lambda c: -c.count)
    if len(as_given) == 1 or (as_given and as_given[0].count >= 3 * as_given[1].count):
        return as_given[0]
    if len(as_given) > 1 and form is not None and (latest := _named_last(form, as_given)):
        return latest
    if not bearers:
        return None  # a first name several people share stays a character of its own
    if len(bearers) == 1:
        return bearers[0]
    ranked = sorted(bearers, key=lambda c: -c.count)
    if ranked[0].count >= 3 * ranked[1].count:
        return ranked[0]
    return False


def _titled_cluster(form: Form, families: set[str]) -> Cluster:
    """`Mr. Darcy` names a family; `Lady Catherine`, `Sir William`, `Aunt Marilla` a person;
    `Miss Darcy` a family again when the text has Darcys (`Darcy` is a given name too)."""
    name = name_parts(form.names)[1]
    given = name.lower() in given_names() and name not in families
    if form.title in GIVEN_NAME_TITLES and given:
        return Cluster(given=name)
    return Cluster(family=name)


def _merge_neutral_titles(titled: list[Cluster]) -> list[Cluster]:
    """`Dr. Kemp`, `Colonel Kemp` join `Mr. Kemp` when he is the only Kemp with a gendered
    title (no `Mrs. Kemp`); returns the clusters merged away."""
    by_family: dict[str, list[Cluster]] = {}
    for cluster in titled:
        if cluster.family and not cluster.given:
            by_family.setdefault(cluster.family, []).append(cluster)
    gone = []
    for group in by_family.values():
        gendered = [c for c in group if any(TITLES.get(t) for t in c.titles)]
        if len(gendered) != 1 or gendered[0].gender != MALE:
            continue  # `Dr. Spencer` may be `Mr. Spencer`, but is not `Mrs. Spencer`
        for cluster in group:
            if cluster is not gendered[0] and cluster not in gendered:
                for form in cluster.forms:
                    gendered[0].add(form)
                gone.append(cluster)
    return gone


def _join_maiden_names(full: dict[tuple, Cluster]) -> dict[tuple, Cluster]:
    """`Henrietta Lebrune Patch` is the `Henrietta Lebrune` of before her marriage."""
    for key, cluster in list(full.items()):
        for form in list(cluster.forms):
            words_ = [w for w in form.names if w.lower() not in _PARTICLES]
            if len(words_) != 3:
                continue
            maiden = full.get((words_[0], words_[1]))
            if maiden is not None and maiden is not cluster and key in full:
                for moved in cluster.forms:
                    maiden.add(moved)
                del full[key]
                break
    return full


def cluster_forms(forms: list[Form], text: str = "") -> list[Cluster]:
    full = _join_maiden_names(_full_name_clusters(forms))
    clusters = list(full.values())
    alone = Counter({f.names[0]: f.count for f in forms if len(f.names) == 1 and not f.title})
    titled: dict[tuple, Cluster] = {}
    titled_names = {name_parts(f.names)[1] for f in forms if f.title and not is_full(f)}
    families = {c.family for c in clusters} | {
        name_parts(f.names)[1]
        for f in forms
        if f.title and not is_full(f) and f.title not in GIVEN_NAME_TITLES
    }
    married = frozenset(name_parts(f.names)[1] for f in forms if f.title in MARRIED_TITLES)
    maidens = frozenset(name_parts(f.names)[1] for f in forms if f.title == "miss")
    family_only = frozenset(
        name_parts(f.names)[1]
        for f in forms
        if f.title and not is_full(f) and f.title not in GIVEN_NAME_TITLES | ADDRESS_TITLES
    )
    couples = _couples(list(full.values()), forms, text, maidens)
    # a maiden name joined to a wife's (`_join_her_maiden_name`) leaves an empty cluster
    full = {key: c for key, c in full.items() if c.forms}
    clusters = [c for c in clusters if c.forms]
    singles = sorted((f for f in forms if not is_full(f)), key=lambda f: -f.count)
    for form in (f for f in singles if f.title):
        target = _titled_target(
            form, list(full.values()), alone, titled_names, married, maidens, family_only, couples
        )
        if target is None:
            key = (form.title, name_parts(form.names))  # `Miss De Bourgh` = `Miss de Bourgh`
            target = titled.setdefault(key, _titled_cluster(form, families))
            if target not in clusters:
                clusters.append(target)
        target.add(form)
    for merged in _merge_neutral_titles(list(titled.values())):
        clusters.remove(merged)
    names = _Names(clusters)
    for form in (f for f in singles if not f.title):
        name = name_parts(form.names)[1]
        target = _bare_target(name, names, _relation(form), form)
        if target is False:
            continue
        if target is not None and text and _said_of_the_other_sex(form, target, text):
            target = None  # `Kemp` followed by `he` is not the one `Mrs. Kemp` of the text
        if target is None:
            target = Cluster(given=name)
            clusters.append(target)
            names.add(target)
        target.add(form)
    return _merge_nicknames(clusters)


# A titled form said at most this often yields to the person's own full name (a novel's
# `Mr. Gillis`, said throughout, stays: PDNC character precision fell 0.8 points without it).
RARE_TITLED = 2


def canonical_form(cluster: Cluster) -> Form:
    """The most complete common form: a full name when it makes up a tenth of the mentions
    (`Frank Churchill`), else the most frequent form, titled when that is usual (`Mr. Darcy`
    rather than `Darcy`, but `Elizabeth` rather than a rare `Elizabeth Bennet`)."""
    total = cluster.count
    full = [f for f in cluster.forms if is_full(f) and f.count >= max(2, total / 4)]
    untitled = [f for f in full if not f.title]
    if untitled:
        return max(untitled, key=lambda f: (f.count, len(f.names)))
    if full and cluster.given:
        return Form(None, max(full, key=lambda f: f.count).names)  # `Miss Lydia Bennet`
    if full:
        return max(full, key=lambda f: f.count)
    titled = [f for f in cluster.forms if f.title]
    top = max(cluster.forms, key=lambda f: f.count)
    if titled and max(f.count for f in titled) * 4 >= top.count:
        # the person's own full name, said once, rather than a title said as seldom (`Aaron
        # Burr`, not `Monsieur Burr`; `Jaehee Kang`, not `Miss Kang`)
        named = [f for f in cluster.forms if is_full(f) and not f.title]
        if named and max(f.count for f in titled) <= RARE_TITLED:
            return max(named, key=lambda f: (f.count, len(f.names)))
        return max(titled, key=lambda f: f.count)
    return top


# Pronouns that must follow a bare family name, and by how much they must outnumber the
# titled family member's own, before the name is someone other than that member.
OTHER_SEX_PRONOUNS, OTHER_SEX_MARGIN = 2, 2


def _said_of_the_other_sex(form: Form, target: Cluster, text: str) -> bool:
    """`Kemp had gone; he ...` twice, where the text's only Kemp is `Mrs. Kemp`: a family
    name alone that the narration follows with the other sex's pronouns names another
    member of the family (the husband the text never titles), not the titled one. Only a
    member known by title alone (`Mrs. Kemp`, `Colonel Kemp`): a full name's own forms are
    left to the pronoun votes of the finished character."""
    gender = target.gender
    if gender == "unknown" or target.given:
        return False
    votes = Counter(
        context.following_pronoun(text, o.end) for o in form.occurrences if not o.in_quote
    )
    other = FEMALE if gender == MALE else MALE
    return votes[other] >= OTHER_SEX_PRONOUNS and votes[other] > OTHER_SEX_MARGIN * votes[gender]
