"""Rules for stories told by an I or to a you (first- and second-person narration, AO3's
reader-inserts): who the narrator is *not*, and who a tag says is spoken to."""

from __future__ import annotations

from fanarchive.analysis.speakers.context import Subject

GENDERS = ("male", "female")


def third_person(subject: Subject) -> bool:
    """Whether a tag's subject is someone seen from outside (`she says`, `the older woman
    says`, a name the cast does not know): in a story told by an I or to a you, never the
    narrator, whatever gender the narrator has or lacks."""
    if subject.kind == "pronoun":
        return subject.value in GENDERS
    return subject.kind in ("descriptor", "unresolved") and not subject.kin
