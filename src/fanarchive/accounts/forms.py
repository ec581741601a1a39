from django import forms
from django.contrib.auth.forms import UserCreationForm


class SignUpForm(UserCreationForm):
    email = forms.EmailField(
        required=False, help_text="Optional; only used to reset your password."
    )

    class Meta(UserCreationForm.Meta):
        fields = ["username", "email"]


class PseudForm(forms.Form):
    name = forms.CharField(
        max_length=40, help_text="Another name to post under; your account stays the same."
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if self.user.pseuds.filter(name__iexact=name).exists():
            raise forms.ValidationError(f"You already have a pseud called “{name}”.")
        return name
