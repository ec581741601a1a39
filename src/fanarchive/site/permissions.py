"""The archive's permission matrix: who may do what, in one table.

Every row is one view or action, reached by `method` on the URL `url_name` pointing at a
`target` object, with the roles that may do it. Everyone else is refused: a 403, a 404 that
does not reveal the object, or a redirect to a login page. Roles, relative to the target:

- anonymous: not logged in;
- reader: logged in, not an author of the work (the reader owns the target bookmark, inbox
  item and comment, so "another user's bookmark" is the author's, wrangler's, admin's view);
- author: the work's author;
- wrangler: in the Tag Wranglers group;
- admin: a superuser (staff).

`tests/site/test_permissions.py` checks every cell over HTTP and that a refused request
changes nothing. Targets: work (posted), draft, restricted, hidden (by an admin), chapter
(of work), comment (the reader's, on work), pending (a guest's comment on work, awaiting
moderation), bookmark and inbox (the reader's), tag (unwrangled), author (the author's
username), series (the author's), collection (a moderated collection the author owns, holding
work; the reader is invited to it), item (the reader's own work in that collection, awaiting
the collection's approval), participant (the reader's invitation), fandom (a canonical fandom,
uncategorised), media (Uncategorized Fandoms), none. A data value "@name"
stands for that target's id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("anonymous", "reader", "author", "wrangler", "admin")
EVERYONE = frozenset(ROLES)
LOGGED_IN = EVERYONE - {"anonymous"}
AUTHOR = frozenset({"author"})
NOT_AUTHOR = LOGGED_IN - AUTHOR
READER = frozenset({"reader"})
WRANGLING = frozenset({"wrangler", "admin"})
ADMIN = frozenset({"admin"})
NOBODY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rule:
    name: str
    url_name: str
    target: str
    allowed: frozenset[str]
    method: str = "GET"
    data: dict = field(default_factory=dict, hash=False, compare=False)


MATRIX: list[Rule] = [
    # --- listings and pages anyone may read ------------------------------------------------
    Rule("home", "works:home", "none", EVERYONE),
    Rule("browse", "browse:works", "none", EVERYONE),
    Rule("user works", "works:user_works", "author", EVERYONE),
    Rule("tag page", "tags:detail", "tag", EVERYONE),
    Rule("sign up page", "accounts:signup", "none", EVERYONE),
    Rule("log in page", "accounts:login", "none", EVERYONE),
    Rule("public bookmarks", "readers:user_bookmarks", "author", EVERYONE),
    # --- reading ---------------------------------------------------------------------------
    Rule("read work", "works:detail", "work", EVERYONE),
    Rule("read chapter", "works:chapter", "chapter", EVERYONE),
    Rule("read draft", "works:detail", "draft", AUTHOR),
    Rule("read restricted", "works:detail", "restricted", LOGGED_IN),
    Rule("read hidden", "works:detail", "hidden", AUTHOR),
    Rule("analysis", "insights:analysis", "work", EVERYONE),
    Rule("analysis of draft", "insights:analysis", "draft", AUTHOR),
    Rule("download epub", "readers:download", "work", EVERYONE, data={"fmt": "epub"}),
    Rule("download draft", "readers:download", "draft", AUTHOR, data={"fmt": "txt"}),
    Rule("download restricted", "readers:download", "restricted", LOGGED_IN, data={"fmt": "html"}),
    Rule("download hidden", "readers:download", "hidden", AUTHOR, data={"fmt": "txt"}),
    # --- an author's own works ---------------------------------------------------------------
    Rule("dashboard", "works:dashboard", "none", LOGGED_IN),
    Rule("pseuds", "accounts:pseuds", "none", LOGGED_IN),
    Rule("post new work page", "works:new", "none", LOGGED_IN),
    Rule("edit page", "works:edit", "work", AUTHOR),
    Rule("edit", "works:edit", "work", AUTHOR, "POST", {"title": "Changed"}),
    Rule("edit draft", "works:edit", "draft", AUTHOR, "POST", {"title": "Changed"}),
    Rule("delete page", "works:delete", "work", AUTHOR),
    Rule("delete", "works:delete", "work", AUTHOR, "POST"),
    Rule("mark complete", "works:set_complete", "work", AUTHOR, "POST", {"complete": "1"}),
    Rule("add chapter page", "works:chapter_new", "work", AUTHOR),
    Rule("add chapter", "works:chapter_new", "work", AUTHOR, "POST", {"body": "More."}),
    Rule("edit chapter", "works:chapter_edit", "chapter", AUTHOR, "POST", {"body": "New."}),
    Rule("delete chapter", "works:chapter_delete", "chapter", AUTHOR, "POST"),
    Rule("suggested tags", "insights:suggestions", "work", AUTHOR),
    Rule("publish draft", "insights:suggestions", "draft", AUTHOR, "POST", {"publish": "1"}),
    Rule("orphan page", "readers:orphan", "work", AUTHOR),
    Rule("orphan", "readers:orphan", "work", AUTHOR, "POST"),
    Rule("moderation queue", "readers:moderation", "none", LOGGED_IN),
    Rule("approve comment", "readers:comment_approve", "pending", AUTHOR, "POST"),
    # --- feedback ----------------------------------------------------------------------------
    Rule("kudos", "readers:kudos", "work", EVERYONE - AUTHOR, "POST"),
    Rule("kudos on draft", "readers:kudos", "draft", NOBODY, "POST"),
    Rule("kudos on restricted", "readers:kudos", "restricted", NOT_AUTHOR, "POST"),
    Rule("comment", "readers:comment", "work", EVERYONE, "POST", {"body": "Lovely."}),
    Rule("comment on draft", "readers:comment", "draft", AUTHOR, "POST", {"body": "Note."}),
    Rule(
        "comment on restricted", "readers:comment", "restricted", LOGGED_IN, "POST", {"body": "x"}
    ),
    Rule(
        "delete comment",
        "readers:comment_delete",
        "comment",
        frozenset({"reader", "author", "admin"}),
        "POST",
    ),
    Rule("delete pending comment", "readers:comment_delete", "pending", AUTHOR | ADMIN, "POST"),
    # --- a reader's own things -----------------------------------------------------------------
    Rule("bookmark page", "readers:bookmark", "work", LOGGED_IN),
    Rule("bookmark", "readers:bookmark", "work", LOGGED_IN, "POST", {"notes": "Good."}),
    Rule("bookmark draft", "readers:bookmark", "draft", AUTHOR, "POST", {"notes": "x"}),
    Rule("my bookmarks", "readers:bookmarks", "none", LOGGED_IN),
    Rule("delete bookmark", "readers:bookmark_delete", "bookmark", READER, "POST"),
    Rule("subscribe to work", "readers:subscribe_work", "work", LOGGED_IN, "POST"),
    Rule("subscribe to draft", "readers:subscribe_work", "draft", AUTHOR, "POST"),
    Rule("subscribe to author", "readers:subscribe_author", "author", NOT_AUTHOR, "POST"),
    Rule("mark for later", "readers:later", "work", LOGGED_IN, "POST"),
    Rule("inbox", "readers:inbox", "none", LOGGED_IN),
    Rule("mark inbox item read", "readers:inbox_read", "inbox", READER, "POST"),
    Rule("history", "readers:history", "none", LOGGED_IN),
    Rule("delete account page", "readers:delete_account", "none", LOGGED_IN),
    Rule("blocked and muted page", "readers:blocked", "none", LOGGED_IN),
    Rule("email preferences page", "readers:email_preferences", "author", AUTHOR),
    Rule(
        "email preferences",
        "readers:email_preferences",
        "author",
        AUTHOR,
        "POST",
        {"kudos_emails_off": "on"},
    ),
    Rule("preferences page", "accounts:preferences", "author", AUTHOR),
    Rule(
        "preferences",
        "accounts:preferences",
        "author",
        AUTHOR,
        "POST",
        {"hide_warnings": "on", "excluded_tag_names": "", "excluded_author_names": ""},
    ),
    Rule("block the author", "readers:block", "author", NOT_AUTHOR, "POST"),
    Rule("mute the author", "readers:mute", "author", NOT_AUTHOR, "POST"),
    # --- series (owned by the author, holding the posted work) ---------------------------------
    Rule("series page", "readers:series", "series", EVERYONE),
    Rule("new series page", "readers:series_new", "none", LOGGED_IN),
    Rule("add work to series", "readers:series_add", "work", AUTHOR, "POST", {"series": "@series"}),
    Rule("subscribe to series", "readers:series_subscribe", "series", NOT_AUTHOR, "POST"),
    Rule("manage series page", "readers:series_manage", "series", AUTHOR),
    Rule("manage series", "readers:series_manage", "series", AUTHOR, "POST", {"position_0": "1"}),
    # --- collections (the author owns a moderated one; the reader is invited, and has a work
    # in it awaiting approval) -----------------------------------------------------------------
    Rule("collections", "collections:list", "none", EVERYONE),
    Rule("collection page", "collections:detail", "collection", EVERYONE),
    Rule("my collections", "collections:mine", "none", LOGGED_IN),
    Rule("new collection page", "collections:new", "none", LOGGED_IN),
    Rule(
        "create collection",
        "collections:new",
        "none",
        LOGGED_IN,
        "POST",
        {"name": "new_fest", "title": "New Fest"},
    ),
    Rule("collection settings page", "collections:edit", "collection", AUTHOR),
    Rule(
        "change collection settings",
        "collections:edit",
        "collection",
        AUTHOR,
        "POST",
        {"title": "Changed", "closed": "on"},
    ),
    Rule("delete collection page", "collections:delete", "collection", AUTHOR),
    Rule("delete collection", "collections:delete", "collection", AUTHOR, "POST"),
    Rule("moderate collection", "collections:manage", "collection", AUTHOR),
    Rule(
        "moderator adds a work",
        "collections:item_add",
        "collection",
        AUTHOR,
        "POST",
        {"work": "@restricted"},
    ),
    Rule(
        "invite to collection",
        "collections:invite",
        "collection",
        AUTHOR,
        "POST",
        {"username": "wrangler"},
    ),
    Rule("join collection", "collections:join", "collection", READER | AUTHOR, "POST"),
    Rule("leave collection", "collections:leave", "collection", READER, "POST"),
    Rule(
        "approve work for collection",
        "collections:item_review",
        "item",
        AUTHOR,
        "POST",
        {"decision": "approve"},
    ),
    Rule(
        "agree to be in collection",
        "collections:item_consent",
        "item",
        READER,
        "POST",
        {"decision": "reject"},
    ),
    Rule("remove work from collection", "collections:item_remove", "item", AUTHOR | READER, "POST"),
    Rule(
        "set participant role",
        "collections:participant_role",
        "participant",
        AUTHOR,
        "POST",
        {"role": "member"},
    ),
    Rule(
        "remove participant",
        "collections:participant_remove",
        "participant",
        AUTHOR | READER,
        "POST",
    ),
    Rule("work's collections page", "collections:work_collections", "work", AUTHOR),
    Rule(
        "add work to collection",
        "collections:work_collections",
        "restricted",
        AUTHOR,
        "POST",
        {"collection": "circle"},
    ),
    # --- finding things (a GET's data is its query string; results follow the viewer's
    # visibility, tests/search) ---------------------------------------------------------------
    Rule("fandoms by media", "search:media", "none", EVERYONE),
    Rule("a media's fandoms", "search:media_fandoms", "media", EVERYONE),
    Rule("media address", "search:media_redirect", "media", EVERYONE),
    Rule("tag search", "search:tags", "none", EVERYONE, data={"tag_search[name]": "Thing"}),
    Rule("people search", "search:people", "none", EVERYONE, data={"people_search[name]": "au"}),
    Rule(
        "bookmark search",
        "search:bookmarks",
        "none",
        EVERYONE,
        data={"bookmark_search[query]": "Public"},
    ),
    Rule(
        "file fandom under media",
        "search:fandom_media",
        "fandom",
        WRANGLING,
        "POST",
        {"media": "TV Shows"},
    ),
    # --- staff ---------------------------------------------------------------------------------
    Rule("hide work", "readers:hide", "work", ADMIN, "POST", {"hidden": "1"}),
    Rule("wrangling queue", "tags:wrangling", "none", WRANGLING),
    Rule("wrangle tag", "tags:wrangle", "tag", WRANGLING, "POST", {"action": "canonical"}),
    Rule("django admin", "admin:index", "none", ADMIN),
]


def allowed(rule_name: str, role: str) -> bool:
    return any(r.name == rule_name and role in r.allowed for r in MATRIX)
