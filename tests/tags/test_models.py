import pytest
from django.core.exceptions import ValidationError

from fanarchive.tags.models import RATINGS, Tag, TagType
from fanarchive.tags.services import (
    archive_knowledge,
    character_aliases,
    seed_from_packs,
    split_tag_list,
    tag_name_problems,
)

pytestmark = pytest.mark.django_db


def character(name, canonical=True):
    return Tag.objects.create(name=name, type=TagType.CHARACTER, canonical=canonical)


def test_fixed_tags_exist_in_ao3_order():
    assert [t.name for t in Tag.objects.fixed(TagType.RATING)] == RATINGS
    assert all(t.canonical for t in Tag.objects.fixed(TagType.RATING))


def test_tag_names_are_unique_ignoring_case():
    character("Gaara")
    with pytest.raises(Exception):  # noqa: B017 (IntegrityError, backend-specific wrapper)
        character("gaara")


def test_new_free_tags_are_unwrangled_until_a_wrangler_acts():
    tag = character("Blondie", canonical=False)
    fandom = Tag.objects.create(name="Naruto", type=TagType.FANDOM, canonical=True)
    assert list(Tag.objects.unwrangled()) == [tag]
    tag.add_parent(fandom)
    assert not Tag.objects.unwrangled().exists()


def test_make_synonym_moves_the_tags_own_synonyms_to_the_target():
    target = character("Uzumaki Naruto")
    middle = character("Naruto U.")
    leaf = character("Naru", canonical=False)
    leaf.make_synonym_of(middle)
    middle.make_synonym_of(target)
    middle.refresh_from_db()
    leaf.refresh_from_db()
    assert (middle.canonical, middle.merger, leaf.merger) == (False, target, target)
    assert leaf.canonical_tag == target


@pytest.mark.parametrize(
    "make_target",
    [
        lambda: character("Hatake Kakashi", canonical=False),  # not canonical
        lambda: Tag.objects.create(
            name="Naruto", type=TagType.FANDOM, canonical=True
        ),  # other type
    ],
)
def test_synonyms_need_a_canonical_tag_of_the_same_type(make_target):
    tag = character("Kakashi-sensei", canonical=False)
    with pytest.raises(ValidationError):
        tag.make_synonym_of(make_target())


def test_meta_tags_must_be_canonical_and_acyclic():
    broad, narrow = character("Team 7"), character("Uzumaki Naruto")
    narrow.add_meta_tag(broad)
    assert list(broad.sub_tags.all()) == [narrow]
    with pytest.raises(ValidationError):
        broad.add_meta_tag(narrow)


def test_seeding_from_packs_makes_canonical_characters_with_fandom_and_synonyms():
    seed_from_packs()
    naruto = Tag.objects.named("Uzumaki Naruto")
    assert naruto.canonical and naruto.type == TagType.CHARACTER
    assert [f.name for f in naruto.fandoms()] == ["Naruto"]
    assert Tag.objects.named("Naruto Uzumaki").merger == naruto
    # the alias "Naruto" is the fandom's name, so it stays the fandom
    assert Tag.objects.named("Naruto").type == TagType.FANDOM
    assert seed_from_packs() == 0  # idempotent


def test_wrangled_synonyms_become_analysis_aliases():
    seed_from_packs()
    character("Blondie", canonical=False).make_synonym_of(Tag.objects.named("Uzumaki Naruto"))
    assert "Blondie" in character_aliases()["Uzumaki Naruto"]
    known = {c.name: c for c in archive_knowledge().characters}
    assert "Blondie" in known["Uzumaki Naruto"].aliases


def test_split_tag_list_trims_and_deduplicates():
    assert split_tag_list(" Hurt/Comfort,  hurt/comfort\nFirst  Kiss,, ") == [
        "Hurt/Comfort",
        "First Kiss",
    ]


def test_tag_name_problems_report_long_names_markup_and_type_clashes():
    Tag.objects.create(name="Naruto", type=TagType.FANDOM, canonical=True)
    problems = tag_name_problems(["x" * 200, "<script>", "Naruto", "Fine Tag"], TagType.CHARACTER)
    assert len(problems) == 3
    assert "already a Fandom tag" in problems[2]


def test_names_are_looked_up_ignoring_case_and_spacing_in_one_query(django_assert_num_queries):
    gaara, naruto = character("Gaara"), character("Uzumaki Naruto")
    with django_assert_num_queries(1):
        found = Tag.objects.by_lower_name(["GAARA", "  uzumaki   naruto ", "Nobody"])
    assert found == {"gaara": gaara, "uzumaki naruto": naruto}
    assert Tag.objects.named("gAARA") == gaara
    assert Tag.objects.named("   ") is None
    assert not Tag.objects.named_any([]).exists()


def test_name_lookup_uses_the_case_insensitive_unique_index():
    """LOWER(name) = LOWER(%s) is the unique index's own expression (iexact is not)."""
    sql = str(Tag.objects.named_any(["Gaara"]).query)
    assert 'LOWER("tags_tag"."name") IN (LOWER(' in sql
