"""Search forms with AO3's parameter names (`tag_search[name]`, `people_search[fandom]`,
`bookmark_search[query]`...), so AO3's search links and tools work here unchanged."""

from __future__ import annotations

from django import forms

from fanarchive.search.services import BOOKMARK_SORTS, TAG_SORTS, BookmarkQuery
from fanarchive.tags.models import TagType

MAX_QUERY = 200


class AO3Form(forms.Form):
    """Field names as AO3's: `prefix[name]`; element ids `prefix_name`."""

    def __init__(self, data=None, **kwargs) -> None:
        super().__init__(data, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("id", f"{self.prefix}_{name}")

    def add_prefix(self, field_name: str) -> str:
        return f"{self.prefix}[{field_name}]"

    def submitted(self) -> bool:
        """Whether the request carries this search (`prefix[...]` parameters), even empty."""
        return self.is_bound and any(key.startswith(f"{self.prefix}[") for key in self.data)

    def value(self, name: str, default=""):
        return self.cleaned_data.get(name) or default if self.is_valid() else default


def _text(label: str, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=MAX_QUERY, **kwargs)


class TagSearchForm(AO3Form):
    prefix = "tag_search"
    name = _text("Tag name")
    fandoms = _text("Fandoms")
    type = forms.ChoiceField(
        label="Type", required=False, choices=[("", "Any type"), *TagType.choices]
    )
    wrangling_status = forms.ChoiceField(
        label="Wrangling status",
        required=False,
        choices=[("", "Any"), ("canonical", "Canonical"), ("noncanonical", "Non-canonical")],
    )
    sort_column = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[(key, key.replace("_", " ").capitalize()) for key in TAG_SORTS],
    )


class PeopleSearchForm(AO3Form):
    prefix = "people_search"
    name = _text("Name")
    fandom = _text("Fandom")


class BookmarkSearchForm(AO3Form):
    prefix = "bookmark_search"
    query = _text("Any field")
    other_tag_names = _text("Work tags", help_text="Comma-separated; all must be on the work.")
    excluded_tag_names = _text("Exclude work tags")
    other_bookmark_tag_names = _text("Bookmarker's tags")
    bookmarker = _text("Bookmarker")
    with_notes = forms.BooleanField(label="With notes", required=False)
    sort_column = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[
            ("created_at", "Date bookmarked"),
            ("updated_at", "Date bookmark updated"),
            ("bookmarkable_date", "Date work updated"),
        ],
    )

    def bookmark_query(self) -> BookmarkQuery:
        sort = self.value("sort_column", "created_at")
        return BookmarkQuery(
            query=self.value("query"),
            work_tags=self.value("other_tag_names"),
            excluded_tags=self.value("excluded_tag_names"),
            bookmark_tags=self.value("other_bookmark_tag_names"),
            bookmarker=self.value("bookmarker"),
            with_notes=bool(self.value("with_notes", False)),
            sort=sort if sort in BOOKMARK_SORTS else "created_at",
        )
