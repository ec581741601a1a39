"""Reading, posting and changing works. Views fetch through `access`, validate with forms
and call services; analysis and suggestions live in the insights app."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fanarchive.accounts.models import Pseud
from fanarchive.accounts.preferences import adult_gate
from fanarchive.browse.exclusions import without_excluded, works_note
from fanarchive.insights.services import analysis_state, queue_analysis
from fanarchive.readers.services import record_visit
from fanarchive.site.celery import queue_configured
from fanarchive.tags.services import tags_for_names
from fanarchive.works import access, associations
from fanarchive.works.associations import inspired_works
from fanarchive.works.forms import TAG_FIELDS, ChapterForm, ConfirmDeleteForm, WorkForm
from fanarchive.works.html import DEEP_MARKUP_FLATTENED, user_html
from fanarchive.works.models import Gift, Work
from fanarchive.works.series import add_work_to_series, series_places
from fanarchive.works.services import (
    EditConflict,
    chapter_revision,
    create_work,
    delete_chapter,
    post_chapter,
    set_required_tags,
    update_chapter,
)

WORKS_PER_PAGE = 20
EDIT_CONFLICT = (
    "This chapter was saved from another window or by a co-author after you opened it, so "
    "your changes were not saved. Your text is still below: copy it, open the chapter again "
    "and make your changes there."
)
UNSAFE_REMOVED = (
    "Some HTML was removed because it is not allowed here (scripts, styles, event handlers)."
)


def home(request):
    works = Work.objects.visible_to(request.user).filter(posted=True)
    works, excluded = without_excluded(works, request.user)  # the reader's exclusions, mutes
    page = Paginator(works.for_blurbs(), WORKS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "works": page.object_list, "exclusion_note": works_note(excluded)}
    return render(request, "works/home.html", context)


def user_gifts(request, username: str):
    """AO3's `/users/NAME/gifts`: the posted works gifted to this account, as blurbs."""
    owner = get_object_or_404(get_user_model(), username__iexact=username)
    gifted = Gift.objects.filter(pseud__user=owner).values("work")
    works = Work.objects.visible_to(request.user).filter(posted=True, pk__in=gifted)
    works, excluded = without_excluded(works, request.user)  # the reader's exclusions, mutes
    page = Paginator(works.for_blurbs(), WORKS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "works": page.object_list,
        "heading": f"Gifts for {owner.get_username()}",
        "exclusion_note": works_note(excluded),
    }
    return render(request, "works/home.html", context)


@login_required
def dashboard(request):
    works = Work.objects.by(request.user).for_blurbs()
    invitations = associations.pending_invitations(request.user).count()
    return render(request, "works/dashboard.html", {"works": works, "invitations": invitations})


def work_detail(request, pk: int, chapter_pk: int | None = None):
    work = access.readable_work(request.user, pk)
    gate = adult_gate(request, work)  # AO3's adult-content warning (accounts/preferences.py)
    if gate is not None:
        return gate
    record_visit(request, work)  # hits and reading history (readers app)
    # The index needs only titles; texts are loaded for the chapters shown.
    chapters = list(
        work.chapters.filter(posted=True).order_by("position").defer("body", "notes", "endnotes")
    )
    if chapter_pk is not None and chapter_pk not in {c.pk for c in chapters}:
        raise Http404("No such chapter in this work.")  # a draft chapter has only its preview
    entire = request.GET.get("view_full_work") == "true" or len(chapters) <= 1
    current = None
    if entire:
        shown = work.posted_chapter_list()
    else:
        current = (
            access.chapter_of(work, chapter_pk)
            if chapter_pk
            else work.chapters.get(pk=chapters[0].pk)
        )
        shown = [current]
    index = next((i for i, c in enumerate(chapters) if current and c.pk == current.pk), 0)
    is_author = work.is_authored_by(request.user)
    context = {
        "work": work,
        "chapters": chapters,
        "shown": shown,
        "entire": entire,
        "current": current,
        "previous": chapters[index - 1] if current and index > 0 else None,
        "next": chapters[index + 1] if current and index + 1 < len(chapters) else None,
        "is_author": is_author,
        "pending_suggestions": work.tag_suggestions.pending().count() if is_author else 0,
        # Authors see when the analysis of their latest text has not landed yet.
        "analysis_pending": is_author and analysis_state(work, with_data=False).pending,
        "series_places": series_places(work, request.user),
        "draft_chapters": list(work.chapters.filter(posted=False)) if is_author else [],
        "children": inspired_works(work, request.user),
    }
    return render(request, "works/work.html", context)


@login_required
def work_new(request):
    form = WorkForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        work = _create_from_form(request, form)
        queue_analysis(work)  # committed above: runs now without a broker, else on a worker
        if "preview" in request.POST:  # AO3's "Preview": the draft as it will look
            return redirect("works:preview", pk=work.pk)
        messages.info(
            request, "Your draft is saved. Review the tags the text suggests, then publish."
        )
        return redirect("insights:suggestions", pk=work.pk)
    if request.method == "POST":
        messages.error(request, "The work was not saved: see the messages below.")
    return render(request, "works/work_form.html", {"form": form, "editing": False})


@transaction.atomic
def _create_from_form(request, form: WorkForm) -> Work:
    data = form.cleaned_data
    work = create_work(
        data.get("pseud") or Pseud.default_for(request.user),
        data["title"],
        form.work_parts(),
        summary=user_html(data["summary"]),
        language=data["language"],
        restricted=data["restricted"],
        complete=data["complete"],
        expected_chapters=data["expected_chapters"],
    )
    _apply_form_tags(work, data)
    _apply_associations(request, work, data)
    _warn_about_markup(request, form)
    if form.split_message():
        messages.info(request, form.split_message())
    return work


def _apply_associations(request, work: Work, data: dict) -> None:
    """Co-creators (asked, not added), gifts, the parent work, the date and the series."""
    invited = associations.invite_creators(work, data["co_creators"], request.user)
    associations.set_gifts(work, data["gifts"], request.user)
    associations.set_parent_work(
        work,
        data["parent_url"],
        data["parent_title"],
        data["parent_author"],
        data["parent_translation"],
    )
    day = data.get("backdate")
    published = work.published_at and timezone.localtime(work.published_at).date()
    if day is not None and day != published:
        associations.backdate(work, day)
    series = add_work_to_series(work, request.user, data.get("series"), data.get("new_series", ""))
    if series is not None:
        messages.info(request, f"Added to the series “{series.title}”.")
    if invited:
        names = ", ".join(i.pseud.name for i in invited)
        messages.info(request, f"Co-creator invitations sent to {names}.")


def _warn_about_markup(request, form) -> None:
    """Tell the author what the sanitiser changed in what they pasted."""
    if form.unsafe_markup_found():
        messages.warning(request, UNSAFE_REMOVED)
    if form.deep_markup_found():
        messages.warning(request, DEEP_MARKUP_FLATTENED)


def _apply_form_tags(work: Work, data: dict) -> None:
    set_required_tags(work, data["rating"], data["warnings"], list(data["categories"]))
    for name, tag_type in TAG_FIELDS.items():
        work.set_tags(tag_type, tags_for_names(data[name], tag_type))


@login_required
def work_edit(request, pk: int):
    work = access.editable_work(request.user, pk)
    form = WorkForm(
        request.POST or None,
        initial=WorkForm.initial_for(work),
        editing=True,
        user=request.user,
        work=work,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            was_complete = work.is_complete
            for field in ("title", "language", "restricted", "expected_chapters"):
                setattr(work, field, data[field])
            work.summary, work.notes, work.endnotes = (
                user_html(data[f]) for f in ("summary", "notes", "endnotes")
            )
            work.save()
            _save_completion(work, data["complete"], was_complete)
            _apply_form_tags(work, data)
            _apply_associations(request, work, data)
        _warn_about_markup(request, form)
        _reanalyse(request, work)
        messages.success(request, "The work was updated.")
        return redirect("works:detail", pk=work.pk)
    return render(request, "works/work_form.html", {"form": form, "editing": True, "work": work})


def _save_completion(work: Work, ticked: bool, was_complete: bool) -> None:
    """Ticking or unticking "complete" decides; left as it was, the planned chapter count
    does, as on AO3 (planning 2 chapters for a work of 2 completes it)."""
    if ticked or was_complete:
        work.set_complete(ticked)
    else:
        work.recount_words()  # completes the work when its planned chapters are all posted


def _reanalyse(request, work: Work) -> None:
    """Queue the analysis of the changed text (in-process at once without a broker)."""
    queue_analysis(work)
    if queue_configured():
        messages.info(
            request, "The new text is being analysed: its suggested tags will follow shortly."
        )
        return
    pending = work.tag_suggestions.pending().count()
    if pending:
        messages.info(
            request, f"The text suggests {pending} new tags: review them with “Suggested tags”."
        )


@login_required
def work_delete(request, pk: int):
    work = access.editable_work(request.user, pk)
    if request.method == "POST" and ConfirmDeleteForm(request.POST).is_valid():
        title = work.title
        work.delete()
        messages.success(request, f"“{title}” was deleted.")
        return redirect("works:dashboard")
    return render(
        request,
        "works/confirm_delete.html",
        {"work": work, "object_label": f"the work “{work.title}”"},
    )


@login_required
@require_POST
def work_set_complete(request, pk: int):
    work = access.editable_work(request.user, pk)
    work.set_complete(request.POST.get("complete") == "1")
    messages.success(request, "Marked complete." if work.complete else "Marked in progress.")
    return redirect("works:detail", pk=work.pk)


@login_required
def chapter_new(request, pk: int):
    work = access.editable_work(request.user, pk)
    form = ChapterForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        body, notes, endnotes, moved = form.new_chapter_parts()
        preview = "preview" in request.POST  # AO3's Preview: a draft chapter until Post
        chapter, created = post_chapter(
            work,
            data["title"],
            body,
            summary=user_html(data["summary"]),
            notes=notes,
            endnotes=endnotes,
            posted=not preview,
        )
        if preview or not chapter.posted:
            return redirect("works:chapter_preview", pk=work.pk, chapter_pk=chapter.pk)
        if not created:
            messages.info(request, f"{chapter.heading} was already added (the form came twice).")
            return redirect("works:chapter", pk=work.pk, chapter_pk=chapter.pk)
        _warn_about_markup(request, form)
        if moved:
            messages.info(request, "Author's notes at the start or end went into the Notes.")
        _reanalyse(request, work)
        messages.success(request, f"{chapter.heading} was added.")
        return redirect("works:chapter", pk=work.pk, chapter_pk=chapter.pk)
    return render(request, "works/chapter_form.html", {"form": form, "work": work})


@login_required
def chapter_edit(request, pk: int, chapter_pk: int):
    work = access.editable_work(request.user, pk)
    chapter = access.chapter_of(work, chapter_pk)
    initial = {f: getattr(chapter, f) for f in ("title", "summary", "notes", "endnotes")} | {
        "body": chapter.body,
        "revision": chapter_revision(chapter),
    }
    form = ChapterForm(request.POST or None, request.FILES or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update_chapter(
                chapter,
                data["revision"],
                data["title"],
                form.body_html(),
                **{f: user_html(data[f]) for f in ("summary", "notes", "endnotes")},
            )
        except EditConflict:
            form.add_error(None, EDIT_CONFLICT)
            messages.error(request, EDIT_CONFLICT)
            return render(
                request,
                "works/chapter_form.html",
                {"form": form, "work": work, "chapter": chapter},
                status=409,
            )
        _warn_about_markup(request, form)
        _reanalyse(request, work)
        messages.success(request, f"{chapter.heading} was updated.")
        if not chapter.posted:
            return redirect("works:chapter_preview", pk=work.pk, chapter_pk=chapter.pk)
        return redirect("works:chapter", pk=work.pk, chapter_pk=chapter.pk)
    return render(
        request, "works/chapter_form.html", {"form": form, "work": work, "chapter": chapter}
    )


@login_required
def chapter_delete(request, pk: int, chapter_pk: int):
    work = access.editable_work(request.user, pk)
    chapter = access.chapter_of(work, chapter_pk)
    if work.chapters.count() == 1:
        messages.error(request, "A work needs at least one chapter; delete the work instead.")
        return redirect("works:detail", pk=work.pk)
    if request.method == "POST" and ConfirmDeleteForm(request.POST).is_valid():
        delete_chapter(chapter)
        queue_analysis(work)
        messages.success(request, f"{chapter.heading} was deleted.")
        return redirect("works:detail", pk=work.pk)
    return render(
        request, "works/confirm_delete.html", {"work": work, "object_label": chapter.heading}
    )
