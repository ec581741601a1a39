"""Tag services: seeding the archive's canonical tags, parsing typed tag lists, and the
wrangling knowledge the analysis reads back (synonyms of character tags are aliases)."""

from __future__ import annotations

import re

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from fanarchive.analysis.packs import Knowledge, default_knowledge
from fanarchive.tags.models import FIXED_TAGS, MAX_TAG_LENGTH, Tag, TagType

WRANGLERS_GROUP = "Tag Wranglers"
TAG_SEPARATOR_RE = re.compile(r"[,\n]")
FORBIDDEN_TAG_CHARS_RE = re.compile(r"[*<>^{}=`\\%]")


def ensure_archive_basics(**kwargs) -> None:
    """After migrate: the fixed required tags exist and the wrangler role has its permission."""
    for tag_type in FIXED_TAGS:
        Tag.objects.fixed(tag_type)
    group, _ = Group.objects.get_or_create(name=WRANGLERS_GROUP)
    permission = Permission.objects.filter(codename="wrangle_tag", content_type__app_label="tags")
    group.permissions.add(*permission)


@transaction.atomic
def seed_from_packs(knowledge: Knowledge | None = None) -> int:
    """Canonical fandom and character tags from the analysis packs, aliases as synonyms.

    An alias whose name is already another tag (the alias "Naruto" is also the fandom
    "Naruto") is skipped: tag names are unique across types, as on AO3. Existing tags are
    left as wranglers made them. Returns the number of tags created.
    """
    ensure_archive_basics()
    characters = (knowledge or default_knowledge()).characters
    tags = {t.name.lower(): t for t in Tag.objects.all()}
    created = _create_missing(tags, [(c.fandom, TagType.FANDOM, True) for c in characters])
    created += _create_missing(tags, [(c.name, TagType.CHARACTER, True) for c in characters])
    new_synonyms = []
    for character in characters:
        canonical = tags[character.name.lower()]
        for alias in character.aliases:
            if alias.lower() not in tags and canonical.type == TagType.CHARACTER:
                tag = Tag(name=alias, type=TagType.CHARACTER, canonical=False, merger=canonical)
                tags[alias.lower()] = tag
                new_synonyms.append(tag)
    Tag.objects.bulk_create(new_synonyms)
    Parent = Tag.parents.through
    have = set(Parent.objects.values_list("from_tag_id", "to_tag_id"))
    links = {
        (tags[c.name.lower()].pk, tags[c.fandom.lower()].pk)
        for c in characters
        if tags[c.name.lower()].type == TagType.CHARACTER
        and tags[c.fandom.lower()].type == TagType.FANDOM
    }
    Parent.objects.bulk_create([Parent(from_tag_id=a, to_tag_id=b) for a, b in links - have])
    return created + len(new_synonyms)


def _create_missing(tags: dict[str, Tag], wanted: list[tuple[str, str, bool]]) -> int:
    new = {}
    for name, tag_type, canonical in wanted:
        if name.lower() not in tags and name.lower() not in new:
            new[name.lower()] = Tag(name=name, type=tag_type, canonical=canonical)
    Tag.objects.bulk_create(new.values())
    tags.update(new)
    return len(new)


def _get_or_create(name: str, tag_type: str, **defaults) -> Tag:
    existing = Tag.objects.named(name)
    if existing is not None:
        return existing
    return Tag.objects.create(name=name, type=tag_type, **defaults)


def character_aliases() -> dict[str, list[str]]:
    """{canonical character tag: [its synonyms]} for `Knowledge.with_aliases`."""
    aliases: dict[str, list[str]] = {}
    synonyms = Tag.objects.filter(
        type=TagType.CHARACTER, merger__isnull=False, merger__canonical=True
    ).values_list("merger__name", "name")
    for canonical, synonym in synonyms:
        aliases.setdefault(canonical, []).append(synonym)
    return aliases


def archive_knowledge() -> Knowledge:
    """The analysis packs plus every synonym wranglers have added to character tags."""
    return knowledge_with(character_aliases())


_knowledge_cache: dict[str, Knowledge] = {}


def knowledge_with(aliases: dict[str, list[str]]) -> Knowledge:
    """`default_knowledge().with_aliases(aliases)`, built once per distinct set of aliases
    (its lookup tables cost more than a short work's analysis; the aliases rarely change)."""
    key = repr(sorted((name, sorted(names)) for name, names in aliases.items()))
    if key not in _knowledge_cache:
        _knowledge_cache.clear()  # one entry: the wrangled aliases of the archive now
        _knowledge_cache[key] = default_knowledge().with_aliases(aliases)
    return _knowledge_cache[key]


def split_tag_list(text: str) -> list[str]:
    """Comma- or line-separated tag names, trimmed, de-duplicated ignoring case, in order."""
    names, seen = [], set()
    for raw in TAG_SEPARATOR_RE.split(text or ""):
        name = " ".join(raw.split())
        if name and name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


def tag_name_problems(
    names: list[str], tag_type: str, existing: dict[str, Tag] | None = None
) -> list[str]:
    """Messages for names that cannot become tags of this type (none means all fine).

    `existing` ({name.lower(): tag}, as from `Tag.objects.by_lower_name`) saves the lookup
    when the caller already has it; otherwise all names are looked up in one query.
    """
    problems = []
    label = TagType(tag_type).label
    if existing is None:
        existing = Tag.objects.by_lower_name([n for n in names if _well_formed(n)])
    for name in names:
        if len(name) > MAX_TAG_LENGTH:
            problems.append(
                f"Tags are at most {MAX_TAG_LENGTH} characters: {name[:40]}… is {len(name)}."
            )
        elif FORBIDDEN_TAG_CHARS_RE.search(name):
            problems.append(
                f"The tag {name!r} contains a character tags cannot use (* < > ^ {{ }} = ` \\ %)."
            )
        else:
            tag = existing.get(" ".join(name.split()).lower())
            if tag is not None and tag.type != tag_type:
                problems.append(
                    f"{tag.name!r} is already a {tag.get_type_display()} tag; "
                    f"it cannot also be a {label} tag."
                )
    return problems


def _well_formed(name: str) -> bool:
    return len(name) <= MAX_TAG_LENGTH and not FORBIDDEN_TAG_CHARS_RE.search(name)


def tags_for_names(names: list[str], tag_type: str) -> list[Tag]:
    """Existing tags by name, new unwrangled tags for the rest (validate first)."""
    existing = Tag.objects.by_lower_name(names)
    tags = []
    for name in names:
        key = " ".join(name.split()).lower()
        if key not in existing:
            existing[key] = _get_or_create(name, tag_type, canonical=False)
        tags.append(existing[key])
    return tags


# --- what a viewer may see of tags ----------------------------------------------------------
def can_wrangle(user) -> bool:
    return user.is_authenticated and user.has_perm("tags.wrangle_tag")


def visible_tags(user, tags: QuerySet | None = None) -> QuerySet:
    """The tags this user may see: canonical tags (the archive's vocabulary, shown to all,
    as AO3 shows them) and tags on at least one work the user may read. A tag typed only
    on drafts, hidden works or (for visitors) restricted works stays unseen; wranglers, whose
    work is to file every tag, see them all."""
    tags = Tag.objects.all() if tags is None else tags
    if can_wrangle(user):
        return tags
    from fanarchive.works.models import Tagging, Work

    readable = Work.objects.visible_to(user).values("pk")
    used = Tagging.objects.filter(tag=OuterRef("pk"), work__in=readable)
    return tags.filter(Q(canonical=True) | Exists(used))


def with_visible_uses(user, tags: QuerySet) -> QuerySet:
    """`uses`: how many posted works the user may read carry the tag."""
    from fanarchive.works.models import Work

    readable = Work.objects.visible_to(user).filter(posted=True).values("pk")
    return tags.annotate(uses=Count("taggings", filter=Q(taggings__work__in=readable)))


# --- the works filed under a tag (its page, as Browse counts them) --------------------------
def filed_under(tag: Tag) -> set[int]:
    """Ids of the tags whose works Browse files under `tag`'s canonical tag: the tags whose
    canonical tag is it or reaches it through meta tags (sub tags, sub tags of sub tags), and
    their synonyms. The same rule as `browse.sync._expansions`, walked downwards from one tag."""
    through = Tag.meta_tags.through
    reaching, frontier = {tag.canonical_tag.pk}, {tag.canonical_tag.pk}
    while frontier:  # the seen set stops meta-tag cycles
        subs = through.objects.filter(to_tag_id__in=frontier).values_list("from_tag_id", flat=True)
        frontier = set(subs) - reaching
        reaching |= frontier
    # A tag is filed by its canonical tag's meta tags (a synonym's own are not walked).
    filed = Tag.objects.filter(Q(pk__in=reaching, merger__isnull=True) | Q(merger_id__in=reaching))
    return set(filed.values_list("pk", flat=True))


def filed_works(user, tag: Tag) -> QuerySet:
    """The works a tag's page lists and counts: what Browse lists under the tag for this
    viewer (posted, not hidden by an admin; restricted works for signed-in users only, less
    their saved exclude filter), so the tag page and /tags/NAME/works give the same number."""
    from fanarchive.browse.exclusions import exclude_from
    from fanarchive.works.models import Tagging, Work

    tagged = Tagging.objects.filter(tag_id__in=filed_under(tag)).values("work_id")
    works = Work.objects.filter(posted=True, hidden_by_admin=False, pk__in=tagged)
    if not user.is_authenticated:
        return works.filter(restricted=False)
    return exclude_from(works, user)[0]
