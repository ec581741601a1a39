"""Which skin a request is shown in, and choosing one.

A preview (this session only) comes first, then a signed-in user's chosen skin, then a
guest's chosen skin (kept in the session). Every lookup goes through `Skin.objects.usable_by`,
so a skin whose approval is withdrawn, or that its author deleted, stops applying at once.
The Default skin is the archive's own look: choosing it removes any choice.
"""

from __future__ import annotations

from fanarchive.skins.models import DEFAULT_SKIN_TITLE, Skin, SkinPreference

PREVIEW_KEY = "skin_preview"
CHOICE_KEY = "skin_choice"


def current_skin(request) -> Skin | None:
    """The skin this request is shown in, or None for the archive's own look."""
    cached = getattr(request, "_site_skin", False)
    if cached is not False:
        return cached
    skin = _chosen(request)
    request._site_skin = None if skin is None or skin.is_default else skin
    return request._site_skin


def _chosen(request) -> Skin | None:
    user = request.user
    usable = Skin.objects.usable_by(user)
    session = getattr(request, "session", None)
    if session is not None and session.get(PREVIEW_KEY):
        preview = usable.filter(pk=session[PREVIEW_KEY]).first()
        if preview is not None:
            return preview
    if user.is_authenticated:
        choice = SkinPreference.objects.filter(user=user).values_list("skin_id", flat=True)
        return usable.filter(pk__in=choice).first()
    if session is not None and session.get(CHOICE_KEY):
        return usable.filter(pk=session[CHOICE_KEY]).first()
    return None


def previewed_skin(request) -> Skin | None:
    pk = request.session.get(PREVIEW_KEY)
    return Skin.objects.usable_by(request.user).filter(pk=pk).first() if pk else None


def use_skin(request, skin: Skin) -> None:
    """Make `skin` the user's skin (the guest's, for this session); ends any preview."""
    request.session.pop(PREVIEW_KEY, None)
    if request.user.is_authenticated:
        if skin.is_default:
            SkinPreference.objects.filter(user=request.user).delete()
        else:
            SkinPreference.objects.update_or_create(user=request.user, defaults={"skin": skin})
    elif skin.is_default:
        request.session.pop(CHOICE_KEY, None)
    else:
        request.session[CHOICE_KEY] = skin.pk


def preview_skin(request, skin: Skin) -> None:
    request.session[PREVIEW_KEY] = skin.pk


def stop_preview(request) -> None:
    request.session.pop(PREVIEW_KEY, None)


def default_skin() -> Skin:
    """The official Default skin, the archive's own look; made again if a restore from a
    backup older than skins left the table without it."""
    skin, _ = Skin.objects.get_or_create(
        title=DEFAULT_SKIN_TITLE,
        official=True,
        defaults={"description": DEFAULT_DESCRIPTION, "public": True, "approved": True},
    )
    return skin


DEFAULT_DESCRIPTION = (
    "The archive's own look: fanarchive/archive.css and readers/readers.css. Other skins are "
    "added after it, unless they replace it."
)
