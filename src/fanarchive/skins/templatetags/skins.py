"""`{% site_skin as skin %}` in base.html: the skin this page is shown in (or None)."""

from django import template

from fanarchive.skins.services import current_skin

register = template.Library()


@register.simple_tag(takes_context=True)
def site_skin(context):
    request = context.get("request")
    if request is None or not hasattr(request, "user"):
        return None
    return current_skin(request)
