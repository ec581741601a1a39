"""Mixed styles in fan fiction (tenth session): hand-written passages for the cast's
canonical names (`clustering.canonical_form`)."""

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text

# A short scene: the man's full name said once, his title and family name once, his family
# name alone after that.
HARBOUR_OFFICE = (
    "The harbour office smelled of tar and wet wool. Rosalind had been waiting an hour when "
    "the door banged open.\n\n"
    '"Tobiah Vance, at your service," he said, and dropped a ledger on the desk.\n\n'
    '"You are late, Captain Vance."\n\n'
    "Vance shrugged. He hung his coat on the peg and sat down across from her.\n\n"
    '"The tide was late. I only follow it."\n\n'
    "Rosalind opened the ledger. Vance watched her read.\n"
)

# A longer run: the title and family name said again and again, the full name once.
SURGERY = (
    "Dr. Hale opened the shutters. Mira Hale, as the brass plate by the door still called her, "
    "had kept the surgery for nine years.\n\n"
    '"Next," said Dr. Hale.\n\n'
    "Dr. Hale washed her hands. Dr. Hale dried them. The boy in the chair watched Dr. Hale "
    "and said nothing at all.\n\n"
    '"Open wide," said Dr. Hale.\n'
)


def cast_names(text: str) -> list[str]:
    document = read_text(text)
    quotes = find_quotes(document)
    return [c.name for c in detect_cast(document, quotes, default_knowledge()).characters]


def test_a_full_name_said_once_beats_a_title_said_as_seldom():
    # Before, the cast called him `Captain Vance`, a form the scene uses once.
    names = cast_names(HARBOUR_OFFICE)
    assert "Tobiah Vance" in names
    assert "Captain Vance" not in names


def test_a_title_said_throughout_stays_the_name():
    # (a novel's `Mr. Gillis`, said in every chapter, stays `Mr. Gillis`)
    names = cast_names(SURGERY)
    assert "Dr. Hale" in names
    assert "Mira Hale" not in names
