from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render

from fanarchive.accounts.forms import SignUpForm


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
