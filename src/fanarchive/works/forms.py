"""Forms for posting and editing works and chapters. Every limit is checked here so a bad
input comes back as a message on the form with everything the author typed still in it."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.utils import timezone

from fanarchive.accounts.models import Pseud
from fanarchive.analysis.errors import ReadError
from fanarchive.tags.models import NO_WARNINGS_APPLY, NO_WARNINGS_CHOSEN, Tag, TagType
from fanarchive.tags.services import split_tag_list, tag_name_problems
from fanarchive.works.associations import (
    MAX_GIFTS,
    ParentWorkError,
    blocked_inviter,
    pseud_named,
    resolve_parent,
    split_names,
)
from fanarchive.works.html import text_to_html, too_deep, user_html
from fanarchive.works.prefill import TEXT_FIELDS as PREFILL_FIELDS
from fanarchive.works.prefill import Prefill, fill_empty
from fanarchive.works.services import (
    WorkParts,
    chapter_from_pasted,
    parts_from_document,
    parts_from_pasted,
)
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
        if getattr(self, "upload_error", None) is not None:  # read once, to prefill
            raise self.upload_error
        if getattr(self, "uploaded_document", None) is not None:
            return self.uploaded_document
        return self.read_upload_file(upload)

    def read_upload_file(self, upload):
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


RICH_TEXT_HELP = "Rich Text shows the chapter as it reads; HTML shows its markup."


def rich_text_editors(form: forms.Form, names) -> None:
    """Stored HTML fields that open in AO3's "Rich Text" mode (works/chapter_editor.js)."""
    for name in names:
        form.fields[name].widget.attrs["data-editor"] = "rich"


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
        label="Archive Warnings",
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
    # AO3's associations: co-creators, gifts, the parent work, a different publication date.
    co_creators = forms.CharField(
        required=False,
        max_length=1000,
        label="Add co-creators",
        help_text="User names, or “pseud (user name)”, separated by commas. They are asked "
        "first: each is added to the byline when they accept.",
    )
    gifts = forms.CharField(
        required=False,
        max_length=1000,
        label="Gift this work to",
        help_text="User names or anyone's name, separated by commas.",
    )
    parent_url = forms.CharField(
        required=False,
        max_length=500,
        label="URL",
        help_text="The address of the work this one remixes, translates or was inspired by.",
    )
    parent_title = forms.CharField(required=False, max_length=255, label="Title")
    parent_author = forms.CharField(required=False, max_length=100, label="Author")
    parent_translation = forms.BooleanField(required=False, label="This is a translation")
    backdate = forms.DateField(
        required=False,
        label="Set a different publication date",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty to use the day it is posted.",
    )

    def __init__(self, *args, editing: bool = False, user=None, work=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        self.user, self.work = user, work
        if user is not None:
            self._add_series_fields(user)
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
            rich_text_editors(self, ("summary", "notes", "endnotes"))
        else:
            self.fields["body"] = body_field()
            self.fields["upload"] = upload_field()
            for name in ("title", "fandoms"):  # an uploaded file may fill them: the browser
                # must let the form through empty (the server still requires them)
                self.fields[name].widget.use_required_attribute = lambda initial: False
        self.prefill = Prefill()
        if self.is_bound and not editing and self.files.get("upload") is not None:
            self._prefill_from_upload(self.files["upload"])

    def _prefill_from_upload(self, upload) -> None:
        """The fields the author left empty, filled from the uploaded file's metadata (AO3's
        import); a file that cannot be read fills nothing (clean_upload says why)."""
        try:
            self.uploaded_document = self.read_upload_file(upload)
        except forms.ValidationError as error:
            self.upload_error = error  # the file is read once: clean_upload says it again
            return
        choices = {name: [label for _, label in self.fields[name].choices] for name in CHOICES}
        by_id = {name: dict(self.fields[name].choices) for name in CHOICES}
        given = {name: self.data.get(name, "") for name in PREFILL_FIELDS}
        given["rating"] = by_id["rating"].get(_int(self.data.get("rating")), "")
        for name in ("warnings", "categories"):
            given[name] = [by_id[name].get(_int(v), "") for v in _list(self.data, name)]
        poster = [p.name for p in self.user.pseuds.all()] if self.user is not None else []
        self.prefill = fill_empty(self.uploaded_document.metadata, given, poster, choices)
        if not self.prefill.values:
            return
        ids = {name: {label: pk for pk, label in by_id[name].items()} for name in CHOICES}
        data = self.data.copy()
        for name, value in self.prefill.values.items():
            if name == "rating":
                data[name] = str(ids[name][value])
            elif name in ("warnings", "categories"):
                _set_list(data, name, [str(ids[name][v]) for v in value])
            else:
                data[name] = value
        self.data = data

    def _add_series_fields(self, user) -> None:
        from fanarchive.readers.models import Series

        owned = Series.objects.filter(owner=user)
        if self.work is not None:
            owned = owned.exclude(parts__work=self.work)
        self.fields["series"] = forms.ModelChoiceField(
            queryset=owned, required=False, label="Add to series", empty_label="Choose one"
        )
        self.fields["new_series"] = forms.CharField(
            required=False, max_length=255, label="Or create and use a new one"
        )

    def clean_co_creators(self):
        names = split_names(self.cleaned_data["co_creators"])
        pseuds, missing = [], []
        for name in names:
            pseud = pseud_named(name)
            (missing.append(name) if pseud is None else pseuds.append(pseud))
        if missing:
            raise forms.ValidationError(
                f"Invalid creator: could not find a pseud “{', '.join(missing)}”."
            )
        blocking = blocked_inviter(pseuds, self.user)
        if blocking:
            raise forms.ValidationError(
                f"Sorry, you have been blocked by {', '.join(p.name for p in blocking)}."
            )
        return pseuds

    def clean_gifts(self):
        names = split_names(self.cleaned_data["gifts"])
        if len(names) > MAX_GIFTS:
            raise forms.ValidationError(f"A work can be a gift to at most {MAX_GIFTS} people.")
        if any(len(name) > 100 for name in names):
            raise forms.ValidationError("A recipient's name can be at most 100 characters.")
        return names

    def clean_parent_url(self):
        url = self.cleaned_data["parent_url"].strip()
        if url:
            try:
                resolve_parent(url, self.work.pk if self.work else None)
            except ParentWorkError as error:
                raise forms.ValidationError(str(error)) from None
        return url

    def clean_backdate(self):
        day = self.cleaned_data["backdate"]
        if day is not None and day > timezone.localdate():
            raise forms.ValidationError("The publication date cannot be in the future.")
        return day

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
        if cleaned.get("series") and (cleaned.get("new_series") or "").strip():
            self.add_error("new_series", "Choose a series or create a new one, not both.")
        return cleaned

    def work_parts(self) -> WorkParts:
        """The notes and chapters this form describes (uploads keep their own structure)."""
        data, document = self.cleaned_data, self.cleaned_data.get("upload")
        if document is not None:
            parts = parts_from_document(document)
            parts.notes = _joined(self.prefill.original_byline, data["notes"] or parts.notes)
            parts.endnotes = data["endnotes"] or parts.endnotes
            if data.get("chapter_title") and len(parts.chapters) == 1:
                parts.chapters[0] = (data["chapter_title"], parts.chapters[0][1])
            return parts
        parts = parts_from_pasted(data["body"])
        if parts is None:
            return WorkParts(
                data["notes"], data["endnotes"], [(data.get("chapter_title", ""), data["body"])]
            )
        self.split_from_text = parts
        parts.notes = _joined(user_html(data["notes"]), parts.notes)
        parts.endnotes = _joined(user_html(data["endnotes"]), parts.endnotes)
        if data.get("chapter_title") and not parts.chapters[0][0]:
            parts.chapters[0] = (data["chapter_title"], parts.chapters[0][1])
        return parts

    def split_message(self) -> str:
        """What posting did to the author's text: fields filled from an uploaded file, or
        pasted text split at its chapter headings and author's notes."""
        parts = getattr(self, "split_from_text", None)
        if parts is None:
            return self.prefill.message()
        said = []
        if len(parts.chapters) > 1:
            said.append(f"its “Chapter” headings made {len(parts.chapters)} chapters")
        if parts.notes or parts.endnotes or parts.chapter_notes:
            said.append("author's notes at the start or end went into the Notes")
        return "Your text was split as AO3 authors mean it: " + " and ".join(said) + "."

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
        initial["gifts"] = ", ".join(g.recipient_name for g in work.gifts.all())
        link = work.parent_links.first()
        if link is not None:
            initial |= {
                "parent_url": link.url,
                "parent_title": link.title,
                "parent_author": link.author,
                "parent_translation": link.translation,
            }
        if work.published_at:
            initial["backdate"] = timezone.localtime(work.published_at).date()
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

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"] = body_field()
        self.fields["body"].label = "Chapter text"
        if editing:  # the stored HTML opens as readable text (works/chapter_editor.js)
            rich_text_editors(self, ("summary", "notes", "endnotes", "body"))
            self.fields["body"].help_text = RICH_TEXT_HELP
        self.fields["upload"] = upload_field()

    def clean(self):
        cleaned = super().clean()
        self.clean_body_or_upload(cleaned)
        return cleaned

    def new_chapter_parts(self) -> tuple[str, str, str, bool]:
        """(body, notes, end notes, whether author's notes were moved out of the text)."""
        data = self.cleaned_data
        body, notes, endnotes = (
            self.body_html(),
            user_html(data["notes"]),
            user_html(data["endnotes"]),
        )
        found = None if data.get("upload") is not None else chapter_from_pasted(body)
        if found is None:
            return body, notes, endnotes, False
        return found[0], _joined(notes, found[1]), _joined(found[2], endnotes), True

    def body_html(self) -> str:
        document = self.cleaned_data.get("upload")
        if document is None:
            return self.cleaned_data["body"]
        return "\n".join(
            body for _, body in parts_from_document(document).chapters
        ) or text_to_html(document.text)


CHOICES = ("rating", "warnings", "categories")


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _list(data, name: str) -> list:
    """A multiple-choice field's values from a QueryDict or a plain dict."""
    if hasattr(data, "getlist"):
        return data.getlist(name)
    value = data.get(name) or []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _set_list(data, name: str, values: list[str]) -> None:
    if hasattr(data, "setlist"):
        data.setlist(name, values)
    else:
        data[name] = values


def _joined(typed: str, found: str) -> str:
    """The notes the author typed in the form, then those found in the pasted text."""
    return "\n".join(part for part in (typed, found) if part.strip())


class ConfirmDeleteForm(forms.Form):
    """Deleting needs a POST from the confirmation page (CSRF-checked); no fields."""
