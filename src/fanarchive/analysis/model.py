"""The analysis result: plain dataclasses that serialise to the versioned JSON contract.

The contract is documented in docs/analysis-format.md; bump SCHEMA_VERSION on any
incompatible change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"
# A warning at least this confident is shown as "likely", below it as "possible".
LIKELY_CONFIDENCE = 0.7


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence (or phrase) of the text that supports a finding."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Mention:
    start: int
    end: int
    character: str  # canonical name


@dataclass
class Character:
    name: str  # canonical name, AO3 tag form when a pack knows it ("Uzumaki Naruto")
    aliases: list[str] = field(default_factory=list)
    gender: str = "unknown"  # "male" | "female" | "unknown"
    present: bool = False  # acts or speaks in the story (not only mentioned)
    mentions: int = 0
    lines: int = 0  # quotes attributed to this character
    source: str = "discovered"  # "pack" | "discovered"
    fandom: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": self.aliases,
            "gender": self.gender,
            "present": self.present,
            "mentions": self.mentions,
            "lines": self.lines,
            "source": self.source,
            "fandom": self.fandom,
        }


@dataclass
class Quote:
    start: int  # offsets of the quoted words, quotation marks excluded
    end: int
    text: str
    speaker: str | None = None  # canonical character name, or None when unknown
    confidence: float = 0.0
    rule: str = "none"  # the sieve rule that decided the speaker
    addressee: str | None = None
    paragraph: int = -1  # index into Document.paragraphs
    # The speaker a chat or script line is labelled with (`Peter: guys`, `**Tony:** kid`).
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "addressee": self.addressee,
        }


@dataclass
class Relationship:
    tag: str  # AO3 form: "A/B" romantic, "A & B" platonic
    kind: str  # "romantic" | "platonic"
    characters: list[str]
    score: float = 0.0
    subtype: str = ""  # "rivals", "friends", "family", ... when the text says so
    evidence: list[Evidence] = field(default_factory=list)
    # Evidence per cue kind ("kiss", "confession", "rivals", ...), for tag suggestions;
    # internal to the analysis, not part of the JSON contract.
    signals: dict[str, list[Evidence]] = field(default_factory=dict)
    detail: str = ""  # why, when the finding differs from the author's own tag

    def to_dict(self) -> dict[str, Any]:
        return {
            "tag": self.tag,
            "kind": self.kind,
            "characters": self.characters,
            "score": round(self.score, 3),
            "subtype": self.subtype,
            "evidence": [e.to_dict() for e in self.evidence],
            "detail": self.detail,
        }


@dataclass
class Warning:
    name: str  # e.g. "Graphic Depictions Of Violence", "Blood"
    severity: str  # "low" | "medium" | "high"
    archive_warning: bool = False  # one of AO3's four archive warnings
    evidence: list[Evidence] = field(default_factory=list)
    detail: str = ""  # why, when the name alone could mislead ("a ritual cut, not coping")
    # How often a note like this one is right (measured: docs/warnings.md). Analyses stored
    # before it existed read as "possible".
    confidence: float = 0.5

    @property
    def likelihood(self) -> str:
        return "likely" if self.confidence >= LIKELY_CONFIDENCE else "possible"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "severity": self.severity,
            "archive_warning": self.archive_warning,
            "evidence": [e.to_dict() for e in self.evidence],
            "detail": self.detail,
            "confidence": round(self.confidence, 2),
            "likelihood": self.likelihood,
        }


@dataclass
class Tag:
    tag: str
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"tag": self.tag, "evidence": [e.to_dict() for e in self.evidence]}


@dataclass
class Analysis:
    """The whole result. Offsets everywhere are character offsets into Document.text."""

    words: int = 0
    title: str = ""
    source_format: str = "text"  # "text" | "html" | "markdown" | "docx" | "epub"
    text_length: int = 0  # len(Document.text): every offset is below it
    metadata: dict[str, Any] = field(default_factory=dict)  # what the file says (Metadata)
    notes: list[dict[str, Any]] = field(default_factory=list)
    chapters: list[dict[str, Any]] = field(default_factory=list)
    scene_breaks: list[dict[str, int]] = field(default_factory=list)
    characters: list[Character] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    # Where the work's character/relationship tags and its text disagree (characters/tagged.py).
    tag_disagreements: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "title": self.title,
            "words": self.words,
            "source_format": self.source_format,
            "text_length": self.text_length,
            "metadata": self.metadata,
            "notes": self.notes,
            "chapters": self.chapters,
            "scene_breaks": self.scene_breaks,
            "characters": [c.to_dict() for c in self.characters],
            "quotes": [q.to_dict() for q in self.quotes],
            "relationships": [r.to_dict() for r in self.relationships],
            "warnings": [w.to_dict() for w in self.warnings],
            "tags": [t.to_dict() for t in self.tags],
            "tag_disagreements": self.tag_disagreements,
        }
