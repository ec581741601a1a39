from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from fanarchive.accounts import claims
from fanarchive.accounts.forms import ClaimForm, PreferenceForm, PseudForm, SignUpForm
from fanarchive.accounts.models import Preference, Pseud


def signup(request):
    if request.user.is_authenticated:
        return redirect("works:home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, f"Welcome, {user.get_username()}! You can post your first work now."
        )
        return redirect("works:dashboard")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
def pseuds(request):
    form = PseudForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        Pseud.default_for(request.user)  # the default exists before any other
        Pseud.objects.create(user=request.user, name=form.cleaned_data["name"])
        messages.success(request, f"You can now post as “{form.cleaned_data['name']}”.")
        return redirect("accounts:pseuds")
    return render(
        request, "accounts/pseuds.html", {"form": form, "pseuds": request.user.pseuds.all()}
    )


@login_required
def claim_works(request):
    """Ask for the works imported under a byline; an admin confirms before anything moves."""
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            claims.request_claim(
                request.user, form.cleaned_data["byline"], form.cleaned_data["evidence"]
            )
        except claims.ClaimError as error:
            form.add_error("byline", str(error))
        else:
            messages.success(
                request, "Your claim was sent: the works move once an admin confirms it."
            )
            return redirect("accounts:claims")
    return render(
        request,
        "accounts/claims.html",
        {"form": form, "claims": request.user.works_claims.select_related("pseud")},
    )


@login_required
def preferences(request, username: str):
    """AO3's /users/NAME/preferences: only the account's own user may see or change them."""
    if username != request.user.get_username():
        raise Http404("No such preferences page.")
    preference = Preference.of(request.user)
    form = PreferenceForm(request.POST if request.method == "POST" else None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your preferences were successfully updated.")
        return redirect("accounts:preferences", username=username)
    return render(request, "accounts/preferences.html", {"form": form})
