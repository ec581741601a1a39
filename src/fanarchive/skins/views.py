"""AO3's site-skin pages: /skins, /skins/new, /skins/N, /skins/N/edit, /skins/N/delete,
/skins/N/use,
/skins/N/preview, /skins/unset and the stylesheet /skins/N/skin.css."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fanarchive.skins import services
from fanarchive.skins.forms import SkinForm
from fanarchive.skins.models import Skin


def skin_list(request):
    services.default_skin()
    mine = Skin.objects.filter(author=request.user) if request.user.is_authenticated else []
    context = {
        "skins": Skin.objects.approved(),
        "mine": mine,
        "current": services.current_skin(request),
        "main_class": "skins-index region",
    }
    return render(request, "skins/list.html", context)


@login_required
def skin_new(request):
    form = SkinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        skin = form.save(commit=False)
        skin.author = request.user
        skin.save()
        messages.success(request, "Skin was successfully created.")
        return redirect("skins:detail", pk=skin.pk)
    return render(request, "skins/form.html", {"form": form, "main_class": "skins-new region"})


def skin_detail(request, pk: int):
    skin = _usable(request, pk)
    context = {
        "skin": skin,
        "current": services.current_skin(request),
        "previewed": services.previewed_skin(request),
        "main_class": "skins-show region",
    }
    return render(request, "skins/detail.html", context)


@login_required
def skin_edit(request, pk: int):
    skin = get_object_or_404(Skin, pk=pk, author=request.user)
    form = SkinForm(request.POST or None, instance=skin)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Skin was successfully updated.")
        return redirect("skins:detail", pk=skin.pk)
    context = {"form": form, "skin": skin, "main_class": "skins-edit region"}
    return render(request, "skins/form.html", context)


@login_required
def skin_delete(request, pk: int):
    skin = get_object_or_404(Skin, pk=pk, author=request.user)
    if request.method == "POST":
        skin.delete()  # whoever used it is back to the archive's look
        messages.success(request, f"The skin “{skin.title}” was deleted.")
        return redirect("skins:list")
    context = {"skin": skin, "main_class": "skins-delete region"}
    return render(request, "skins/confirm_delete.html", context)


@require_POST
def skin_use(request, pk: int):
    skin = _usable(request, pk)
    services.use_skin(request, skin)
    messages.success(request, f"You are now using the skin “{skin.title}”.")
    return redirect("skins:detail", pk=skin.pk)


@require_POST
def skin_preview(request, pk: int):
    skin = _usable(request, pk)
    services.preview_skin(request, skin)
    messages.success(request, f"You are previewing the skin “{skin.title}” for this session.")
    return redirect("skins:detail", pk=skin.pk)


@require_POST
def skin_unset(request):
    services.stop_preview(request)
    messages.success(request, "You are back to your own skin.")
    return redirect("skins:list")


def stylesheet(request, pk: int):
    skin = _usable(request, pk)
    response = HttpResponse(skin.css, content_type="text/css; charset=utf-8")
    # The address carries the skin's version, so a shared cache may keep an approved skin;
    # a skin only its author may use stays private.
    approved = skin.official or (skin.public and skin.approved)
    response["Cache-Control"] = "public, max-age=86400" if approved else "private, no-store"
    return response


def _usable(request, pk: int) -> Skin:
    skin = Skin.objects.usable_by(request.user).filter(pk=pk).first()
    if skin is None:
        raise Http404("No such skin.")
    return skin
