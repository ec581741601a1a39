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


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = ["view_adult"]
