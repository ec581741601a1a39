"""Template filters for the numbers of work stats (words, kudos, hits, ...)."""

from django import template

register = template.Library()


@register.filter
def thousands(value):
    """1234 -> "1,234" as AO3 shows its counts, whatever the locale settings say;
    anything that is not a whole number is shown as it is."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return value
    return f"{number:,}"
