"""AO3's addresses that span apps: `/chapters/M`, `/works/N/navigate`, `/downloads/N/Title.ext`,
`/users/NAME` (profile), `/users/NAME/works`, `/users/NAME/pseuds/P/works`, and the permanent
redirects from the archive's old addresses (trailing slashes, `/works/N/download/FMT/`).
Views fetch through `works.access`, so a redirect never reveals a work the viewer may not read.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.views import LoginView
from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, register_converter, resolve, reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from fanarchive.accounts.models import Pseud
from fanarchive.browse.ao3params import download_stem
from fanarchive.browse.exclusions import exclude_from
from fanarchive.exports import DOWNLOAD_MENU, FORMATS
from fanarchive.readers.forms import CommentForm
from fanarchive.readers.services import add_comment, is_blocked_by_author, leave_kudos
from fanarchive.readers.views import downloads
from fanarchive.works import access
from fanarchive.works.html import user_html
from fanarchive.works.models import Chapter, Work

WORKS_PER_PAGE = 20


class DownloadFileConverter:
    """`Title.ext` in `/downloads/N/Title.ext`: the view is given the extension only (the
    title is AO3's decoration; the id decides). Reversed from a bare format (`epub`, written
    `download.epub`) or from a whole file name (`Title.epub`)."""

    regex = r"[^/\x00]*\.[A-Za-z0-9]{1,5}"

    def to_python(self, value: str) -> str:
        return value.rsplit(".", 1)[1].lower()

    def to_url(self, value: str) -> str:
        return value if "." in value else f"download.{value}"


register_converter(DownloadFileConverter, "downloadfile")


def download_path(work: Work, fmt: str) -> str:
    """AO3's download address, titled: `/downloads/N/Title.epub`."""
    return reverse("readers:download", args=[work.pk, f"{download_stem(work.title)}.{fmt}"])


def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """`/downloads/N/Title.ext` in the formats the work page offers."""
    if fmt not in {code for _, code in DOWNLOAD_MENU}:
        raise Http404("No such download format.")
    return downloads.download(request, pk, fmt)


def legacy_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """`/works/N/download/FMT/` (the old address): moved for good to `/downloads/N/Title.fmt`."""
    work = access.readable_work(request.user, pk)
    if fmt not in FORMATS:
        raise Http404("No such download format.")
    return redirect(download_path(work, FORMATS[fmt].extension), permanent=True)


def legacy_logout(request: HttpRequest) -> HttpResponse:
    """`/logout/` (the old address): moved for good to `/users/logout`; a POST stays a POST."""
    response = HttpResponsePermanentRedirect(reverse("accounts:logout"))
    if request.method not in ("GET", "HEAD"):
        response.status_code = 308
    return response


def chapter(request: HttpRequest, chapter_pk: int) -> HttpResponse:
    """`/chapters/M`: AO3's short chapter address, sent on to `/works/N/chapters/M`."""
    found = get_object_or_404(Chapter.objects.only("pk", "work_id"), pk=chapter_pk)
    work = access.readable_work(request.user, found.work_id)
    query = request.META.get("QUERY_STRING", "")
    target = reverse("works:chapter", args=[work.pk, chapter_pk])
    return redirect(f"{target}?{query}" if query else target, permanent=True)


def navigate(request: HttpRequest, pk: int) -> HttpResponse:
    """`/works/N/navigate`: AO3's chapter index, with each chapter's date."""
    work = access.readable_work(request.user, pk)
    chapters = work.chapters.filter(posted=True).order_by("position").defer("body")
    context = {"work": work, "chapters": chapters, "main_class": "chapters-index region"}
    return render(request, "works/navigate.html", context)


def profile(request: HttpRequest, username: str) -> HttpResponse:
    """`/users/NAME` and `/users/NAME/profile`: the account, its pseuds and counts."""
    owner = get_object_or_404(get_user_model(), username=username)
    works = _visible_works_by(request.user, Work.objects.by(owner))
    context = {
        "owner": owner,
        "pseuds": Pseud.objects.filter(user=owner),
        "works_count": works.count(),
        "main_class": "users-show dashboard region",
    }
    return render(request, "works/profile.html", context)


def user_works(request: HttpRequest, username: str) -> HttpResponse:
    """`/users/NAME/works`: AO3's works dashboard of an account."""
    owner = get_object_or_404(get_user_model(), username=username)
    works = _visible_works_by(request.user, Work.objects.by(owner))
    return _works_page(request, works, owner.get_username(), owner)


def pseud_works(request: HttpRequest, username: str, pseud: str) -> HttpResponse:
    """`/users/NAME/pseuds/P/works` (and `/users/NAME/pseuds/P`): the works of one pseud."""
    found = get_object_or_404(Pseud, user__username=username, name=pseud)
    works = _visible_works_by(request.user, Work.objects.filter(pseuds=found))
    return _works_page(request, works, found.byline, found.user)


def _visible_works_by(user, authored):
    return Work.objects.visible_to(user).filter(posted=True, pk__in=authored.values("pk"))


def _works_page(request: HttpRequest, works, byline: str, owner) -> HttpResponse:
    works, hidden = exclude_from(works, request.user)  # the reader's exclusions and mutes
    page = Paginator(works.for_blurbs(), WORKS_PER_PAGE).get_page(request.GET.get("page"))
    first = page.start_index()
    # AO3's heading, which tools read the total from: "1 - 20 of 45 Works by name".
    heading = f"{first} - {page.end_index()} of {page.paginator.count} Works by {byline}"
    context = {
        "page": page,
        "works": page.object_list,
        "heading": heading,
        "main_class": "works-index dashboard filtered region",
        "owner": owner,
        "hidden_by_preferences": hidden,
    }
    return render(request, "works/home.html", context)


def without_trailing_slash(request: HttpRequest, path: str) -> HttpResponse:
    """The archive's old addresses ended in `/`; AO3's do not. `/works/1/` moves for good to
    `/works/1` when that is a page (308 keeps a form's POST a POST); anything else is a 404.
    Repeated leading slashes (`//downloads/...`, which ao3-api asks for) are collapsed, so
    the redirect never points at another host."""
    target = "/" + path.lstrip("/").rstrip("/")
    try:
        match = resolve(target)
    except Resolver404:
        raise Http404("No such page.") from None
    if match.url_name == "without_trailing_slash":
        raise Http404("No such page.")
    query = request.META.get("QUERY_STRING", "")
    location = f"{target}?{query}" if query else target
    if request.method in ("GET", "HEAD"):
        return HttpResponsePermanentRedirect(location)
    response = HttpResponsePermanentRedirect(location)
    response.status_code = 308
    return response


class AO3LoginView(LoginView):
    """Django's log-in, also answering AO3's form: `user[login]`, `user[password]` and the
    CSRF token as `authenticity_token` (ao3-api sends them in the query string of its POST,
    as AO3 accepts; they are read from there only for a POST)."""

    template_name = "accounts/login.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.method == "POST":
            sent = self.request.POST
            if "user[login]" not in sent and "user[login]" in self.request.GET:
                sent = self.request.GET
            if "user[login]" in sent:
                kwargs["data"] = {
                    "username": sent.get("user[login]", ""),
                    "password": sent.get("user[password]", ""),
                }
        return kwargs


@csrf_exempt  # only so that AO3's token name is accepted: LoginView checks the token itself
def login(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and "HTTP_X_CSRFTOKEN" not in request.META:
        token = request.POST.get("authenticity_token") or request.GET.get("authenticity_token")
        if token:
            request.META["HTTP_X_CSRFTOKEN"] = token
    return AO3LoginView.as_view()(request)


def _ao3_csrf_failure(request: HttpRequest) -> HttpResponse | None:
    """Django's CSRF check, given AO3's token (the `authenticity_token` field or the
    `X-CSRF-Token` header); AO3's JSON answer when it fails."""
    token = request.POST.get("authenticity_token") or request.META.get("HTTP_X_CSRF_TOKEN")
    if token and "HTTP_X_CSRFTOKEN" not in request.META:
        request.META["HTTP_X_CSRFTOKEN"] = token
    refused = CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})
    if refused is None:
        return None
    return JsonResponse({"errors": {"auth_error": ["Invalid authenticity token."]}}, status=422)


@csrf_exempt  # checked in _ao3_csrf_failure, with AO3's token names
@require_POST
def kudos_js(request: HttpRequest) -> HttpResponse:
    """`POST /kudos.js`, AO3's kudos endpoint: 201 when left, 422 with AO3's errors when
    already left (or by an author), the work cannot be read, or the token is wrong."""
    refused = _ao3_csrf_failure(request)
    if refused is not None:
        return refused
    pk = request.POST.get("kudo[commentable_id]", "")
    work = None
    if request.POST.get("kudo[commentable_type]") == "Work" and pk.isascii() and pk.isdigit():
        work = Work.objects.visible_to(request.user).filter(pk=int(pk)).first()
    if work is None:
        return JsonResponse(
            {"errors": {"no_commentable": ["What did you want to leave kudos on?"]}}, status=422
        )
    if is_blocked_by_author(request.user, work) or not leave_kudos(request, work):
        return JsonResponse(
            {"errors": {"user_id": ["^You have already left kudos here. :)"]}}, status=422
        )
    return JsonResponse({}, status=201)


def _ao3_error(field: str, message: str) -> JsonResponse:
    return JsonResponse({"errors": {field: [message]}}, status=422)


def _commented_on(request: HttpRequest):
    """The readable work (and chapter) an AO3 comment is for, from `work_id` or `chapter_id`;
    None when there is none this reader may see."""
    sent = request.POST
    work_pk, chapter_pk = sent.get("work_id", ""), sent.get("chapter_id", "")
    visible = Work.objects.visible_to(request.user).filter(posted=True)
    if chapter_pk.isascii() and chapter_pk.isdigit():
        chapter = Chapter.objects.filter(pk=int(chapter_pk), posted=True).first()
        work = chapter and visible.filter(pk=chapter.work_id).first()
        return (work, chapter) if work else None
    if work_pk.isascii() and work_pk.isdigit():
        work = visible.filter(pk=int(work_pk)).first()
        return (work, None) if work else None
    return None


@csrf_exempt  # checked in _ao3_csrf_failure, with AO3's token names
@require_POST
def comments_js(request: HttpRequest) -> HttpResponse:
    """`POST /comments.js`, AO3's comment endpoint as ao3-api 2.3.1 uses it, posting through
    the archive's comment service (blocking and the guests' approval apply).

    AO3 saves the comment and then answers an error page, and ao3-api counts exactly that —
    a 404 *with a body* — as success (an empty 404 is an unknown id, a 200 a duplicate), so
    a posted comment answers 404 with the comment's id and state as JSON."""
    refused = _ao3_csrf_failure(request)
    if refused is not None:
        return refused
    target = _commented_on(request)
    if target is None:
        return HttpResponse(status=404)  # empty: ao3-api's "invalid id"
    work, chapter = target
    if is_blocked_by_author(request.user, work):
        return _ao3_error(
            "commentable", "Sorry, you have been blocked by one or more of this work's creators."
        )
    form = CommentForm(
        {
            "body": request.POST.get("comment[comment_content]", ""),
            "name": request.POST.get("comment[name]", ""),
        }
    )
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        return _ao3_error("comment_content" if field == "body" else field, str(errors[0]))
    body, name = form.cleaned_data["body"], form.cleaned_data["name"]
    if request.user.is_authenticated and _already_posted(request.user, work, chapter, body):
        return JsonResponse(
            {"errors": {"comment_content": ["You've already left this comment here. :)"]}}
        )
    parent_pk = request.POST.get("comment_id", "")
    parent = None
    if parent_pk:
        if not (parent_pk.isascii() and parent_pk.isdigit()):
            return HttpResponse(status=404)
        parent = work.comments.published().filter(pk=int(parent_pk)).first()
        if parent is None:
            return HttpResponse(status=404)
    made = add_comment(request, work, body, chapter, parent, name)
    return JsonResponse({"comment": {"id": made.pk, "status": made.status}}, status=404)


def _already_posted(user, work: Work, chapter: Chapter | None, body: str) -> bool:
    return work.comments.filter(user=user, chapter=chapter, body=user_html(body)).exists()


def _own_account(request: HttpRequest, username: str):
    """The signed-in reader's own account; anyone else's readings are a 404 (not revealed)."""
    if not request.user.is_authenticated:
        return None
    if request.user.get_username() != username:
        raise Http404("No such page.")
    return request.user


def readings(request: HttpRequest, username: str) -> HttpResponse:
    """`/users/NAME/readings` (history) and `?show=to-read` (marked for later), the reader's
    own, as AO3's blurb list."""
    from django.contrib.auth.views import redirect_to_login

    from fanarchive.readers.models import Reading

    user = _own_account(request, username)
    if user is None:
        return redirect_to_login(request.get_full_path())
    shown = Reading.objects.filter(user=user)
    if request.GET.get("show") == "to-read":
        shown = shown.filter(later=True)
    works = Work.objects.visible_to(user).filter(posted=True, pk__in=shown.values("work_id"))
    label = "Marked for Later" if request.GET.get("show") == "to-read" else "History"
    page = Paginator(works.for_blurbs(), WORKS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "works": page.object_list,
        "heading": f"{label} of {username}",
        "main_class": "readings-index dashboard region",
    }
    return render(request, "works/home.html", context)


def subscriptions(request: HttpRequest, username: str) -> HttpResponse:
    """`/users/NAME/subscriptions`: the reader's own subscriptions to works, series and
    authors, as AO3 lists them (links, no blurbs)."""
    from django.contrib.auth.views import redirect_to_login

    from fanarchive.readers.models import Subscription

    user = _own_account(request, username)
    if user is None:
        return redirect_to_login(request.get_full_path())
    visible = Work.objects.visible_to(user).filter(posted=True)
    rows = Subscription.objects.filter(user=user).select_related("work", "series", "author")
    rows = [s for s in rows if s.work_id is None or visible.filter(pk=s.work_id).exists()]
    page = Paginator(rows, WORKS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "main_class": "subscriptions-index dashboard region"}
    return render(request, "readers/subscriptions.html", context)
