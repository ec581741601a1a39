from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from fanarchive.skins.css import SkinCSSError, clean_skin_css
from fanarchive.skins.models import Skin


class SkinForm(forms.ModelForm):
    class Meta:
        model = Skin
        fields = ["title", "description", "css", "replace_archive_skin", "public"]
        labels = {"css": "CSS", "replace_archive_skin": "Replace archive skin entirely"}
        help_texts = {
            "css": "CSS for the archive's markup (AO3's classes and ids). No @import, no "
            "url() to other sites, nothing that runs code.",
            "public": "Offer it to every reader (after an admin approves it).",
        }
        widgets = {"css": forms.Textarea(attrs={"rows": 20, "cols": 80, "spellcheck": "false"})}

    def clean_css(self) -> str:
        try:
            return clean_skin_css(self.cleaned_data.get("css", ""))
        except SkinCSSError as error:
            raise ValidationError(
                ["This CSS was not saved:", *error.problems], code="unsafe_css"
            ) from error

    def save(self, commit: bool = True) -> Skin:
        skin = super().save(commit=False)
        # A changed skin is looked at again before every reader is offered it.
        if skin.pk and {"css", "replace_archive_skin", "public"} & set(self.changed_data):
            skin.approved = False
        if commit:
            skin.save()
        return skin
