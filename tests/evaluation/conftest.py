from pathlib import Path

import pytest

from fanarchive.devdata import shared_dir

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder (env FANARCHIVE_SHARED, default ../shared beside the repo)."""
    return shared_dir()
