"""Tag suggestions (review, then publish) and the analysis page of a work."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe

from fanarchive.insights import charts
from fanarchive.insights.models import SuggestionKind, TagSuggestion
from fanarchive.insights.services import (
    analysis_state,
    confirm_rejected_warnings,
    decide_suggestions,
)
from fanarchive.works import access

KIND_ORDER = [
    SuggestionKind.CHARACTER,
    SuggestionKind.RELATIONSHIP,
    SuggestionKind.ARCHIVE_WARNING,
    SuggestionKind.CONTENT_WARNING,
    SuggestionKind.ADDITIONAL,
]
KIND_HEADINGS = {
    SuggestionKind.CHARACTER: "Characters",
    SuggestionKind.RELATIONSHIP: "Relationships",
    SuggestionKind.ARCHIVE_WARNING: "Archive warnings",
    SuggestionKind.CONTENT_WARNING: "Content warnings (as additional tags)",
    SuggestionKind.ADDITIONAL: "Additional tags",
}


def _accepted_ids(request, work) -> set[int]:
    # isascii: "²".isdigit() is true, and int("²") raises.
    chosen = {int(v) for v in request.POST.getlist("accept") if v.isascii() and v.isdigit()}
    return chosen & set(work.tag_suggestions.values_list("pk", flat=True))


@login_required
def suggestions(request, pk: int):
    work = access.editable_work(request.user, pk)
    if request.method == "POST":
        decide_suggestions(work, _accepted_ids(request, work))
        then = "publish" if "publish" in request.POST and not work.posted else "save"
        if work.tag_suggestions.rejected_unconfirmed_warnings().exists():
            return redirect(f"{_url('insights:confirm_warnings', work)}?then={then}")
        return _finish(request, work, then)
    state = analysis_state(work, with_data=False)
    groups = []
    for kind in KIND_ORDER:
        items = [s for s in work.tag_suggestions.all() if s.kind == kind]
        if items:
            groups.append((KIND_HEADINGS[kind], items))
    context = {"work": work, "groups": groups, "pending": state.pending}
    return _pending_aware(render(request, "insights/suggestions.html", context), state.pending)


PENDING_REFRESH_SECONDS = 4


def _pending_aware(response, pending: bool):
    """A page waiting for its analysis is never cached, and reloads itself (the Refresh
    header, no script) until the analysis lands."""
    if pending:
        add_never_cache_headers(response)
        response["Refresh"] = str(PENDING_REFRESH_SECONDS)
    return response


@login_required
def confirm_warnings(request, pk: int):
    """Rejected warnings that have evidence, shown once more before the work goes out."""
    work = access.editable_work(request.user, pk)
    rejected = list(work.tag_suggestions.rejected_unconfirmed_warnings())
    then = request.POST.get("then") or request.GET.get("then") or "save"
    if not rejected:
        return redirect("insights:suggestions", pk=work.pk)
    if request.method == "POST":
        accepted = set(
            work.tag_suggestions.filter(status=TagSuggestion.Status.ACCEPTED).values_list(
                "pk", flat=True
            )
        )
        decide_suggestions(work, accepted | _accepted_ids(request, work))
        confirm_rejected_warnings(work)
        return _finish(request, work, then)
    return render(
        request,
        "insights/confirm_warnings.html",
        {"work": work, "rejected": rejected, "then": then},
    )


def _finish(request, work, then: str):
    if then == "publish":
        work.publish()
        messages.success(request, "Your work was published.")
    else:
        messages.success(request, "Your tag choices were saved.")
    return redirect("works:detail", pk=work.pk)


def _url(name: str, work) -> str:
    return reverse(name, args=[work.pk])


def analysis(request, pk: int):
    work = access.readable_work(request.user, pk)
    state = analysis_state(work)
    stored = state.stored
    data = stored.data if stored else {}
    characters = data.get("characters", [])
    quotes = data.get("quotes", [])
    colours = charts.speaker_colours(characters)
    context = {
        "work": work,
        "stored": stored,
        "data": data,
        "present": [c for c in characters if c.get("present")],
        "mentioned": [c for c in characters if not c.get("present")],
        "bars": charts.line_bars(characters, colours),
        "network": mark_safe(
            charts.network_svg(characters, quotes, colours)
        ),  # built from escaped parts
        "dialogue": [mark_safe(p) for p in charts.dialogue_html(stored.text, quotes, colours)]
        if stored
        else [],
        "attributed": sum(1 for q in quotes if q.get("speaker")),
        "quote_count": len(quotes),
        "pending": state.pending,
    }
    return _pending_aware(render(request, "insights/analysis.html", context), state.pending)
