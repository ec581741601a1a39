"""A co-creator invitation in the inbox (issue 18, items 1 and 3): it shows while the work is
a draft (which the invitee cannot open) and leads to Co-Creator Requests, where AO3 answers
it, not to the work (a 404 for the invitee until it is posted)."""

import pytest
from django.urls import reverse

from fanarchive.works.models import CreatorInvitation, Work
from tests.works.helpers import work_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited_draft(author_client, other_user):
    response = author_client.post(reverse("works:new"), work_form_data(co_creators="outsider"))
    assert response.status_code == 302
    work = Work.objects.latest("pk")
    assert not work.posted and CreatorInvitation.objects.filter(work=work).exists()
    return work


def test_the_invitation_shows_in_the_inbox_and_leads_to_co_creator_requests(
    client, other_user, invited_draft
):
    client.force_login(other_user)
    inbox = client.get(reverse("readers:inbox")).content.decode()
    requests = reverse("works:creatorships", args=["outsider"])
    assert "invited you to be a co-creator" in inbox
    assert f'href="{requests}"' in inbox
    assert client.get(requests).status_code == 200
    assert client.get(reverse("works:detail", args=[invited_draft.pk])).status_code == 404


def test_once_answered_the_notice_of_the_posted_work_leads_to_the_work(
    client, other_user, invited_draft
):
    invitation = CreatorInvitation.objects.get()
    client.force_login(other_user)
    client.post(reverse("works:creatorship_answer", args=[invitation.pk]), {"answer": "accept"})
    invited_draft.publish()
    inbox = client.get(reverse("readers:inbox")).content.decode()
    assert f'href="{reverse("works:detail", args=[invited_draft.pk])}"' in inbox


def test_another_users_draft_notice_stays_out_of_the_inbox(client, author, other_user):
    from fanarchive.readers.models import InboxItem
    from tests.works.helpers import posted_work

    work = posted_work(author, title="Hidden Later")
    InboxItem.objects.create(user=other_user, work=work, message="New chapter")
    Work.objects.filter(pk=work.pk).update(posted=False)
    client.force_login(other_user)
    assert "New chapter" not in client.get(reverse("readers:inbox")).content.decode()
