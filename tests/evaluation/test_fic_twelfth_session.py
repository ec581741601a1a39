"""fic_tune10 and fic_holdout13 (eight fan-fiction scenes each in mixed styles: third person past
and present, first and second person; curly, straight, British single, guillemet and dash-led
dialogue; text messages; written blind in the twelfth session before the analysis was run on
them): the analysis keeps attributing at least as many of their quotations as when they were
first measured (a regression guard, not a target; the sets' form is tested with the other
sets)."""

import pytest

from tests.evaluation.scene_sets import assert_attribution_at_least
from tests.evaluation.test_fic_seventh_session import DATA

# quotations right when first measured (2026-12-07, twelfth session, at b899df7, the rules of
# a43acbc): fic_tune10 123 / 200, fic_holdout13 106 / 185
RIGHT_AT_LEAST = {"fic_tune10": 123, "fic_holdout13": 106}


@pytest.mark.parametrize("folder", sorted(RIGHT_AT_LEAST))
def test_attribution_stays_above_its_floor(folder):
    assert_attribution_at_least(DATA / folder, RIGHT_AT_LEAST[folder])
