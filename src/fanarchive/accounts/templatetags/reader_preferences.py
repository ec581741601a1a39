"""What a reader's preferences change on a page: tag groups folded behind AO3's "Show
warnings" / "Show additional tags" on works and blurbs (accounts/_hidden_tags.html, a
`<details>`: it works without scripts, and tools reading the page still find the tags)."""

from __future__ import annotations

from django import template

from fanarchive.accounts.preferences import hidden_tag_groups as groups_hidden_by
from fanarchive.accounts.preferences import preference_of_request

register = template.Library()


@register.simple_tag(takes_context=True)
def hidden_tag_groups(context, work, authors=None) -> set[str]:
    """The groups to fold for this reader on `work` (a Work, or a browse row with `authors`:
    the blurb's author links), none on the reader's own works."""
    request = context.get("request")
    preference = preference_of_request(request) if request is not None else None
    if preference is None:
        return set()
    user = request.user
    if authors is not None:
        authored = any(author["username"] == user.get_username() for author in authors)
    else:
        authored = work.is_authored_by(user)
    return groups_hidden_by(preference, authored)


@register.simple_tag
def blocked_by_author(work, user) -> bool:
    """True when an author of `work` blocked `user`: the page then offers no kudos or
    comment form they could not use (readers.services decides, as the views do)."""
    from fanarchive.readers.services import is_blocked_by_author

    return is_blocked_by_author(user, work)


@register.simple_tag(takes_context=True)
def subscribed_to_author(context, owner) -> bool:
    """True when the reader subscribed to `owner`'s works (the Subscribe button's state)."""
    from fanarchive.readers.models import Subscription

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return Subscription.objects.filter(user=user, author=owner).exists()
