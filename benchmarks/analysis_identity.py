"""Dump the full analysis JSON of a fixed corpus, to prove a speed change changes no output.

The corpus: the shared samples, the repository's input files and tune-side scene sets, the
cast and relationship probes, the warnings stories, tune-side (even work_id) warnings-dev
passages, even-id LitBank works, the PDNC tune novels, generated fic (benchmarks/fic_corpus.py)
and small hostile texts (benchmarks/hostile_input.py). Each input's analysis is written as
one JSON file; two dumps are compared file by file, byte for byte. Only file names and a
count are printed, never a text or an analysis.

examples:
  .venv/bin/python benchmarks/analysis_identity.py dump /tmp/before
  .venv/bin/python benchmarks/analysis_identity.py dump /tmp/after --compare /tmp/before
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import fic_corpus  # noqa: E402
import hostile_input  # noqa: E402

from fanarchive.analysis.pipeline import analyze_document, analyze_text  # noqa: E402
from fanarchive.analysis.reading import read_path  # noqa: E402
from fanarchive.evaluation.pdnc import TUNE_NOVELS  # noqa: E402
from fanarchive.evaluation.warnings import load_passages, side_of  # noqa: E402

SHARED = Path(os.environ.get("FANARCHIVE_SHARED", ROOT.parent / "shared"))
TUNE_SCENE_SETS = ["fic_tune", "fic_tune2", "fic_tune3", "fic_tune4", "fic_tune5", "fic_tune6"]
TUNE_SCENE_SETS += ["fic_tune7", "annotations", "in", "cast_probes", "warnings_stories"]


def inputs(quick: bool) -> Iterator[tuple[str, callable]]:
    """(name, thunk returning an Analysis) for every input of the corpus."""
    for path in sorted((SHARED / "samples").glob("*.txt")):
        yield f"samples/{path.name}", _path(path)
    for name in TUNE_SCENE_SETS:
        for path in sorted((ROOT / "tests/data" / name).iterdir()):
            if path.suffix in {".txt", ".html", ".md"}:
                yield f"{name}/{path.name}", _path(path)
    for path in sorted((ROOT / "tests/data/relationship_probes").glob("*.json")):
        probe = json.loads(path.read_text())
        text = "\n\n".join(probe["paragraphs"]) + "\n"
        yield f"relationship_probes/{path.stem}", _text(text)
    yield from _warnings_dev(60 if quick else 400)
    brat = sorted((SHARED / "litbank/entities/brat").glob("*.txt"))
    even = [p for p in brat if int(p.name.split("_")[0]) % 2 == 0]
    for path in even[: 6 if quick else 40]:
        yield f"litbank/{path.name}", _path(path)
    for novel in sorted(TUNE_NOVELS)[: 1 if quick else None]:
        yield f"pdnc/{novel}", _path(SHARED / "pdnc-dev" / novel / "novel_text.txt")
    for seed in range(2 if quick else 4):
        yield f"fic_corpus/work{seed}", _text(fic_corpus.work(20_000, seed))
    for shape, make in hostile_input.SHAPES.items():
        yield f"hostile/{shape}", _text(make(60))


def _warnings_dev(limit: int) -> Iterator[tuple[str, callable]]:
    passages = load_passages(SHARED / "warnings-dev/passages.jsonl")
    tune = [(n, p) for n, p in enumerate(passages) if side_of(p) == "tune"]
    for number, passage in tune[:limit]:
        yield f"warnings_dev/{number:05d}", _text(passage["text"])


def _path(path: Path):
    return lambda: analyze_document(read_path(path))


def _text(text: str):
    return lambda: analyze_text(text)


def dump(out: Path, quick: bool) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    names = []
    for name, run in inputs(quick):
        result = json.dumps(run().to_dict(), ensure_ascii=False, indent=0)
        target = out / (name.replace("/", "__").replace(" ", "_") + ".json")
        target.write_text(result)
        names.append(target.name)
    return names


def compare(names: list[str], new: Path, old: Path) -> int:
    differing = [
        n
        for n in names
        if not (old / n).exists() or (old / n).read_bytes() != (new / n).read_bytes()
    ]
    for name in differing:
        print(f"DIFFERS: {name}")
    print(f"{len(names) - len(differing)}/{len(names)} analyses identical")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["dump"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path, help="an earlier dump to compare with")
    parser.add_argument("--quick", action="store_true", help="a smaller corpus")
    args = parser.parse_args()
    start = time.process_time()
    names = dump(args.out, args.quick)
    print(f"{len(names)} analyses written in {time.process_time() - start:.1f} CPU s")
    return compare(names, args.out, args.compare) if args.compare else 0


if __name__ == "__main__":
    sys.exit(main())
