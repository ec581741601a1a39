"""Downloads of any work the user may read, in every format the exports library writes."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.urls import reverse

from fanarchive.exports import (
    FORMATS,
    LAYOUT_VERSION,
    ExportError,
    download_filename,
    export_work,
)
from fanarchive.readers.downloads import export_of
from fanarchive.works import access

# Every format is kept for a day under a digest of everything the download carries: the text
# was sanitised when it was posted, and re-sanitising and re-rendering it for each download of
# a long work cost seconds (PDF and AZW3 more). Any change of text, tags or byline changes the
# digest, and a new download layout changes exports.LAYOUT_VERSION, so a stale download is
# never served.
CACHE_SECONDS = 24 * 3600


def download(request, pk: int, fmt: str):
    work = access.readable_work(request.user, pk)
    if fmt not in FORMATS:
        raise Http404("No such download format.")
    export = export_of(
        work,
        request.build_absolute_uri(reverse("works:detail", args=[work.pk])),
        lambda series: request.build_absolute_uri(reverse("readers:series", args=[series.pk])),
    )
    try:
        data = _exported(work, export, fmt)
    except ExportError as error:
        return HttpResponse(
            f"This download is not available: {error}", status=503, content_type="text/plain"
        )
    response = HttpResponse(data, content_type=FORMATS[fmt].media_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{download_filename(export, FORMATS[fmt].extension)}"'
    )
    # A restricted work's download must not sit in a shared cache.
    response["Cache-Control"] = "private, no-store" if work.restricted or not work.posted else ""
    return response


def _exported(work, export, fmt: str) -> bytes:
    digest = hashlib.sha256(repr(export).encode("utf-8", "surrogatepass")).hexdigest()
    key = f"download:{work.pk}:{fmt}:{LAYOUT_VERSION}:{digest}"
    data = cache.get(key)
    if data is None:
        data = export_work(export, fmt)
        cache.set(key, data, CACHE_SECONDS)
    return data
