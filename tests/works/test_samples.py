"""The sample works `make serve` starts with (issue 18, item 8b, 8c): an honest, readable
byline ("Sample Works (archivist)", or the file's own author on the archivist account, as
imports are), the file's summary, fandom, rating, warnings and tags kept, and the archive
never accepting a warning on the author's behalf."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from fanarchive.insights.models import SuggestionKind, TagSuggestion
from fanarchive.insights.services import accept_on_authors_behalf
from fanarchive.tags.models import NO_WARNINGS_CHOSEN, TagType
from fanarchive.works.models import Work

pytestmark = pytest.mark.django_db
DOWNLOAD = Path(__file__).resolve().parents[1] / "data" / "in" / "ao3_download.html"
STORY = (
    "Mira packed the van at noon.\n\n"
    '"Ready?" Mira asked Tomas.\n\n'
    '"Always," Tomas said, and climbed in beside her.\n'
)


def byline(client, work) -> str:
    url = reverse("works:detail", args=[work.pk]) + "?view_adult=true"  # Not Rated: gated
    page = client.get(url).content.decode()
    start = page.index('<h3 class="byline')
    return page[start : page.index("</h3>", start)]


def names(work, tag_type) -> list[str]:
    return sorted(t.name for t in work.tags_of(tag_type))


def test_a_sample_without_a_byline_is_credited_to_the_archives_sample_pseud(tmp_path, client):
    (tmp_path / "004_a3ab017558f1b5e3.txt").write_text(STORY, encoding="utf-8")
    call_command("import_samples", str(tmp_path))
    work = Work.objects.get()
    assert [p.byline for p in work.pseuds.all()] == ["Sample Works (archivist)"]
    assert "Sample Works (archivist)" in byline(client, work)
    assert "posted by its archivist. Its author is not known." in work.notes
    listing = client.get(reverse("browse:works")).content.decode()
    assert ">Sample Works (archivist)</a>" in listing


def test_a_sample_ao3_download_keeps_its_author_summary_fandom_and_tags(tmp_path, client):
    shutil.copy(DOWNLOAD, tmp_path / "rooftop.html")
    call_command("import_samples", str(tmp_path), "--accept-suggestions")
    work = Work.objects.get()
    assert work.title == "Rooftop Promises"
    assert "lanternfox (archivist)" in byline(client, work)  # claimable, as imports are
    assert "Two boys on a roof" in work.summary
    assert names(work, TagType.FANDOM) == ["NARUTO (Anime & Manga)"]
    assert names(work, TagType.RATING) == ["Teen And Up Audiences"]
    assert names(work, TagType.WARNING) == ["No Archive Warnings Apply"]  # the author's own
    assert names(work, TagType.CATEGORY) == ["M/M"]
    assert "Gaara/Uzumaki Naruto" in names(work, TagType.RELATIONSHIP)
    assert {"First Kiss", "Hurt/Comfort"} <= set(names(work, TagType.FREEFORM))
    assert "Its author is not known" not in work.notes


def test_samples_posted_as_archivist_before_are_not_imported_again(tmp_path, capsys):
    from fanarchive.works.samples import archivist_pseud
    from fanarchive.works.services import WorkParts, create_work

    (tmp_path / "van.txt").write_text(STORY, encoding="utf-8")
    create_work(archivist_pseud(), "Mira packed the van at noon", WorkParts(chapters=[]))
    call_command("import_samples", str(tmp_path))
    assert Work.objects.count() == 1 and "already imported" in capsys.readouterr().out


def test_accepting_on_the_authors_behalf_never_applies_a_warning(tmp_path):
    (tmp_path / "van.txt").write_text(STORY, encoding="utf-8")
    call_command("import_samples", str(tmp_path))
    work = Work.objects.get()
    for kind, name in [
        (SuggestionKind.ARCHIVE_WARNING, "Graphic Depictions Of Violence"),
        (SuggestionKind.CONTENT_WARNING, "Self-Harm"),
        (SuggestionKind.CONTENT_WARNING, "Killing"),
        (SuggestionKind.CHARACTER, "Mira"),
    ]:
        TagSuggestion.objects.get_or_create(work=work, kind=kind, name=name)
    applied = [t.name for t in accept_on_authors_behalf(work)]
    assert "Mira" in applied and not {"Self-Harm", "Killing"} & set(applied)
    assert names(work, TagType.WARNING) == [NO_WARNINGS_CHOSEN]
    assert not work.tags.filter(name__in=["Self-Harm", "Killing"]).exists()
    pending = TagSuggestion.objects.exclude(kind=SuggestionKind.CHARACTER)
    assert all(s.status == TagSuggestion.Status.PENDING for s in pending)
