"""`/users/NAME/preferences/email`: which emails the archive sends an account (AO3's "Turn
off emails about …" preferences). Only the account's own user may see or change them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from fanarchive.readers.emails import preferences_of
from fanarchive.readers.models import EmailPreference


class EmailPreferenceForm(forms.ModelForm):
    class Meta:
        model = EmailPreference
        fields = [
            "comment_emails_off",
            "kudos_emails_off",
            "subscription_emails_off",
            "collection_emails_off",
        ]


@login_required
def email_preferences(request, username: str):
    if username != request.user.get_username():
        raise Http404("No such preferences page.")
    data = request.POST if request.method == "POST" else None
    form = EmailPreferenceForm(data, instance=preferences_of(request.user))
    if form.is_valid():
        form.save()
        messages.success(request, "Your email preferences were successfully updated.")
        return redirect("readers:email_preferences", username=username)
    return render(request, "readers/email_preferences.html", {"form": form})
