"""Collection forms. Lengths are checked here so a huge input is a message on the form;
the services check the rest (names taken, closed collections) and the forms show it."""

from __future__ import annotations

from django import forms

from fanarchive.collections.models import NAME_MAX_CHARS, Role
from fanarchive.collections.services import TITLE_MAX_CHARS

DESCRIPTION_MAX_CHARS = 10_000
NOTES_MAX_CHARS = 5_000


class CollectionForm(forms.Form):
    name = forms.CharField(
        max_length=NAME_MAX_CHARS,
        help_text="Its URL: letters, digits and underscores, e.g. rare_pairs_week.",
    )
    title = forms.CharField(max_length=TITLE_MAX_CHARS)
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=DESCRIPTION_MAX_CHARS
    )
    moderated = forms.BooleanField(
        required=False, help_text="Works from non-members wait for a moderator's approval."
    )
    closed = forms.BooleanField(required=False, help_text="The collection takes no new works.")

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:  # the name is the URL: links to it must keep working
            del self.fields["name"]


class AddWorkForm(forms.Form):
    """On a work's page: its author adds it to a collection, named by its URL name."""

    collection = forms.CharField(
        label="Collection name",
        max_length=NAME_MAX_CHARS,
        help_text="The collection's URL name, as in /collections/name/.",
    )
    notes = forms.CharField(
        label="Note to the moderators",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=NOTES_MAX_CHARS,
    )


class InviteForm(forms.Form):
    username = forms.CharField(max_length=150)


class ModeratorAddWorkForm(forms.Form):
    """On the moderators' page: add any work they can read (its author is asked)."""

    work = forms.CharField(label="Work number or URL", max_length=300)
    notes = forms.CharField(
        label="Note to the author",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=NOTES_MAX_CHARS,
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "Approve"), ("reject", "Reject")])

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == "approve"


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=[(Role.MODERATOR, "Moderator"), (Role.MEMBER, "Member")])
