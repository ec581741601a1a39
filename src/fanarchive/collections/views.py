"""Collection pages. Views fetch through `access`, validate with forms and call `services`,
which decide who may do what; a refused action is a 403, a bad request a message."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fanarchive.browse.exclusions import without_excluded, works_note
from fanarchive.collections import access, services
from fanarchive.collections.forms import (
    AddWorkForm,
    CollectionForm,
    DecisionForm,
    InviteForm,
    ModeratorAddWorkForm,
    RoleForm,
)
from fanarchive.collections.models import MAINTAINER_ROLES, Collection, Participant
from fanarchive.collections.services import CollectionError
from fanarchive.works import access as works_access
from fanarchive.works.forms import ConfirmDeleteForm
from fanarchive.works.models import Work

PER_PAGE = 20


def collection_list(request):
    page = Paginator(services.listing(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "collections/list.html", {"page": page})


@login_required
def collection_new(request):
    form = CollectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            collection = services.create_collection(request.user, **form.cleaned_data)
        except CollectionError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, f"“{collection.title}” was created.")
            return redirect("collections:detail", name=collection.name)
    return render(request, "collections/form.html", {"form": form})


def collection_detail(request, name: str):
    collection = access.collection_named(name)
    works = services.visible_works(collection, request.user)
    works, excluded = without_excluded(works, request.user)  # the reader's exclusions, mutes
    page = Paginator(works, PER_PAGE).get_page(request.GET.get("page"))
    maintainers = (
        collection.participants.filter(role__in=MAINTAINER_ROLES)
        .select_related("user")
        .order_by("pk")  # the owner first, then moderators as they were appointed
    )
    context = {
        "collection": collection,
        "page": page,
        "works": page.object_list,
        "role": services.role_of(collection, request.user),
        "maintainers": maintainers,
        "exclusion_note": works_note(excluded),
    }
    return render(request, "collections/detail.html", context)


@login_required
def collection_edit(request, name: str):
    collection = access.maintained_collection(request.user, name)
    fields = ("title", "description", "moderated", "closed")
    initial = {field: getattr(collection, field) for field in fields}
    form = CollectionForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_collection(collection, request.user, **form.cleaned_data)
        except CollectionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The collection was updated.")
            return redirect("collections:detail", name=collection.name)
    return render(request, "collections/form.html", {"form": form, "collection": collection})


@login_required
def collection_delete(request, name: str):
    collection = access.collection_named(name)
    if not services.is_owner(collection, request.user):
        raise services.NotAllowed("Only the collection's owner can delete it.")
    if request.method == "POST" and ConfirmDeleteForm(request.POST).is_valid():
        services.delete_collection(collection, request.user)
        messages.success(request, f"“{collection.title}” was deleted; its works were not.")
        return redirect("collections:list")
    return render(request, "collections/confirm_delete.html", {"collection": collection})


@login_required
def manage(request, name: str):
    """The moderators' page: works to review, participants, invitations."""
    collection = access.maintained_collection(request.user, name)
    # Works the moderator may not read (drafts, hidden) are left out, not revealed.
    readable = Work.objects.visible_to(request.user).values("pk")
    items = collection.items.filter(work__in=readable).select_related("work", "added_by")
    context = {
        "collection": collection,
        "to_review": items.awaiting_collection(),
        "awaiting_author": items.awaiting_author(),
        "approved": items.approved(),
        "rejected": items.rejected(),
        "participants": collection.participants.select_related("user").order_by("pk"),
        "is_owner": services.is_owner(collection, request.user),
        "invite_form": InviteForm(),
        "add_form": ModeratorAddWorkForm(),
        "role_form": RoleForm(),
    }
    return render(request, "collections/manage.html", context)


@login_required
@require_POST
def item_add(request, name: str):
    """A moderator adds a work; its author is asked to agree unless it is the moderator's."""
    collection = access.maintained_collection(request.user, name)
    form = ModeratorAddWorkForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the work's number or URL (at most 300 characters).")
        return redirect("collections:manage", name=collection.name)
    work = services.find_work_for(request.user, form.cleaned_data["work"])
    if work is None:
        messages.error(request, "There is no such work that you can read.")
        return redirect("collections:manage", name=collection.name)
    try:
        item = services.add_work(collection, work, request.user, form.cleaned_data["notes"])
    except CollectionError as error:
        messages.error(request, str(error))
    else:
        asked = "" if item.user_approval == "approved" else " Its author is asked to agree."
        messages.success(request, f"“{work.title}” was added.{asked}")
    return redirect("collections:manage", name=collection.name)


def _decision(request) -> bool | None:
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose approve or reject.")
        return None
    return form.approve


@login_required
@require_POST
def item_review(request, pk: int):
    item = access.item_for(request.user, pk)
    approve = _decision(request)
    if approve is not None:
        services.review_item(item, request.user, approve)
        verb = "approved" if approve else "rejected"
        messages.success(request, f"“{item.work.title}” was {verb} for the collection.")
    return redirect("collections:manage", name=item.collection.name)


@login_required
@require_POST
def item_consent(request, pk: int):
    item = access.item_for(request.user, pk)
    approve = _decision(request)
    if approve is not None:
        services.consent_item(item, request.user, approve)
        verb = "agreed to" if approve else "declined"
        messages.success(request, f"You {verb} “{item.collection.title}” including your work.")
    return redirect("collections:work_collections", pk=item.work_id)


@login_required
@require_POST
def item_remove(request, pk: int):
    item = access.item_for(request.user, pk)
    services.remove_item(item, request.user)
    messages.success(request, f"“{item.work.title}” was removed from “{item.collection.title}”.")
    if services.is_maintainer(item.collection, request.user):
        return redirect("collections:manage", name=item.collection.name)
    return redirect("collections:work_collections", pk=item.work_id)


@login_required
@require_POST
def invite(request, name: str):
    collection = access.maintained_collection(request.user, name)
    form = InviteForm(request.POST)
    try:
        if not form.is_valid():
            raise CollectionError("Give the username of the person to invite.")
        invited = services.invite(collection, request.user, form.cleaned_data["username"])
    except CollectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{invited.user.get_username()} was invited.")
    return redirect("collections:manage", name=collection.name)


@login_required
@require_POST
def join(request, name: str):
    collection = access.collection_named(name)
    messages.success(request, services.join(collection, request.user))
    return redirect("collections:detail", name=collection.name)


@login_required
@require_POST
def leave(request, name: str):
    collection = access.collection_named(name)
    services.leave(collection, request.user)
    messages.success(request, f"You left “{collection.title}”.")
    return redirect("collections:detail", name=collection.name)


@login_required
@require_POST
def participant_role(request, pk: int):
    participant = access.participant_for(request.user, pk)
    form = RoleForm(request.POST)
    try:
        if not form.is_valid():
            raise CollectionError("Choose moderator or member.")
        services.set_role(participant, request.user, form.cleaned_data["role"])
    except CollectionError as error:
        messages.error(request, str(error))
    else:
        name = participant.user.get_username()
        messages.success(request, f"{name} is now a {participant.role}.")
    return redirect("collections:manage", name=participant.collection.name)


@login_required
@require_POST
def participant_remove(request, pk: int):
    participant = access.participant_for(request.user, pk)
    collection = participant.collection
    services.remove_participant(participant, request.user)
    messages.success(request, f"{participant.user.get_username()} left “{collection.title}”.")
    if services.is_maintainer(collection, request.user):
        return redirect("collections:manage", name=collection.name)
    return redirect("collections:detail", name=collection.name)


@login_required
def work_collections(request, pk: int):
    """A work's collections, for its authors: add it to one, answer invitations."""
    work = works_access.editable_work(request.user, pk)
    form = AddWorkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        collection = Collection.objects.filter(name__iexact=data["collection"].strip()).first()
        try:
            if collection is None:
                raise CollectionError(f"There is no collection named “{data['collection']}”.")
            item = services.add_work(collection, work, request.user, data["notes"])
        except CollectionError as error:
            form.add_error("collection", str(error))
        else:
            waits = "" if item.approved else " It will show there once a moderator approves it."
            messages.success(request, f"Added to “{collection.title}”.{waits}")
            return redirect("collections:work_collections", pk=work.pk)
    items = work.collection_items.select_related("collection")
    return render(
        request, "collections/work_collections.html", {"work": work, "form": form, "items": items}
    )


@login_required
def mine(request):
    """The user's collections and the invitations waiting for an answer."""
    participations = Participant.objects.filter(user=request.user).select_related("collection")
    context = {
        "participations": participations,
        "awaiting": services.awaiting_author(request.user),
    }
    return render(request, "collections/mine.html", context)
