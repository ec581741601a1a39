"""Forms for posting and editing works and chapters. Every limit is checked here so a bad
input comes back as a message on the form with everything the author typed still in it."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings

from fanarchive.accounts.models import Pseud
from fanarchive.analysis.errors import ReadError
from fanarchive.tags.models import NO_WARNINGS_APPLY, NO_WARNINGS_CHOSEN, Tag, TagType
from fanarchive.tags.services import split_tag_list, tag_name_problems
from fanarchive.works.html import text_to_html, too_deep
from fanarchive.works.services import WorkParts, parts_from_document
from fanarchive.works.uploads import ACCEPTED_SUFFIXES, read_upload

SUMMARY_MAX = 1250
NOTES_MAX = 5000
UNSAFE_MARKUP_RE = re.compile(
    r"<\s*(?:script|style|iframe|object|embed)\b|\bon\w+\s*=|javascript:", re.I
)
TAG_FIELDS = {
    "fandoms": TagType.FANDOM,
    "relationships": TagType.RELATIONSHIP,
    "characters": TagType.CHARACTER,
    "freeforms": TagType.FREEFORM,
}


def notes_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=NOTES_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class TagListField(forms.CharField):
    """A comma-separated list of tag names of one type; cleans to a list of names."""

    def __init__(self, tag_type: str, **kwargs):
        self.tag_type = tag_type
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 5000)
        kwargs.setdefault("help_text", "Separate tags with commas.")
        super().__init__(**kwargs)

    def clean(self, value):
        names = split_tag_list(super().clean(value))
        problems = tag_name_problems(names, self.tag_type)
        if problems:
            raise forms.ValidationError(problems)
        if len(names) > 75:
            raise forms.ValidationError("A work can have at most 75 tags of one kind.")
        return names


class TextOrUploadMixin:
    """A body pasted in a textarea or uploaded as a file, exactly one of the two."""

    HTML_FIELDS = ("summary", "notes", "endnotes", "body")

    def unsafe_markup_found(self) -> bool:
        return any(UNSAFE_MARKUP_RE.search(self.data.get(n, "") or "") for n in self.HTML_FIELDS)

    def deep_markup_found(self) -> bool:
        """Whether some pasted HTML nests deeper than the sanitiser keeps (it is flattened)."""
        return any(too_deep(self.cleaned_data.get(n) or "") for n in self.HTML_FIELDS)

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None:
            return None
        limit = settings.FANARCHIVE_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"{upload.name} is {upload.size / 2**20:.1f} MB; the limit is {limit / 2**20:.0f} MB."
            )
        try:
            return read_upload(upload.read(), upload.name, limit)
        except ReadError as error:
            raise forms.ValidationError(f"{error} Choose the file again after fixing it.") from None

    def clean_body_or_upload(self, cleaned):
        body, document = cleaned.get("body", ""), cleaned.get("upload")
        if self.has_error("upload") or self.has_error("body"):
            return
        if body.strip() and document is not None:
            self.add_error("upload", "Paste the text or upload a file, not both.")
        elif not body.strip() and document is None:
            self.add_error("body", "The work needs some text: paste it here or upload a file.")


def body_field() -> forms.CharField:
    return forms.CharField(
        label="Work text",
        required=False,
        strip=False,
        max_length=settings.FANARCHIVE_MAX_CHAPTER_CHARS,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="Plain text or HTML. Blank lines separate paragraphs.",
    )


def upload_field() -> forms.FileField:
    return forms.FileField(
        label="…or upload a file",
        required=False,
        help_text=f"{', '.join(sorted(ACCEPTED_SUFFIXES))}; at most "
        f"{settings.FANARCHIVE_MAX_UPLOAD_BYTES // 2**20} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(ACCEPTED_SUFFIXES))}),
    )


class WorkForm(TextOrUploadMixin, forms.Form):
    """Posting a new work (with its first chapter) or, with `editing=True`, its details."""

    rating = forms.ModelChoiceField(queryset=Tag.objects.none(), empty_label=None)
    warnings = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Archive warnings",
        error_messages={
            "required": "Choose at least one archive warning (or choose not to use them)."
        },
    )
    categories = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.none(), widget=forms.CheckboxSelectMultiple, required=False
    )
    fandoms = TagListField(TagType.FANDOM, required=True)
    relationships = TagListField(TagType.RELATIONSHIP, help_text="A/B romantic, A & B platonic.")
    characters = TagListField(TagType.CHARACTER)
    freeforms = TagListField(TagType.FREEFORM, label="Additional tags")
    title = forms.CharField(max_length=255)
    summary = forms.CharField(
        required=False, max_length=SUMMARY_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    notes = notes_field("Beginning notes")
    endnotes = notes_field("End notes")
    language = forms.CharField(max_length=40, initial="English")
    restricted = forms.BooleanField(required=False, label="Only show to registered users")
    complete = forms.BooleanField(required=False, label="This work is complete")
    expected_chapters = forms.IntegerField(
        required=False, min_value=1, max_value=5000, label="Chapters planned (if known)"
    )
    chapter_title = forms.CharField(required=False, max_length=255, label="Chapter title")

    def __init__(self, *args, editing: bool = False, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        if not editing and user is not None and user.pseuds.count() > 1:
            self.fields["pseud"] = forms.ModelChoiceField(
                queryset=user.pseuds.all(),
                empty_label=None,
                label="Post as",
                initial=Pseud.default_for(user),
            )
        self.fields["rating"].queryset = Tag.objects.filter(type=TagType.RATING)
        self.fields["rating"].choices = [(t.pk, t.name) for t in Tag.objects.fixed(TagType.RATING)]
        for name in ("warnings", "categories"):
            tag_type = TagType.WARNING if name == "warnings" else TagType.CATEGORY
            self.fields[name].queryset = Tag.objects.filter(type=tag_type)
            self.fields[name].choices = [(t.pk, t.name) for t in Tag.objects.fixed(tag_type)]
        if editing:
            del self.fields["chapter_title"]
        else:
            self.fields["body"] = body_field()
            self.fields["upload"] = upload_field()

    def clean_warnings(self):
        warnings = self.cleaned_data["warnings"]
        names = {w.name for w in warnings}
        if NO_WARNINGS_APPLY in names and len(names - {NO_WARNINGS_APPLY, NO_WARNINGS_CHOSEN}) > 0:
            raise forms.ValidationError(
                f"“{NO_WARNINGS_APPLY}” cannot be chosen with another warning."
            )
        return list(warnings)

    def clean(self):
        cleaned = super().clean()
        if not self.editing:
            self.clean_body_or_upload(cleaned)
        return cleaned

    def work_parts(self) -> WorkParts:
        """The notes and chapters this form describes (uploads keep their own structure)."""
        data, document = self.cleaned_data, self.cleaned_data.get("upload")
        if document is not None:
            parts = parts_from_document(document)
            parts.notes = data["notes"] or parts.notes
            parts.endnotes = data["endnotes"] or parts.endnotes
            if data.get("chapter_title") and len(parts.chapters) == 1:
                parts.chapters[0] = (data["chapter_title"], parts.chapters[0][1])
            return parts
        return WorkParts(
            data["notes"], data["endnotes"], [(data.get("chapter_title", ""), data["body"])]
        )

    @classmethod
    def initial_for(cls, work) -> dict:
        initial = {
            "title": work.title,
            "summary": work.summary,
            "notes": work.notes,
            "endnotes": work.endnotes,
            "language": work.language,
            "restricted": work.restricted,
            "complete": work.is_complete,
            "expected_chapters": work.expected_chapters,
            "warnings": [t.pk for t in work.tags_of(TagType.WARNING)],
            "categories": [t.pk for t in work.tags_of(TagType.CATEGORY)],
        }
        rating = work.rating
        if rating:
            initial["rating"] = rating.pk
        for name, tag_type in TAG_FIELDS.items():
            initial[name] = ", ".join(t.name for t in work.tags_of(tag_type))
        return initial


class ChapterForm(TextOrUploadMixin, forms.Form):
    title = forms.CharField(required=False, max_length=255, label="Chapter title")
    # The chapter's revision the editor started from: a save over a newer one is refused
    # (two windows, two co-authors) instead of silently losing the other text.
    revision = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    summary = forms.CharField(
        required=False, max_length=SUMMARY_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    notes = notes_field("Beginning notes")
    endnotes = notes_field("End notes")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"] = body_field()
        self.fields["body"].label = "Chapter text"
        self.fields["upload"] = upload_field()

    def clean(self):
        cleaned = super().clean()
        self.clean_body_or_upload(cleaned)
        return cleaned

    def body_html(self) -> str:
        document = self.cleaned_data.get("upload")
        if document is None:
            return self.cleaned_data["body"]
        return "\n".join(
            body for _, body in parts_from_document(document).chapters
        ) or text_to_html(document.text)


class ConfirmDeleteForm(forms.Form):
    """Deleting needs a POST from the confirmation page (CSRF-checked); no fields."""
