from __future__ import annotations

from django import forms

from fanarchive.readers.services import MAX_COMMENT_CHARS

DELETE_CHOICES = [
    ("orphan", "Keep my posted works, orphaned (no longer linked to me)"),
    ("delete", "Delete my works with my account"),
]


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Comment", widget=forms.Textarea(attrs={"rows": 5}), max_length=MAX_COMMENT_CHARS
    )
    name = forms.CharField(label="Name (guests)", max_length=60, required=False)
    chapter = forms.IntegerField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("A comment cannot be empty.")
        return body


class BookmarkForm(forms.Form):
    notes = forms.CharField(
        label="Notes (public)",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    private_notes = forms.CharField(
        label="Private notes (only you see them)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )
    tags = forms.CharField(label="Your tags (comma separated)", required=False, max_length=1000)
    private = forms.BooleanField(label="Private bookmark", required=False)


COLLECTION_CHOICES = [
    ("orphan", "Keep them: give them to orphan_account (moderators, members and works stay)"),
    ("delete", "Delete them, with every moderator's and member's role and every item"),
]


class SeriesChoiceForm(forms.Form):
    """Which of the user's series a work joins: a proper integer field, so "abc", "²" or a
    20-digit number is an invalid form, never an exception in a query."""

    series = forms.IntegerField(min_value=1, max_value=2**31 - 1)


class UsernameQueryForm(forms.Form):
    """`?username=` on the blocked-users page (CharField refuses NUL characters)."""

    username = forms.CharField(required=False, max_length=150)


class DeleteAccountForm(forms.Form):
    works = forms.ChoiceField(choices=DELETE_CHOICES, widget=forms.RadioSelect, initial="orphan")
    password = forms.CharField(widget=forms.PasswordInput, label="Your password, to confirm")

    def __init__(self, *args, user=None, **kwargs):
        from fanarchive.collections.services import owned_collections, owned_collections_message

        super().__init__(*args, **kwargs)
        self.user = user
        self.owned_collections = owned_collections(user) if user is not None else []
        if self.owned_collections:
            # No default: the owner must say what happens to them (as AO3 asks).
            message = owned_collections_message(self.owned_collections)
            self.fields["collections"] = forms.ChoiceField(
                choices=COLLECTION_CHOICES,
                widget=forms.RadioSelect,
                label="Your collections",
                help_text=message,
                error_messages={"required": message},
            )

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password
