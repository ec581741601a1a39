"""Series: an owner's ordered run of their own works."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fanarchive.readers import services
from fanarchive.readers.forms import SeriesChoiceForm
from fanarchive.readers.models import Series
from fanarchive.works import access
from fanarchive.works.html import user_html
from fanarchive.works.models import Work


class SeriesForm(forms.Form):
    title = forms.CharField(max_length=255)
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5000
    )


@login_required
def series_new(request):
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        series = Series.objects.create(
            owner=request.user,
            title=form.cleaned_data["title"],
            summary=user_html(form.cleaned_data["summary"]),
        )
        messages.success(request, "Series created. Add works to it from their pages.")
        return redirect("readers:series", pk=series.pk)
    return render(request, "readers/series_form.html", {"form": form})


def series_detail(request, pk: int):
    series = get_object_or_404(Series, pk=pk)
    visible = Work.objects.visible_to(request.user)
    parts = series.parts.filter(work__in=visible).select_related("work")
    if not parts and series.owner != request.user:
        raise Http404("No such series.")  # a series of hidden works reveals nothing
    context = {"series": series, "parts": parts, "is_owner": series.owner == request.user}
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
