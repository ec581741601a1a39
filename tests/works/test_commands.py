"""The management commands `make serve` runs."""

import pytest
from django.core.management import call_command

from fanarchive.insights.models import SuggestionKind, TagSuggestion
from fanarchive.tags.models import NO_WARNINGS_CHOSEN, Tag, TagType
from fanarchive.works.models import Work

pytestmark = pytest.mark.django_db


def test_seed_tags_creates_canonical_tags(capsys):
    call_command("seed_tags")
    assert "Canonical tags ready" in capsys.readouterr().out
    assert Tag.objects.canonical().filter(type=TagType.CHARACTER).count() >= 7


def test_import_samples_skips_cleanly_when_the_folder_is_absent(tmp_path, capsys):
    call_command("import_samples", str(tmp_path / "missing"))
    assert "skipping the sample import" in capsys.readouterr().out
    assert not Work.objects.exists()


def test_import_samples_imports_analyses_and_is_idempotent(samples_dir, capsys):
    call_command("seed_tags")
    call_command("import_samples", str(samples_dir), "--accept-suggestions")
    works = list(Work.objects.all())
    assert len(works) == 2 and all(w.posted and w.words > 500 for w in works)
    assert all(hasattr(w, "analysis") for w in works)
    assert all(w.tags_of(TagType.CHARACTER) for w in works)
    call_command("import_samples", str(samples_dir))
    assert Work.objects.count() == 2
    assert "already imported" in capsys.readouterr().out


def test_accepting_the_samples_suggestions_leaves_their_warnings_to_the_author(samples_dir):
    call_command("seed_tags")
    call_command("import_samples", str(samples_dir), "--accept-suggestions")
    warnings = TagSuggestion.objects.filter(
        kind__in=[SuggestionKind.ARCHIVE_WARNING, SuggestionKind.CONTENT_WARNING]
    )
    assert warnings.exists()  # 004: minors in its romantic scene, from the author's note
    assert all(s.status == TagSuggestion.Status.PENDING for s in warnings)
    for work in Work.objects.all():
        assert [t.name for t in work.tags_of(TagType.WARNING)] == [NO_WARNINGS_CHOSEN]
        assert not work.tags.filter(name__in=warnings.values("name")).exists()
        assert work.tags_of(TagType.RELATIONSHIP)  # relationships are accepted


def test_a_file_that_cannot_be_read_is_reported(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text('"Hi," Gai said.\n', encoding="utf-8")
    call_command("import_samples", str(tmp_path))
    out = capsys.readouterr().out
    assert "empty.txt: skipped" in out and Work.objects.count() == 1


RACE = (
    "Kakashi waited at the training ground long before dawn, counting the crows.\n\n"
    '"Are you coming?" Kakashi asked when Gai finally ran up.\n\n'
    '"Race you there!" Gai said, grinning at Kakashi. Naruto and Sasuke watched them go.\n\n'
    "Kakashi smiled at Gai and ran, and Gai ran after him.\n"
)


def test_an_untitled_sample_is_titled_by_its_opening_words(tmp_path, capsys):
    (tmp_path / "007_0123456789abcdef.txt").write_text(RACE, encoding="utf-8")
    call_command("import_samples", str(tmp_path))
    work = Work.objects.get()
    assert work.title == "Kakashi waited at the training ground…"
    assert "Untitled" not in capsys.readouterr().out
    call_command("import_samples", str(tmp_path))
    assert Work.objects.count() == 1 and "already imported" in capsys.readouterr().out


def test_samples_imported_under_the_old_file_name_title_are_not_imported_again(tmp_path, capsys):
    from fanarchive.works.samples import archivist_pseud
    from fanarchive.works.services import WorkParts, create_work

    (tmp_path / "007_0123456789abcdef.txt").write_text(RACE, encoding="utf-8")
    create_work(archivist_pseud(), "Untitled (007_0123456789abcdef)", WorkParts(chapters=[]))
    call_command("import_samples", str(tmp_path))
    assert Work.objects.count() == 1 and "already imported" in capsys.readouterr().out


def test_a_sample_gets_the_fandom_its_matched_pack_is_sure_of(tmp_path):
    (tmp_path / "race.txt").write_text(RACE, encoding="utf-8")
    call_command("import_samples", str(tmp_path))  # no seed_tags: the fandom tag is new
    work = Work.objects.get()
    assert [t.name for t in work.tags_of(TagType.FANDOM)] == ["Naruto"]
    assert [t.name for t in work.tags_of(TagType.WARNING)] == [NO_WARNINGS_CHOSEN]


def test_a_sample_without_known_characters_gets_no_fandom(tmp_path):
    story = "Mira packed the van at noon.\n\n" + '"Ready?" Mira asked Tomas.\n\n' * 3
    (tmp_path / "van.txt").write_text(story, encoding="utf-8")
    call_command("import_samples", str(tmp_path))
    work = Work.objects.get()
    assert work.title == "Mira packed the van at noon" and not work.tags_of(TagType.FANDOM)
