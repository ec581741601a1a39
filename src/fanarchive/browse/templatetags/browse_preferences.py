"""A reader's display preferences on browse blurbs (the archive's accounts app decides them;
a browse running on its own, without accounts, hides nothing)."""

from __future__ import annotations

from django import template
from django.apps import apps

register = template.Library()


@register.simple_tag(takes_context=True)
def blurb_hidden_groups(context, blurb) -> set[str]:
    """Tag groups folded behind "Show warnings" / "Show additional tags" on this blurb."""
    if not apps.is_installed("fanarchive.accounts"):
        return set()
    from fanarchive.accounts.templatetags.reader_preferences import hidden_tag_groups

    return hidden_tag_groups(context, blurb["work"], blurb["authors"])


@register.filter
def of_type(pairs, tag_type: str) -> list:
    """The tags of one type from a blurb's (type, tag) pairs."""
    return [tag for kind, tag in pairs if kind == tag_type]
