"""`browse_reconcile` compares the browse rows with the archive and repairs what differs: the
periodic reconciliation behind the signals (issue 19)."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from fanarchive.browse.models import WorkIndex
from fanarchive.browse.sync import reconcile
from fanarchive.works.models import Work
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed(author, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return [posted_work(author, title=f"Work {n}", chapters=n + 1) for n in range(3)]


def test_rows_in_step_with_the_archive_are_left_alone(filed):
    assert reconcile(repair=False) == (3, [])


def test_a_change_that_sent_no_signal_is_found_and_repaired(filed, capsys):
    quiet = filed[1]
    Work.objects.filter(pk=quiet.pk).update(title="Changed Quietly", restricted=True)
    assert reconcile(repair=False) == (3, [quiet.id])
    with pytest.raises(SystemExit):
        call_command("browse_reconcile", "--check")
    assert "1 differ" in capsys.readouterr().out
    call_command("browse_reconcile")
    assert "1 re-filed" in capsys.readouterr().out
    row = WorkIndex.objects.get(work_id=quiet.id)
    assert row.title == "Changed Quietly" and "restricted" in row.filter_keys.split()
    assert reconcile(repair=False) == (3, [])


def test_a_listed_row_of_a_work_that_is_gone_is_hidden(filed):
    now = timezone.now()
    WorkIndex.objects.create(work_id=9999, title="Ghost", posted=now, updated=now, visible=True)
    assert reconcile() == (3, [9999])
    assert not WorkIndex.objects.get(work_id=9999).visible
    assert reconcile(repair=False) == (3, [])
