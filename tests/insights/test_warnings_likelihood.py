"""The analysis page shows each warning's likelihood and confidence (and old analyses,
stored before confidences existed, still render)."""

from django.test import Client
from django.urls import reverse

from fanarchive.analysis.model import Evidence, Warning
from fanarchive.insights.models import WorkAnalysis
from tests.insights.test_views import draft, suggestions_url  # noqa: F401 (fixture)


def page_with_warnings(author_client, work, warnings: list[dict]) -> str:
    author_client.post(suggestions_url(work), {"publish": "1"})
    stored = WorkAnalysis.objects.get(work=work)
    stored.data["warnings"] = warnings
    stored.save()
    return Client().get(reverse("insights:analysis", args=[work.pk])).content.decode()


def test_analysis_page_labels_each_warning_likely_or_possible(author_client, draft):  # noqa: F811
    evidence = [Evidence(0, 3, "abc")]
    warnings = [
        Warning("Violence", "medium", False, evidence, confidence=0.91).to_dict(),
        Warning("War", "low", False, evidence, confidence=0.32).to_dict(),
    ]
    page = page_with_warnings(author_client, draft, warnings)
    assert '<span class="likelihood">likely (0.91)</span>' in page
    assert '<span class="likelihood">possible (0.32)</span>' in page


def test_an_analysis_stored_without_confidences_still_renders(author_client, draft):  # noqa: F811
    old = {
        "name": "Blood",
        "severity": "low",
        "archive_warning": False,
        "evidence": [{"start": 0, "end": 3, "text": "abc"}],
    }
    page = page_with_warnings(author_client, draft, [old])
    assert "Blood" in page
    assert 'class="likelihood"' not in page
