"""Tag pages and the wrangling queue (wranglers only)."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from fanarchive.tags.forms import WrangleForm
from fanarchive.tags.models import WRANGLED_TYPES, Tag, TagType
from fanarchive.tags.services import filed_works, visible_tags, with_visible_uses

TAGS_PER_PAGE = 50


def wrangler_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("tags.wrangle_tag"):
            raise PermissionDenied("Only tag wranglers can do this.")
        return view(request, *args, **kwargs)

    return wrapped


def tag_detail(request, pk: int):
    """A tag's page, if the viewer may see the tag (tags.services.visible_tags): its
    relations and works limited to what the viewer may see too."""
    tag = get_object_or_404(visible_tags(request.user), pk=pk)
    canonical = tag.canonical_tag
    works = filed_works(request.user, tag).for_blurbs()  # as Browse counts them
    page = Paginator(works, 20).get_page(request.GET.get("page"))
    shown = {
        name: visible_tags(request.user, getattr(canonical, name).all())
        for name in ("synonyms", "parents", "meta_tags", "sub_tags")
    }
    merger = tag.merger if tag.merger_id and shown_to(request.user, tag.merger) else None
    context = {
        "tag": tag,
        "merger": merger,
        "canonical": canonical,
        "page": page,
        "works": page.object_list,
        **shown,
    }
    return render(request, "tags/tag.html", context)


def shown_to(user, tag: Tag) -> bool:
    return visible_tags(user, Tag.objects.filter(pk=tag.pk)).exists()


@wrangler_required
def wrangling(request):
    tag_type = request.GET.get("type", "")
    tags = Tag.objects.unwrangled()
    if tag_type in WRANGLED_TYPES:
        tags = tags.filter(type=tag_type)
    tags = with_visible_uses(request.user, tags.order_by("type", "name"))
    page = Paginator(tags, TAGS_PER_PAGE).get_page(request.GET.get("page"))
    types = [(t.value, t.label) for t in TagType if t in WRANGLED_TYPES]
    return render(
        request,
        "tags/wrangling.html",
        {
            "page": page,
            "tags": page.object_list,
            "types": types,
            "current_type": tag_type,
            "form": WrangleForm(),
        },
    )


@wrangler_required
def wrangle_tag(request, pk: int):
    tag = get_object_or_404(Tag, pk=pk)
    form = WrangleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _apply(tag, form.cleaned_data)
        except ValidationError as error:
            form.add_error("target", error)
        else:
            messages.success(request, f"“{tag.name}” was wrangled.")
            next_url = request.POST.get("next", "")
            if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                return redirect(next_url)
            return redirect("tags:wrangle", pk=tag.pk)
    return render(request, "tags/wrangle_tag.html", {"tag": tag, "form": form})


def _apply(tag: Tag, data: dict) -> None:
    action, target = data["action"], data.get("target_tag")
    if action == "canonical":
        tag.make_canonical()
    elif action == "synonym":
        tag.make_synonym_of(target)
    elif action == "parent":
        tag.add_parent(target)
    elif action == "meta":
        tag.add_meta_tag(target)
