from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm, UserCreationForm

from fanarchive.accounts.models import Preference, UsernameSkeleton
from fanarchive.accounts.names import is_reserved, validate_visible_name
from fanarchive.accounts.signals import fill_missing_skeletons, username_skeleton


class SignUpForm(UserCreationForm):
    email = forms.EmailField(
        required=False, help_text="Optional; only used to reset your password."
    )

    class Meta(UserCreationForm.Meta):
        fields = ["username", "email"]

    def clean_username(self):
        # Django's field has NFKC-normalised the name and refused an exact or case-insensitive
        # copy of an existing one; what is left is a name that only looks like another.
        username = super().clean_username()
        if username is None:  # Django has reported a case-insensitive duplicate
            return username
        validate_visible_name(username, "username")
        if is_reserved(username):
            raise forms.ValidationError(
                f"“{username}” is reserved for the archive's own accounts; please choose "
                f"another name."
            )
        fill_missing_skeletons()
        if UsernameSkeleton.objects.filter(skeleton=username_skeleton(username)).exists():
            raise forms.ValidationError(
                f"“{username}” looks too much like the name of an existing account; please "
                f"choose another name."
            )
        return username


class PseudForm(forms.Form):
    name = forms.CharField(
        max_length=40, help_text="Another name to post under; your account stays the same."
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        validate_visible_name(name, "pseud")
        if not name:
            raise forms.ValidationError("A pseud needs at least one visible character.")
        if is_reserved(name):
            raise forms.ValidationError(
                f"“{name}” is reserved for the archive's own accounts; please choose another."
            )
        if self.user.pseuds.filter(name__iexact=name).exists():
            raise forms.ValidationError(f"You already have a pseud called “{name}”.")
        return name


class ClaimForm(forms.Form):
    byline = forms.CharField(
        max_length=40, help_text="The name the works were imported under, as their page shows it."
    )
    evidence = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="How the archive can check they are yours: the e-mail address the old "
        "archive knew, a link to your profile there…",
    )


class PasswordResetRequestForm(PasswordResetForm):
    """AO3's "Forgotten your password?" form: an email address or a user name. As Django's,
    it never says whether an account matched (that would reveal who has one)."""

    email = forms.CharField(label="Email address or user name", max_length=254)

    def get_users(self, email):
        if "@" in email:
            return super().get_users(email)
        matches = get_user_model()._default_manager.filter(
            username__iexact=email.strip(), is_active=True
        )
        return (user for user in matches if user.email and user.has_usable_password())


MAX_EXCLUDED = 200  # tags and creators each; more than any saved AO3 filter holds


def _names(text: str) -> list[str]:
    """Comma-separated names, tidied, duplicates (in any case) dropped, order kept."""
    seen: dict[str, str] = {}
    for raw in text.split(","):
        name = " ".join(raw.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


def _name_list_field(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=help_text,
    )


def _resolve(text: str, lookup, noun: str, plural: str) -> list:
    """Every comma-separated name in `text` through `lookup` (name -> matches); one unknown
    name rejects the whole list, so a typo never silently saves a shorter filter."""
    names = _names(text)
    if len(names) > MAX_EXCLUDED:
        raise forms.ValidationError(f"At most {MAX_EXCLUDED} {plural} can be excluded.")
    found, unknown = [], []
    for name in names:
        matches = lookup(name)
        found.extend(matches)
        if not matches:
            unknown.append(name)
    if unknown:
        raise forms.ValidationError(
            f"No {noun} is called " + ", ".join(f"“{name}”" for name in unknown) + "."
        )
    return found


class PreferenceForm(forms.ModelForm):
    """AO3's Display preferences plus a saved exclude filter: tags and creators typed as
    comma-separated names, as on the work form; every name must match or nothing is saved."""

    excluded_tag_names = _name_list_field(
        "Tags to exclude",
        "Works with any of these tags (or their synonyms and sub tags) are left out "
        "of Browse, search, tag and user listings. Separate tags with commas.",
    )
    excluded_author_names = _name_list_field(
        "Creators to exclude",
        "User names whose works are left out of those listings (as muting does). "
        "Separate names with commas.",
    )

    class Meta:
        model = Preference
        fields = ["view_adult", "hide_warnings", "hide_freeform"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        preference = self.instance
        if preference.pk and not self.is_bound:
            tags = preference.excluded_tags.order_by("name").values_list("name", flat=True)
            users = preference.excluded_authors.order_by("username")
            self.initial["excluded_tag_names"] = ", ".join(tags)
            self.initial["excluded_author_names"] = ", ".join(user.get_username() for user in users)

    def clean_excluded_tag_names(self):
        from fanarchive.tags.models import Tag
        from fanarchive.tags.services import visible_tags

        def tags_called(name):
            return list(visible_tags(self.instance.user, Tag.objects.filter(name__iexact=name)))

        return _resolve(self.cleaned_data["excluded_tag_names"], tags_called, "tag", "tags")

    def clean_excluded_author_names(self):
        users = get_user_model()._default_manager

        def users_called(name):
            return list(users.filter(username__iexact=name)[:1])

        found = _resolve(
            self.cleaned_data["excluded_author_names"], users_called, "user", "creators"
        )
        if self.instance.user in found:
            raise forms.ValidationError("Your own works are always listed for you.")
        return found

    def save(self, commit=True):
        preference = super().save(commit=commit)
        preference.excluded_tags.set(self.cleaned_data["excluded_tag_names"])
        preference.excluded_authors.set(self.cleaned_data["excluded_author_names"])
        return preference
