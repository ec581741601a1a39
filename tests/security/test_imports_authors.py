"""Finding 2 of issue 16: importing an AO3 download bylined `alice` gave the work to whoever
had registered `alice`. Imported works go to the archivist's pseud of the byline, or to an
account the admin mapped with --author-map, or to the author whose claim the archive
confirmed; never to an account because of its name."""

from __future__ import annotations

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from rich.console import Console

from fanarchive import cli
from fanarchive.accounts.system import ARCHIVIST, SystemAccountUnavailable, system_user
from fanarchive.imports.authors import (
    AuthorMapError,
    byline_key,
    read_author_map,
    resolve_author_map,
)
from fanarchive.imports.drafts import Draft, DraftChapter
from fanarchive.imports.efiction import efiction_drafts
from fanarchive.imports.importer import run_import
from fanarchive.imports.models import ImportBatch
from fanarchive.imports.store import forget_cached_rows, import_drafts
from fanarchive.imports.tasks import import_works
from fanarchive.works.models import Work
from tests.conftest import REPO
from tests.imports.test_efiction import DUMP

pytestmark = pytest.mark.django_db
AO3_DOWNLOAD = REPO / "tests" / "data" / "in" / "ao3_download.html"  # bylined "lanternfox"


@pytest.fixture(autouse=True)
def _no_cached_rows():
    forget_cached_rows()
    yield
    forget_cached_rows()


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user("alice", password="a-long-test-password-42")


def draft(index: int, *authors: str) -> Draft:
    body = f'"Story {index} begins," said Mira.\n\nTom nodded. "It does."\n'
    return Draft(
        source=f"story-{index}.txt",
        title=f"Story {index}",
        chapters=[DraftChapter(title="", body=body)],
        authors=list(authors),
    )


def owners(work_id: int) -> list[tuple[str, str]]:
    work = Work.objects.get(pk=work_id)
    return sorted((p.user.username, p.name) for p in work.pseuds.all())


def run(*paths, tmp_path, author_map=None):
    console = Console(file=io.StringIO())
    return run_import(
        paths, log_path=tmp_path / "import.log", show_progress=False, console=console,
        author_map=author_map,
    )  # fmt: skip


def test_one_imported_work_never_lands_in_the_account_of_its_byline(alice):
    [stored] = import_drafts([(draft(1, "alice"), None)])
    assert owners(stored.work_id) == [("archivist", "alice")]
    assert not Work.objects.by(alice).exists()
    pseud = Work.objects.get(pk=stored.work_id).pseuds.get()
    assert pseud.byline == "alice (archivist)"


def test_a_chunk_of_works_never_lands_in_accounts_of_their_bylines(alice):
    results = import_drafts(
        [(draft(1, "alice"), None), (draft(2, "Alice", "bob"), None), (draft(3), None)]
    )
    assert [owners(r.work_id) for r in results] == [
        [("archivist", "alice")],
        [("archivist", "Alice"), ("archivist", "bob")],
        [("orphan_account", "orphan_account")],
    ]
    assert not Work.objects.by(alice).exists()
    assert not get_user_model().objects.filter(username="bob").exists()  # no account made


def test_the_celery_task_with_its_one_by_one_fallback_keeps_to_the_map(alice, monkeypatch):
    import fanarchive.imports.store as store

    real_record = store._record

    def record(batch_id, results):
        if len(results) > 1:  # the chunk's commit fails: each draft again on its own
            raise store.IntegrityError("could not serialize access")
        real_record(batch_id, results)

    monkeypatch.setattr(store, "_record", record)
    mapping = {byline_key("Alice"): alice.pk}
    payloads = [
        ({"draft": draft(n, name).to_dict()}, None) for n, name in ((1, "ALICE"), (2, "mallory"))
    ]
    work_ids = import_works.run(payloads, ImportBatch.objects.create().pk, mapping)
    assert owners(work_ids[0]) == [("alice", "alice")]
    assert owners(work_ids[1]) == [("archivist", "mallory")]


def test_an_ao3_download_goes_to_the_archivist_unless_mapped(tmp_path, django_user_model):
    lantern = django_user_model.objects.create_user("lanternfox", password="x-long-password-42")
    report = run(AO3_DOWNLOAD, tmp_path=tmp_path)
    assert report.imported == 1, report.problems
    assert owners(Work.objects.get().pk) == [("archivist", "lanternfox")]
    assert not Work.objects.by(lantern).exists()


def test_an_ao3_download_mapped_by_the_admin_goes_to_the_mapped_account(tmp_path, alice):
    report = run(AO3_DOWNLOAD, tmp_path=tmp_path, author_map={"LanternFox": "alice"})
    assert report.imported == 1, report.problems
    assert owners(Work.objects.get().pk) == [("alice", "alice")]


def test_efiction_pennames_follow_the_same_rule(tmp_path, django_user_model):
    quill = django_user_model.objects.create_user("quillwright", password="x-long-password-42")
    (tmp_path / "site.sql").write_text(DUMP, encoding="utf-8")
    report = run(tmp_path / "site.sql", tmp_path=tmp_path)
    assert report.imported == 1, report.problems
    assert owners(Work.objects.get().pk) == [("archivist", "quillwright")]
    assert not Work.objects.by(quill).exists()
    assert [d.authors for d in efiction_drafts(DUMP, "site.sql") if isinstance(d, Draft)] == [
        ["quillwright"]
    ]


def test_author_maps_are_read_from_csv_and_json(tmp_path):
    (tmp_path / "map.csv").write_text("byline,username\n Lantern  Fox ,alice\nbob,bobby\n")
    (tmp_path / "map.json").write_text(json.dumps({"Lantern Fox": "alice"}))
    assert read_author_map(tmp_path / "map.csv") == {"lantern fox": "alice", "bob": "bobby"}
    assert read_author_map(tmp_path / "map.json") == {"lantern fox": "alice"}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.csv", "alice\n", "line 1: expected two columns"),
        ("bad.csv", "alice,a\nALICE,b\n", "mapped to both a and b"),
        ("bad.csv", "alice,\n", "a byline and a username are both needed"),
        ("bad.json", "[1, 2]", "expected a JSON object"),
        ("bad.json", "{", "not valid JSON"),
        ("missing.csv", None, "cannot read the author map"),
    ],
)
def test_a_bad_author_map_says_what_is_wrong(tmp_path, name, text, message):
    if text is not None:
        (tmp_path / name).write_text(text)
    with pytest.raises(AuthorMapError, match=message):
        read_author_map(tmp_path / name)


def test_a_map_naming_no_account_or_a_system_account_is_refused_before_importing(tmp_path):
    with pytest.raises(AuthorMapError, match="do not exist"):
        run(AO3_DOWNLOAD, tmp_path=tmp_path, author_map={"lanternfox": "nobody_here"})
    system_user(ARCHIVIST)
    with pytest.raises(AuthorMapError, match="archive's own accounts"):
        resolve_author_map({"lanternfox": "archivist"})
    assert not ImportBatch.objects.exists() and not Work.objects.exists()


def test_the_command_line_takes_an_author_map(tmp_path, alice, capsys):
    (tmp_path / "map.csv").write_text("lanternfox,alice\n")
    code = cli.main(["import", "--no-progress", "--log", str(tmp_path / "log.txt"),
                     "--author-map", str(tmp_path / "map.csv"), str(AO3_DOWNLOAD)])  # fmt: skip
    assert code == cli.EXIT_OK
    assert owners(Work.objects.get().pk) == [("alice", "alice")]
    (tmp_path / "bad.csv").write_text("lanternfox,ghost\n")
    code = cli.main(["import", "--author-map", str(tmp_path / "bad.csv"), str(AO3_DOWNLOAD)])
    assert code == cli.EXIT_BAD_INPUT
    assert "do not exist" in capsys.readouterr().err


def test_imports_refuse_to_start_when_a_person_holds_the_archivist_name(
    tmp_path, django_user_model
):
    django_user_model.objects.create_user("archivist", password="x-long-password-42")
    with pytest.raises(SystemAccountUnavailable, match="belongs to a person"):
        run(AO3_DOWNLOAD, tmp_path=tmp_path)
    assert not Work.objects.exists()


def test_a_confirmed_claim_moves_the_imported_works_to_their_author(alice):
    results = import_drafts([(draft(1, "alice"), None), (draft(2, "alice", "bob"), None)])
    with pytest.raises(CommandError, match="no imported works"):
        call_command("claim_imported_works", "carol", "alice")
    call_command("claim_imported_works", "alice", "alice")
    assert owners(results[0].work_id) == [("alice", "alice")]
    assert owners(results[1].work_id) == [("alice", "alice"), ("archivist", "bob")]
    assert Work.objects.by(alice).count() == 2


def test_placeholder_accounts_of_older_imports_are_released_on_request(client, author):
    from fanarchive.imports.models import ImportedWork
    from tests.works.helpers import posted_work

    placeholder = get_user_model().objects.create_user("alice")  # as the old importer made it
    work = posted_work(placeholder)
    ImportedWork.objects.create(content_hash="h1", work=work, source="old.html", analysed=True)
    posted_work(author)  # a person's own work: never touched
    out = io.StringIO()
    call_command("release_import_placeholders", stdout=out)
    assert "alice: would be released" in out.getvalue()
    assert "author" not in out.getvalue()
    assert owners(work.pk) == [("alice", "alice")]
    call_command("release_import_placeholders", "--apply", stdout=io.StringIO())
    assert owners(work.pk) == [("archivist", "alice")]
    assert not get_user_model().objects.filter(username="alice").exists()
    assert Work.objects.by(author).count() == 1
    password = "correct-horse-battery-42"
    signed = client.post(
        "/signup",
        {"username": "alice", "email": "", "password1": password, "password2": password},
    )
    assert signed.status_code == 302  # the real alice can have her name, then claim the work
