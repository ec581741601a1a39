"""Tag pages and the wrangling queue (wranglers only)."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
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


# AO3 lists a fandom's canonical characters, relationships and additional tags on its page.
CHILD_GROUPS = [
    (TagType.CHARACTER, "characters", "Characters"),
    (TagType.RELATIONSHIP, "relationships", "Relationships"),
    (TagType.FREEFORM, "freeforms", "Additional Tags"),
]
CHILDREN_SHOWN = 100


def tag_by_name(request, name: str):
    """`/tags/NAME`: AO3's tag page (`div#main.tags-show`): the tag's type, whether it is
    canonical or whose synonym, its parent tags, synonyms, meta and sub tags, a fandom's
    canonical characters, relationships and additional tags, and a link to its works at
    `/tags/NAME/works`. Any case finds it, as on AO3. Only a tag the viewer may see
    (services.visible_tags); any other name is a 404, so a guess learns nothing."""
    if "\x00" in name:  # no tag holds one, and PostgreSQL refuses it in a query
        raise Http404("No such tag.")
    tag = visible_tags(request.user, Tag.objects.named_any([name])).first()
    if tag is None:
        raise Http404("No such tag.")
    canonical = tag.canonical_tag
    relations = {
        key: list(visible_tags(request.user, getattr(canonical, key).all()))
        for key in ("parents", "meta_tags", "sub_tags")
    }
    synonyms = visible_tags(request.user, canonical.synonyms.exclude(pk=tag.pk))
    if tag.merger_id:
        synonyms = [canonical, *synonyms]
    context = {
        "tag": tag,
        "merger": tag.merger if tag.merger_id and shown_to(request.user, tag.merger) else None,
        "canonical": canonical,
        "synonyms": list(synonyms),
        "children": _children(request.user, canonical),
        "main_class": "tags-show region",
        **relations,
    }
    return render(request, "tags/show.html", context)


def _children(user, tag: Tag) -> list[dict]:
    """The canonical tags filed under this one (a fandom's characters, ...), by type."""
    groups = []
    for tag_type, css, label in CHILD_GROUPS:
        tags = visible_tags(user, tag.children.filter(type=tag_type, canonical=True))
        shown = list(tags[: CHILDREN_SHOWN + 1])
        if shown:
            groups.append(
                {
                    "css": css,
                    "label": label,
                    "tags": shown[:CHILDREN_SHOWN],
                    "more": len(shown) > CHILDREN_SHOWN,
                }
            )
    return groups


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
