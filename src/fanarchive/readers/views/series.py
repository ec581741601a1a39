"""Series: an owner's ordered run of their own works."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fanarchive.browse.exclusions import without_excluded, works_note
from fanarchive.readers import services
from fanarchive.readers.forms import SeriesChoiceForm
from fanarchive.readers.models import Series
from fanarchive.works import access
from fanarchive.works.html import user_html
from fanarchive.works.models import Work
from fanarchive.works.series import create_series, manage_series, series_meta


class SeriesForm(forms.Form):
    title = forms.CharField(max_length=255, label="Series Title")
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
        label="Description",
    )
    notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5000, label="Notes"
    )


@login_required
def series_new(request):
    """A new series; from a work's page (`?work=N`, one of the user's) the work is Part 1."""
    work = _own_work(request, request.POST.get("work") or request.GET.get("work"))
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        series = create_series(request.user, data["title"], data["summary"], data["notes"], work)
        if work is not None:
            messages.success(request, f"Series created: “{work.title}” is its Part 1.")
        else:
            messages.success(request, "Series created. Add works to it from their pages.")
        return redirect("readers:series", pk=series.pk)
    return render(request, "readers/series_form.html", {"form": form, "work": work})


def _own_work(request, value) -> Work | None:
    if not value:
        return None
    if not (str(value).isascii() and str(value).isdigit()):
        raise Http404("No such work of yours.")
    return access.editable_work(request.user, int(value))


@login_required
def series_edit(request, pk: int):
    series = get_object_or_404(Series, pk=pk, owner=request.user)
    initial = {"title": series.title, "summary": series.summary, "notes": series.notes}
    form = SeriesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        series.title = data["title"]
        series.summary, series.notes = user_html(data["summary"]), user_html(data["notes"])
        series.save()
        messages.success(request, "Series was successfully updated.")
        return redirect("readers:series", pk=series.pk)
    return render(request, "readers/series_form.html", {"form": form, "series": series})


@login_required
def series_manage(request, pk: int):
    """Manage Series: a number per part (or drag the rows), and Remove from Series."""
    series = get_object_or_404(Series, pk=pk, owner=request.user)
    parts = list(series.parts.order_by("position").select_related("work"))
    if request.method == "POST":
        order = _order_from(request.POST, parts)
        if order is None:
            messages.error(request, f"Give each work a different number from 1 to {len(parts)}.")
        else:
            removed = {p.pk for p in parts if request.POST.get(f"remove_{p.pk}")}
            manage_series(series, order, removed)
            messages.success(request, "Series was successfully updated.")
            return redirect("readers:series", pk=series.pk)
    return render(request, "readers/series_manage.html", {"series": series, "parts": parts})


def _order_from(data, parts) -> list[int] | None:
    """Part ids in their new order from `position_<id>` numbers 1..n, each once; else None."""
    numbers = {}
    for part in parts:
        value = (data.get(f"position_{part.pk}") or "").strip()
        if not (value.isascii() and value.isdigit()):
            return None
        numbers[part.pk] = int(value)
    if sorted(numbers.values()) != list(range(1, len(parts) + 1)):
        return None
    return sorted(numbers, key=numbers.get)


def series_detail(request, pk: int):
    series = get_object_or_404(Series, pk=pk)
    visible = Work.objects.visible_to(request.user)
    parts = list(
        series.parts.filter(work__in=visible)
        .order_by("position")
        .select_related("work")
        .prefetch_related("work__tags", "work__pseuds__user", "work__series_parts__series")
    )
    if not parts and series.owner != request.user:
        raise Http404("No such series.")  # a series of hidden works reveals nothing
    meta = series_meta(series, parts)  # the series' own figures, whoever reads them
    excluded = None
    if series.owner != request.user:  # the reader's exclusions and mutes (browse.exclusions)
        shown = series.parts.filter(pk__in=[part.pk for part in parts])
        listed, excluded = without_excluded(shown, request.user, "work")
        if excluded is not None:
            kept = set(listed.values_list("pk", flat=True))
            parts = [part for part in parts if part.pk in kept]
    context = {
        "series": series,
        "parts": parts,
        "meta": meta,
        "is_owner": series.owner == request.user,
        "exclusion_note": works_note(excluded),
    }
    return render(request, "readers/series.html", context)


@login_required
@require_POST
def series_add(request, pk: int):
    """Add one of the user's works to one of the user's series."""
    work = access.editable_work(request.user, pk)
    form = SeriesChoiceForm(request.POST)
    if not form.is_valid():
        raise Http404("No such series of yours.")
    series = get_object_or_404(Series, pk=form.cleaned_data["series"], owner=request.user)
    if services.add_to_series(series, work):
        messages.success(request, f"Added to “{series.title}”.")
    return redirect("works:detail", pk=work.pk)


@login_required
@require_POST
def series_subscribe(request, pk: int):
    series = get_object_or_404(Series, pk=pk)
    if series.owner == request.user:
        raise PermissionDenied("You own this series.")
    now = services.toggle_subscription(request.user, series=series)
    messages.success(request, "Subscribed." if now else "Unsubscribed.")
    return redirect("readers:series", pk=series.pk)
