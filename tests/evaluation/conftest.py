import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder (env FANARCHIVE_SHARED, default ../shared beside the repo)."""
    return Path(os.environ.get("FANARCHIVE_SHARED") or REPO.parent / "shared").resolve()
