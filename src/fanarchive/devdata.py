"""Where the development data lives (sample works, PDNC novels, warnings passages).

It is not part of the repository: `FANARCHIVE_SHARED` names the folder, and by default it is
the `shared` folder beside the checkout. Callers skip or explain when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    return Path(os.environ.get("FANARCHIVE_SHARED") or REPO_DIR.parent / "shared").resolve()
