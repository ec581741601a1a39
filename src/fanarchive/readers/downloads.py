"""A work's downloads, built from the models through the pure-Python exports library."""

from __future__ import annotations

from fanarchive.exports import ExportChapter, ExportWork, SeriesPart
from fanarchive.tags.models import TagType
from fanarchive.works.models import Work

NOT_RATED = "Not Rated"


def export_of(work: Work, url: str, series_url=lambda series: "") -> ExportWork:
    """Everything a download carries; `export_work` sanitises every field itself."""

    def names(tag_type: str) -> list[str]:
        return [t.name for t in work.tags_of(tag_type)]

    rating = work.rating
    chapters = work.posted_chapter_list()
    return ExportWork(
        title=work.title,
        authors=[p.byline for p in work.bylines] or ["Anonymous"],
        url=url,
        identifier=str(work.pk),
        rating=rating.name if rating else NOT_RATED,
        warnings=names(TagType.WARNING),
        categories=names(TagType.CATEGORY),
        fandoms=names(TagType.FANDOM),
        relationships=names(TagType.RELATIONSHIP),
        characters=names(TagType.CHARACTER),
        additional_tags=names(TagType.FREEFORM),
        language=work.language or "English",
        words=work.words,
        expected_chapters=len(chapters) if work.complete else work.expected_chapters,
        published=work.published_at.date() if work.published_at else None,
        updated=work.revised_at.date() if work.revised_at else None,
        completed=work.complete,
        summary=work.summary,
        notes=work.notes,
        end_notes=work.endnotes,
        series=[
            SeriesPart(p.series.title, p.position, series_url(p.series))
            for p in work.series_parts.select_related("series")
        ],
        chapters=[
            ExportChapter(
                title=c.title,
                body=c.body,
                summary=c.summary,
                notes=c.notes,
                end_notes=c.endnotes,
            )
            for c in chapters
        ],
    )
