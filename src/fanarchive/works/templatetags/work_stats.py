"""Template filters for the numbers of work stats (words, kudos, hits, ...).

The filter lives in the site's `archive` library, which Browse loads too (also when it runs
without the works app); `{% load work_stats %}` keeps working for the works templates."""

from django import template

from fanarchive.site.templatetags.archive import thousands

register = template.Library()
register.filter("thousands", thousands)
