"""Build fic_holdout18 from its marked-up scenes: `.venv/bin/python build.py` in this folder
(`--review` prints each quotation with its speaker and context instead). The mark-up is
described in `fanarchive.evaluation.marked_scenes`."""

import sys
from pathlib import Path

from fanarchive.evaluation.marked_scenes import build, build_folder

__all__ = ["build"]  # the form tests rebuild each scene with it

if __name__ == "__main__":
    build_folder(Path(__file__).resolve().parent, review="--review" in sys.argv)
