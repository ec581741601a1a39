from django import forms

from fanarchive.tags.models import MAX_TAG_LENGTH, Tag


class WrangleForm(forms.Form):
    """One wrangling decision on one tag."""

    ACTIONS = [
        ("canonical", "Make canonical"),
        ("synonym", "Make synonym of…"),
        ("parent", "Add fandom (parent)…"),
        ("meta", "Add meta tag…"),
    ]
    action = forms.ChoiceField(choices=ACTIONS)
    target = forms.CharField(required=False, max_length=MAX_TAG_LENGTH, label="Tag name")

    def clean(self):
        cleaned = super().clean()
        action, name = cleaned.get("action"), (cleaned.get("target") or "").strip()
        if action and action != "canonical":
            if not name:
                self.add_error("target", "Name the tag this one should be attached to.")
            else:
                cleaned["target_tag"] = Tag.objects.named(name)
                if cleaned["target_tag"] is None:
                    self.add_error("target", f"There is no tag named “{name}”.")
        return cleaned
