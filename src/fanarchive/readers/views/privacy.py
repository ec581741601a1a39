"""Orphaning a work, deleting an account, and an admin hiding a work."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fanarchive.accounts.system import SystemAccountUnavailable
from fanarchive.collections.services import CollectionError, settle_owned_collections
from fanarchive.readers import services
from fanarchive.readers.forms import DeleteAccountForm
from fanarchive.works import access
from fanarchive.works.forms import ConfirmDeleteForm
from fanarchive.works.models import Work


@login_required
def orphan(request, pk: int):
    work = access.editable_work(request.user, pk)
    if request.method == "POST" and ConfirmDeleteForm(request.POST).is_valid():
        try:
            services.orphan_work(work, request.user)
        except SystemAccountUnavailable as error:
            messages.error(request, f"“{work.title}” was not orphaned. {error}")
            return redirect("works:detail", pk=work.pk)
        messages.success(request, f"“{work.title}” was orphaned: it is no longer linked to you.")
        return redirect("works:dashboard")
    return render(request, "readers/orphan.html", {"work": work})


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        try:
            with transaction.atomic():
                settle_owned_collections(user, form.cleaned_data.get("collections", ""))
                services.delete_account(user, keep_works=form.cleaned_data["works"] == "orphan")
        except (SystemAccountUnavailable, CollectionError) as error:
            # CollectionError: a collection created since the form was shown.
            messages.error(request, f"Your account was not deleted. {error}")
            return redirect("readers:delete_account")
        logout(request)
        messages.success(request, "Your account was deleted.")
        return redirect("works:home")
    return render(request, "readers/delete_account.html", {"form": form})


@login_required
@require_POST
def hide(request, pk: int):
    """Staff hide a work for a policy violation (its authors still see it), or unhide it."""
    if not request.user.is_staff:
        raise PermissionDenied("Only archive admins can hide works.")
    work = get_object_or_404(Work, pk=pk)
    work.hidden_by_admin = request.POST.get("hidden", "1") == "1"
    work.save(update_fields=["hidden_by_admin", "updated_at"])
    messages.success(request, "The work is hidden." if work.hidden_by_admin else "Unhidden.")
    return redirect("works:home")
