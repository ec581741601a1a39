"""Word lists and compiled patterns shared by the cast components.

Everything here is language data, not story data: titles, honorifics, speech verbs and
the capitalised words of English prose that are not names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from fanarchive.analysis.lazyre import LazyPattern


def words(text: str) -> frozenset[str]:
    """A word list written as text (one string, words separated by white space)."""
    return frozenset(text.split())


# Japanese honorific suffixes (`Kakashi-sensei`, `Sakura-chan`, `Hinata-sama`) and Korean
# ones (`Taeyang-hyung`, `Jiwoo-ya`, `Seoyeon-unnie`, `Manager-nim`).
HONORIFIC_SUFFIXES = words(
    """
    kun chan san sama sensei senpai sempai nii nee niisan neesan nii-san nee-san nii-chan
    nee-chan onii onee aniki aneki dono tan chin bo taichou taicho shishou shisho hime
    ojou jiji baachan baa-chan obaasan ojisan oji oba sensi senpi teme dobe
    hyung hyeong oppa noona nuna unnie eonni ya ah ssi nim sunbae seonbae
    """
)

# The kin and role words among them, which also stand alone for the one addressed
# (`Onii-chan?`, `Sensei!`, `Hyung, wait`, `Unnie`): a brother or a teacher, no one's name.
KIN_AND_ROLE_HONORIFICS = words(
    """
    onii onee nii nee niisan neesan aniki aneki okaa okaasan kaasan otou otousan tousan
    obaa obaasan baachan ojii ojiisan ojisan jiji sensei senpai sempai kouhai taichou
    taicho shishou shisho hyung hyeong oppa noona nuna unnie eonni sunbae seonbae
    """
)

# Honorifics that say the gender of the one they address (`-kun` mostly boys, `-nee` sisters).
HONORIFIC_GENDER = {
    **dict.fromkeys(
        words("kun nii niisan nii-san nii-chan onii aniki ojisan oji jiji hyung hyeong oppa"),
        "male",
    ),
    **dict.fromkeys(
        words(
            """
            nee neesan nee-san nee-chan onee aneki hime ojou obaasan oba baachan baa-chan
            noona nuna unnie eonni
            """
        ),
        "female",
    ),
}

# English titles: the gender they imply ("" when they imply none).
TITLES: dict[str, str] = {
    "mr": "male",
    "mister": "male",
    "sir": "male",
    "lord": "male",
    "master": "male",
    "monsieur": "male",
    "m": "male",
    "signor": "male",
    "señor": "male",
    "herr": "male",
    "father": "male",
    "brother": "male",
    "uncle": "male",
    "king": "male",
    "prince": "male",
    "duke": "male",
    "count": "male",
    "baron": "male",
    "marquis": "male",
    "earl": "male",
    "mrs": "female",
    "miss": "female",
    "ms": "female",
    "lady": "female",
    "madam": "female",
    "madame": "female",
    "mme": "female",
    "mlle": "female",
    "mademoiselle": "female",
    "mistress": "female",
    "dame": "female",
    "signora": "female",
    "señora": "female",
    "frau": "female",
    "fräulein": "female",
    "aunt": "female",
    "auntie": "female",
    "mother": "female",
    "sister": "female",
    "queen": "female",
    "princess": "female",
    "duchess": "female",
    "countess": "female",
    "baroness": "female",
    "marchioness": "female",
    "grandma": "female",
    "granny": "female",
    "grandpa": "male",
    "nurse": "",
    "dr": "",
    "doctor": "",
    "professor": "",
    "prof": "",
    "captain": "",
    "capt": "",
    "colonel": "",
    "col": "",
    "major": "",
    "general": "",
    "gen": "",
    "lieutenant": "",
    "lt": "",
    "sergeant": "",
    "sgt": "",
    "corporal": "",
    "private": "",
    "admiral": "",
    "commander": "",
    "inspector": "",
    "detective": "",
    "constable": "",
    "officer": "",
    "reverend": "",
    "rev": "",
    "judge": "",
    "cousin": "",
    "saint": "",
    "st": "",
    "agent": "",
    "chief": "",
    "president": "",
    "senator": "",
    "governor": "",
    "hon": "",
    "messrs": "",
    # The church's and the village's titles (`Parson Tringham`, `the Widow Douglas`).
    "parson": "male",
    "vicar": "",
    "rector": "",
    "curate": "",
    "deacon": "",
    "bishop": "",
    "archdeacon": "",
    "pastor": "",
    "abbé": "male",
    "abbe": "male",
    "padre": "male",
    "friar": "male",
    "squire": "male",
    "widow": "female",
    "sheriff": "",
    "marshal": "",
    # Modern and fandom titles (`Coach Draper`, `Ser Jaime`, `Headmaster Dumbledore`,
    # `Minister Fudge`); not `Dean`, a given name.
    "coach": "",
    "ser": "male",
    "mx": "",
    "headmaster": "male",
    "headmistress": "female",
    "principal": "",
    "minister": "",
    "mayor": "",
    "emperor": "male",
    "empress": "female",
    "commodore": "",
    "ensign": "",
    "warden": "",
}
# Spellings of one title: `Doctor Kemp` and `Dr. Kemp` are one form.
TITLE_SYNONYMS = {
    "doctor": "dr", "prof": "professor", "capt": "captain", "col": "colonel",
    "gen": "general", "lt": "lieutenant", "sgt": "sergeant", "rev": "reverend",
    "mister": "mr", "mme": "madame", "mlle": "mademoiselle", "m": "monsieur",
}  # fmt: skip
# Titles that take a period when abbreviated (`Mr.`); these may precede a name across ". ".
ABBREVIATED_TITLES = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Mme",
    "Mlle",
    "Messrs",
    "Capt",
    "Col",
    "Gen",
    "Lt",
    "Prof",
    "Rev",
    "Sgt",
    "Hon",
    "M",
)

# Lowercase particles inside names (`Lady Catherine de Bourgh`, `Sabaku no Gaara`).
NAME_PARTICLES = (
    "de",
    "van",
    "von",
    "du",
    "der",
    "da",
    "di",
    "del",
    "le",
    "la",
    "no",
    "des",
    "den",
    "ten",
    "al",
    "bin",
    "y",
)

SPEECH_VERBS = words(
    """
    said says say asked asks replied replies answered answers cried cries exclaimed
    exclaims added adds continued continues whispered whispers shouted shouts returned
    observed remarked began begins repeated called calls murmured murmurs muttered mutters
    responded rejoined interrupted insisted declared inquired enquired retorted sighed
    laughed yelled screamed snapped growled hissed demanded suggested admitted agreed
    explained protested pleaded begged stammered stuttered mumbled breathed sobbed
    chuckled giggled grumbled groaned moaned whimpered gasped roared barked drawled teased
    joked offered announced commented cut interjected corrected confessed urged warned
    told tells went goes
    """
)

# Festivals and holidays of many cultures and calendars: a story's `Samhain`, `Diwali` or
# `Eid` comes round, speaks never, and is no character (world knowledge, not a list grown
# from any one text). The words after one (`Christmas Eve`, `Eid Day`) are no name either.
FESTIVALS = words(
    """
    christmas christmastide xmas easter eastertide halloween hallowe'en hallowmas samhain
    beltane beltaine imbolc imbolg lughnasadh lughnasa lammas yule yuletide ostara mabon
    litha midsummer midwinter michaelmas martinmas candlemas whitsun whitsunday whitsuntide
    pentecost lent advent epiphany shrovetide hogmanay thanksgiving passover pesach purim
    hanukkah chanukah hanukah sukkot succoth shavuot ramadan ramadhan eid diwali deepavali
    holi navratri navaratri dussehra vesak wesak obon tanabata hanami setsubun
    chuseok seollal songkran nowruz norooz kwanzaa solstice equinox carnival carnaval
    oktoberfest
    """
)
FESTIVAL_FOLLOWERS = words("eve day night morning evening dinner feast break holidays")

# Capitalised words of English prose that are never character names on their own.
NOT_NAMES = words(
    """
    a an the and but or nor for so yet if then than that this these those there here he
    she it they we you i me him her them us his hers its their theirs our ours your yours
    my mine myself yourself himself herself itself ourselves themselves who whom whose
    what which when where why how whoever whatever wherever whenever however all any both
    each every either neither none no not nothing nobody noone someone something somebody
    anyone anything anybody everyone everything everybody some one is was were be been am
    are do does did have has had will would shall should can could may might must let lets
    let's oh ah o alas ay aye eh er um uh hm hmm huh ha haha hah hey hi hello goodbye bye
    yes yeah yep nope nay ok okay wow damn dammit hush pray indeed well now still just
    only please thanks thank sorry sure right fine good great dear poor ugh ow ouch psst
    shh whoa yo oi heh meh nah yup argh gah tch tsk after before since until while because
    although though unless whether as at by from in into of off on onto out over to up
    upon with within without about above across against along among around behind below
    beneath beside besides between beyond down during except inside near outside past
    through throughout toward towards under underneath unlike like via also again always
    never ever often perhaps maybe probably certainly surely once twice soon later today
    tonight tomorrow yesterday meanwhile otherwise instead first second third last next
    finally suddenly slowly quickly quietly even monday tuesday wednesday thursday friday
    saturday sunday january february march april june july august september october
    november december christmas easter midsummer michaelmas lent gods heaven heavens
    hell lord christ jesus providence bible english french german italian spanish russian
    american british scottish scotch irish welsh dutch swiss austrian prussian polish
    greek roman latin indian chinese japanese european african asian turkish arab arabian
    jewish christian catholic protestant yankee frenchman englishman englishwoman
    frenchwoman german's chapter volume book part prologue epilogue act scene note notes
    author's author end fin disclaimer summary warning warnings a/n mr mrs ms miss sir
    madam madame lady dr doctor mister master mistress monsieur mademoiselle mme mlle
    captain colonel professor aunt uncle north south east west northern southern eastern
    western english-speaking ma'am sirs ladies gentlemen gentleman o'clock canadian
    victorian gothic radical conservative liberal socialist tory whig pole jew jews sikh
    hindoo hindu moslem mahometan oriental majesty highness lordship ladyship excellency
    holiness reverence worship ma gawd hullo halloa hallo hurrah hurray humph aha bonjour
    adieu anyhow nonsense presently bravo hist lor golly gosh gracious mercy jove hem pooh
    pshaw tut bah fie ahem ho lo whew whup eigh yap ja nein oui non si mais merci pardon
    drawling hum heigh fiddlesticks hurra huzza encore voila
    """
)
NOT_NAMES |= FESTIVALS

WEEKDAYS_AND_MONTHS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december
    """
)

# Prepositions that introduce places far more often than people (`in London`).
PLACE_PREPOSITIONS = words(
    """
    in into near towards toward through across within throughout outside inside around
    beyond from
    """
)
PLACE_WORDS = words(
    """
    street road lane square avenue park hall house court gardens abbey castle church
    chapel bridge river lake mount mountain island hotel inn college school station hill
    town city village wood woods forest valley county shire place manor lodge farm cottage
    grange green gables palace terrace row close crescent common heath moor bay harbour
    harbor point port sea ocean office club museum gallery hospital academy university
    cathedral tower gate gates market fields field yard state vale hollow waters library
    infantry regiment fort barracks prison gaol jail tavern wharf quay pier theatre theater
    cemetery asylum workhouse convent monastery mosque synagogue buildings mansions
    lighthouse fortress citadel plantation ranch estate saloon canal creek falls springs
    mountains islands desert plains cliffs swamp coast peninsula gulf strait channel
    embankment colony province district territory republic kingdom empire parish borough
    junction depot
    """
)

NAME_WORD = (
    r"[A-ZÀ-ÖØ-Þ](?:['’](?=[A-ZÀ-ÖØ-Þ]))?(?:[a-zß-öø-ÿ]|[A-ZÀ-ÖØ-Þ](?=[a-zß-öø-ÿ]))*"
    r"[a-zß-öø-ÿ](?:-[A-Za-zß-öø-ÿ]+)*(?:['’]s\b|['’](?![A-Za-z]))?"
    # A contraction is no name followed by its ending: `"Don't," she said` names no Don,
    # `Haven't you?` no Haven (the word ends where no letter follows), but `Jane'd` and
    # `Harry'll` are Jane and Harry.
    r"(?![a-zß-öø-ÿ]|['’](?!(?:d|ll|ve|re)\b)[a-zß-öø-ÿ])"
)
_TITLE_ABBREV = "|".join(ABBREVIATED_TITLES)
_PARTICLE = "|".join(NAME_PARTICLES)
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# No run starts inside a word (`O'Brien`, `d'Artagnan`, `don't`), but one may start right
# after an opening single quotation mark (`'Mr. Lockwood, your new tenant'`).
_NOT_ELIDED = r"(?<!\w['’])"
# Nor after one hyphen (`Jean-Paul`, `ex-Captain`); a double one is a dash (`friends--Terry
# O. Nicholson`, `was Good--Captain John Good`), where a run may start.
_NOT_HYPHENATED = r"(?<![^-]-)"
_NOT_INSIDE = _NOT_ELIDED + _NOT_HYPHENATED
# An abbreviated title inside a run (`But Mr. Heathcliff`, `When Mrs. Hall went`): its period
# ends no run.
_INNER_TITLE = rf"(?:(?:{_TITLE_ABBREV})\.{_GAP})?"
# A run of capitalised words (possibly led by an abbreviated title, possibly joined by
# particles); every candidate name is found inside one run.
RUN_RE = re.compile(
    rf"(?=[A-ZÀ-ÖØ-Þ])(?<!\w){_NOT_INSIDE}(?:(?:{_TITLE_ABBREV})\.?{_GAP})?{_INNER_TITLE}"
    rf"{NAME_WORD}"
    rf"(?:{_GAP}(?:(?:{_PARTICLE}){_GAP})?{_INNER_TITLE}{NAME_WORD})*"
)
TOKEN_RE = re.compile(rf"(?:{_TITLE_ABBREV})\.(?=\s)|{NAME_WORD}|\b(?:{_PARTICLE})\b")
# `\b[a-z]+`, opening on the letter (the look-behind takes it in) so that the regex engine
# skips what no word starts with.
LOWER_WORD_RE = re.compile(r"[a-z](?<!\w[a-z])[a-z]*")
POSSESSIVE_RE = LazyPattern(r"['’]s?$")


# The folder's files read by path, not importlib.resources: importing that (and the
# tempfile, shutil and random it brings) cost ~10 ms of every process's start.
_HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """Nickname -> the given names it is short for (`Lizzy` -> {"Elizabeth"})."""
    table: dict[str, set[str]] = {}
    data = (_HERE / "nicknames.txt").read_text("utf-8")
    for line in data.splitlines():
        given, colon, short = line.partition(":")
        if colon and not line.startswith("#"):
            for nickname in short.split():
                table.setdefault(nickname, set()).add(given.strip())
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    data = (_HERE / "places.txt").read_text("utf-8")
    return frozenset(line.strip() for line in data.splitlines() if line[:1].isupper())


def split_honorific(word: str) -> tuple[str, str]:
    """`Kakashi-sensei` -> ("Kakashi", "sensei"); other words unchanged with ""."""
    base, dash, suffix = word.partition("-")
    if dash and suffix.lower() in HONORIFIC_SUFFIXES:
        return base, suffix.lower()
    if dash and all(part.lower() in HONORIFIC_SUFFIXES for part in suffix.split("-")):
        return base, suffix.lower()  # `Naruto-nii-chan`
    return word, ""


def strip_possessive(word: str) -> str:
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("'", "’")):
        return word[:-1]
    return word


def title_key(word: str) -> str | None:
    """The normalised title for `Mr.`/`Mr`/`Captain` ..., or None when the word is no title."""
    key = word.rstrip(".").lower()
    key = TITLE_SYNONYMS.get(key, key)
    return key if key in TITLES else None


# `his Nike trainers`, `her captain`: a word after one of these is owned, not a subject.
POSSESSIVE_DETERMINERS = words("my your his her its our their")

# Heads of descriptions anyone could be (`the man`, `the other`, `her mother`): never a
# character of their own, unlike a role that speaks (`said the croupier`, `the waiter said`).
GENERIC_PERSON_NOUNS = words(
    """
    man men boy gentleman father brother husband son uncle nephew grandfather lad fellow gent
    mister sir woman women girl lady mother sister wife daughter aunt niece grandmother lass
    madam madame child children person people other others latter former one voice companion
    partner friend stranger visitor guest same first second last rest whole two three young
    old figure creature thing
    """
)
