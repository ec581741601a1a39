"""One design (issue 18, item 7), over HTTP: Browse draws the site's required-tag squares,
its counts have thousands separators, a 3/3 work is complete there as on its page, Browse
uses the site stylesheet (no page-local Georgia styles), the post form's checkbox groups
are fieldsets with their legend first, and the standalone Browse still renders."""

import os
import re
import subprocess
import sys
import textwrap
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.urls import reverse

from fanarchive.tags.models import Tag, TagType
from fanarchive.works.models import Work
from tests.works.helpers import posted_work

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_of_three(author, django_capture_on_commit_callbacks):
    """A work of 3 planned chapters, all posted, "complete" not ticked; big counts."""
    with django_capture_on_commit_callbacks(execute=True):
        work = posted_work(author, title="Three Parts", chapters=3)
        work.expected_chapters = 3
        work.complete = False
        work.save()
        Work.objects.filter(pk=work.pk).update(words=12345, hits_count=1234567)
        work.add_tags([Tag.objects.create(name="Slow Burn", type=TagType.FREEFORM)])
    return work


def blurb_of(client, work) -> str:
    page = client.get(reverse("browse:works")).content.decode()
    return page[page.index(f'id="work_{work.pk}"') :].split("</li>\n</ol>")[0]


def test_browse_draws_the_sites_required_tag_squares(client, three_of_three):
    blurb = blurb_of(client, three_of_three)
    squares = re.findall(r'<span class="symbol (\w+) ([\w-]+)"', blurb)
    assert squares == [
        ("rating", "rating-general-audience"),
        ("warnings", "warning-choosenotto"),
        ("category", "category-none"),
        ("iswip", "complete-yes"),
    ]


def test_a_three_of_three_work_is_complete_in_browse_as_on_its_page(client, three_of_three):
    blurb = blurb_of(client, three_of_three)
    assert 'title="Complete Work"' in blurb and "Work in Progress" not in blurb
    work_page = client.get(reverse("works:detail", args=[three_of_three.pk])).content.decode()
    assert "Completed:" in work_page
    complete_only = client.get(reverse("browse:works") + "?status=complete").content.decode()
    assert f'data-work-id="{three_of_three.pk}"' in complete_only


def test_browse_counts_have_thousands_separators(client, three_of_three):
    blurb = blurb_of(client, three_of_three)
    assert '<dd class="words">12,345</dd>' in blurb
    assert '<dd class="hits">1,234,567</dd>' in blurb


def test_browse_uses_the_site_stylesheet_not_its_own_styles(client, three_of_three):
    page = client.get(reverse("browse:works")).content.decode()
    assert "fanarchive/archive.css" in page
    assert "<style>" not in page and "Georgia" not in page


def test_the_thousands_filter_loads_from_the_site_library_and_by_its_old_name():
    for library in ("archive", "work_stats"):
        rendered = Template("{% load " + library + " %}{{ n|thousands }}").render(
            Context({"n": 9876543})
        )
        assert rendered == "9,876,543"


def test_the_squares_know_the_archives_warning_names():
    from fanarchive.site.templatetags import archive
    from fanarchive.tags import models

    assert archive.NO_WARNINGS_APPLY == models.NO_WARNINGS_APPLY
    assert archive.NO_WARNINGS_CHOSEN == models.NO_WARNINGS_CHOSEN


def test_post_form_checkbox_groups_are_fieldsets_with_the_legend_first(author_client):
    page = author_client.get(reverse("works:new")).content.decode()
    for name, legend in (("warnings", "Archive Warnings"), ("categories", "Categories")):
        group = re.search(
            rf'<fieldset class="field checkboxes[^"]*" id="field_{name}">\s*<legend>{legend}', page
        )
        assert group, f"{legend} is no fieldset with its legend before the checkboxes"
        assert page.index(legend) < page.index(f'name="{name}"')


STANDALONE = textwrap.dedent(
    """
    import sys, tempfile, types
    from datetime import datetime, timezone
    from pathlib import Path
    from fanarchive.browse.standalone import configure
    var = Path(tempfile.mkdtemp())
    configure({"ENGINE": "django.db.backends.sqlite3", "NAME": str(var / "b.sqlite3")}, var)
    from django.conf import settings
    from django.urls import include, path
    urls = types.ModuleType("standalone_urls")
    urls.urlpatterns = [path("", include("fanarchive.browse.urls"))]
    sys.modules["standalone_urls"] = urls
    settings.ROOT_URLCONF = "standalone_urls"
    from django.template.loader import render_to_string, select_template
    from fanarchive.browse.models import WorkIndex
    row = WorkIndex(work_id=7, title="Alone", authors="someone", words=4321, chapters=3,
                    expected_chapters=3, complete=False, language="en",
                    updated=datetime(2026, 1, 2, tzinfo=timezone.utc))
    blurb = {"work": row, "url": "/works/7", "fandoms": [], "rating": None, "categories": [],
             "tags": [], "language": "English", "chapters": "3/3", "authors": []}
    print(select_template(["base.html", "browse/standalone.html"]).template.name)
    print(render_to_string("browse/standalone.html", {}))
    print(render_to_string("browse/blurb.html", {"blurb": blurb}))
    """
)


def test_standalone_browse_renders_with_the_site_stylesheet_inlined():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(
        [sys.executable, "-c", STANDALONE], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("browse/standalone.html")
    assert "ul.required-tags" in done.stdout and ".browse-sidebar" in done.stdout
    assert '<span class="symbol iswip complete-yes" title="Complete Work">' in done.stdout
    assert '<dd class="words">4,321</dd>' in done.stdout


def test_browse_heading_and_filter_counts_have_thousands_separators():
    """Rendered from a made-up page of 12,345 results (no need for that many works)."""
    from django.template.loader import render_to_string

    sidebar = render_to_string(
        "browse/sidebar.html",
        {
            "include_groups": [
                {"label": "Fandoms", "items": [{"id": 1, "name": "A", "count": 2345}]}
            ],
            "languages": [{"code": "en", "name": "English", "count": 12345}],
        },
    )
    assert "(2,345)" in sidebar and "English (12,345)" in sidebar
    page = SimpleNamespace(total=12345, context_tag=None, pages=618)
    listing = render_to_string(
        "browse/listing.html",
        {
            "base_template": "browse/standalone.html",
            "page": page,
            "query": SimpleNamespace(messages=[], text=None, page=51),
            "first_shown": 1001,
            "last_shown": 1020,
            "main_class": "works-search region",
        },
    )
    assert "1,001 - 1,020 of 12,345 Works" in listing and "12,345 Found" in listing
