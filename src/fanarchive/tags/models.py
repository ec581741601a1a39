"""The tag model AO3's users know.

A tag has a type. Wranglers decide whether a tag is *canonical* (shown in filters) or a
*synonym* of a canonical tag (its `merger`); canonical tags have meta tags (broader) and
sub tags (narrower), and tags of a fandom have that fandom as a parent. Tags typed freely by
authors start unwrangled and wait in the wrangling queue.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Value
from django.db.models.functions import Lower


class TagType(models.TextChoices):
    RATING = "rating", "Rating"
    WARNING = "warning", "Archive Warning"
    CATEGORY = "category", "Category"
    FANDOM = "fandom", "Fandom"
    RELATIONSHIP = "relationship", "Relationship"
    CHARACTER = "character", "Character"
    FREEFORM = "freeform", "Additional Tags"


# The fixed tags of the required types, in AO3's order.
RATINGS = ["Not Rated", "General Audiences", "Teen And Up Audiences", "Mature", "Explicit"]
NO_WARNINGS_CHOSEN = "Creator Chose Not To Use Archive Warnings"
NO_WARNINGS_APPLY = "No Archive Warnings Apply"
ARCHIVE_WARNINGS = [
    NO_WARNINGS_CHOSEN,
    "Graphic Depictions Of Violence",
    "Major Character Death",
    NO_WARNINGS_APPLY,
    "Rape/Non-Con",
    "Underage Sex",
]
CATEGORIES = ["F/F", "F/M", "Gen", "M/M", "Multi", "Other"]
FIXED_TAGS = {
    TagType.RATING: RATINGS,
    TagType.WARNING: ARCHIVE_WARNINGS,
    TagType.CATEGORY: CATEGORIES,
}
# Wranglers only wrangle the free types; the fixed ones are canonical from the start.
WRANGLED_TYPES = [TagType.FANDOM, TagType.RELATIONSHIP, TagType.CHARACTER, TagType.FREEFORM]
MAX_TAG_LENGTH = 150


class TagQuerySet(models.QuerySet):
    def canonical(self) -> TagQuerySet:
        return self.filter(canonical=True)

    def of_type(self, tag_type: str) -> TagQuerySet:
        return self.filter(type=tag_type)

    def unwrangled(self) -> TagQuerySet:
        """Free-typed tags no wrangler has looked at: not canonical, no synonym, no parent."""
        return self.filter(
            type__in=WRANGLED_TYPES, canonical=False, merger__isnull=True, parents__isnull=True
        )

    def named(self, name: str) -> Tag | None:
        """The tag with this name, ignoring case (AO3 treats tag names case-insensitively)."""
        return self.named_any([name]).first()

    def named_any(self, names: list[str]) -> TagQuerySet:
        """Tags with any of these names, ignoring case, in one query.

        Compares LOWER(name) with LOWER(%s): the same expression as the unique index
        `unique_tag_name_ignoring_case`, so both SQLite and PostgreSQL look names up in that
        index (`name__iexact` is UPPER(...) on PostgreSQL and LIKE on SQLite: a full scan).
        Lowering the wanted names in SQL too keeps the comparison the database's own.
        """
        wanted = {" ".join(name.split()) for name in names}
        wanted.discard("")
        if not wanted:
            return self.none()
        return (
            self.alias(name_lower=Lower("name"))
            .order_by()
            .filter(name_lower__in=[Lower(Value(name)) for name in sorted(wanted)])
        )

    def by_lower_name(self, names: list[str]) -> dict[str, Tag]:
        """{name.lower(): tag} for the tags with these names (see `named_any`)."""
        return {tag.name.lower(): tag for tag in self.named_any(names)}

    def fixed(self, tag_type: str) -> list[Tag]:
        """The fixed tags of a required type in AO3 order, created if missing."""
        names = FIXED_TAGS[tag_type]
        found = {t.name: t for t in self.filter(type=tag_type, name__in=names)}
        for name in names:
            if name not in found:
                found[name], _ = Tag.objects.get_or_create(
                    name=name, defaults={"type": tag_type, "canonical": True}
                )
        return [found[name] for name in names]


class Tag(models.Model):
    name = models.CharField(max_length=MAX_TAG_LENGTH)
    type = models.CharField(max_length=20, choices=TagType.choices, db_index=True)
    canonical = models.BooleanField(default=False, db_index=True)
    merger = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="synonyms",
        help_text="The canonical tag this tag is a synonym of.",
    )
    parents = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="children",
        help_text="Fandoms this tag belongs to (and characters of a relationship).",
    )
    meta_tags = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="sub_tags",
        help_text="Broader canonical tags of the same type.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="unique_tag_name_ignoring_case"),
        ]
        permissions = [("wrangle_tag", "Can wrangle tags")]

    def __str__(self) -> str:
        return self.name

    @property
    def canonical_tag(self) -> Tag:
        """The tag works filed under this one are found by: itself or its merger."""
        return self.merger if self.merger_id else self

    @property
    def is_unwrangled(self) -> bool:
        return (
            self.type in WRANGLED_TYPES
            and not self.canonical
            and self.merger_id is None
            and not self.parents.exists()
        )

    def fandoms(self) -> models.QuerySet:
        return self.parents.filter(type=TagType.FANDOM)

    def make_canonical(self) -> None:
        self.canonical, self.merger = True, None
        self.save(update_fields=["canonical", "merger", "updated_at"])

    @transaction.atomic
    def make_synonym_of(self, target: Tag) -> None:
        """File this tag under `target`; its own synonyms follow it, as on AO3."""
        if target.pk == self.pk:
            raise ValidationError("A tag cannot be a synonym of itself.")
        if target.type != self.type:
            raise ValidationError(
                f"{target.name} is a {target.get_type_display()} tag; "
                f"{self.name} is a {self.get_type_display()} tag."
            )
        if not target.canonical:
            raise ValidationError(
                f"{target.name} is not canonical; only canonical tags take synonyms."
            )
        self.synonyms.update(merger=target)
        self.canonical, self.merger = False, target
        self.save(update_fields=["canonical", "merger", "updated_at"])
        self.sub_tags.clear()
        self.meta_tags.clear()

    def add_parent(self, parent: Tag) -> None:
        if parent.type not in {TagType.FANDOM, TagType.CHARACTER}:
            raise ValidationError("A parent is a fandom (or, for a relationship, a character).")
        if parent.pk == self.pk:
            raise ValidationError("A tag cannot be its own parent.")
        self.parents.add(parent)

    def add_meta_tag(self, meta: Tag) -> None:
        if meta.pk == self.pk or meta.type != self.type:
            raise ValidationError("A meta tag is another tag of the same type.")
        if not (meta.canonical and self.canonical):
            raise ValidationError("Meta and sub tags must both be canonical.")
        if meta.meta_tags.filter(pk=self.pk).exists():
            raise ValidationError(f"{meta.name} is already a sub tag of {self.name}.")
        self.meta_tags.add(meta)
