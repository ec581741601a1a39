"""One design (issue 18, item 7): every count the archive prints has AO3's thousands
separators, not only Browse's and the work page's. A template printing a count without the
`thousands` filter (site templatetags `archive`) fails here."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "fanarchive"
# A printed variable whose last part names a count; form values (value="{{ … }}") are not
# shown as text and must stay plain digits.
COUNT = re.compile(
    r"(?<!value=\"){\{\s*([\w.]*\.)?(words|kudos|hits|count|works_count|uses|quote_count|"
    r"attributed|start_index|end_index|total)\s*\}\}"
)


def printed_counts_without_separators():
    for path in sorted(TEMPLATES.glob("*/templates/**/*.html")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            for match in COUNT.finditer(line):
                yield f"{path.relative_to(TEMPLATES)}:{number}: {match.group(0)}"


def test_no_template_prints_a_count_without_thousands_separators():
    assert list(printed_counts_without_separators()) == []


@pytest.mark.parametrize(
    "template",
    ["tags/tag.html", "collections/detail.html", "readers/bookmarks.html", "works/profile.html"],
)
def test_listing_templates_load_the_filter(template):
    source = (next(TEMPLATES.glob(f"*/templates/{template}"))).read_text()
    assert re.search(r"{% load [^%]*\barchive\b", source)


def test_the_filter_separates_a_large_count():
    assert Template("{% load archive %}{{ n|thousands }}").render(Context({"n": 12345})) == "12,345"
