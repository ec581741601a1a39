"""Speed and memory of the full analysis (reading included) on one core.

Generates, deterministically (seeded), a ~1,000,000-word corpus of fic-like works and single
works of 10k, 100k and 1M words (benchmarks/fic_corpus.py), then measures each in a fresh
subprocess: `analyze_document(read_bytes(...))` wall time, words/second, and the process's
peak RSS (resource.getrusage). The first run in a process includes loading the fandom packs
and compiling patterns ("cold"); the best of the following runs is "warm".

Targets (issue 3): a 100,000-word work in under 1 s and under 200 MB RSS; time linear in words.

examples:
  .venv/bin/python benchmarks/analysis_speed.py
  .venv/bin/python benchmarks/analysis_speed.py --profile          # where the time goes
  .venv/bin/python benchmarks/analysis_speed.py --quick            # small sizes, a smoke run
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# Times are CPU seconds of the measuring process (time.process_time): on a machine shared with
# other work, wall time measures the neighbours too. Wall time is printed alongside.

import fic_corpus  # noqa: E402

TARGET_SECONDS, TARGET_MB = 1.0, 200


def analyse(texts: list[str], timings: dict[str, float] | None = None) -> None:
    from fanarchive.analysis.pipeline import analyze_document
    from fanarchive.analysis.reading import read_bytes

    for index, text in enumerate(texts):
        start = time.process_time()
        document = read_bytes(text.encode("utf-8"), f"work{index}.txt")
        if timings is not None:
            timings["reading+structure"] = timings.get("reading+structure", 0.0) + (
                time.process_time() - start
            )
        analyze_document(document, timings=timings)


def child(kind: str, words: int, seed: int, repeats: int) -> dict:
    """Run in a fresh process: generate, then time the analysis; report as JSON."""
    texts = fic_corpus.corpus(words, seed) if kind == "corpus" else [fic_corpus.work(words, seed)]
    counted = sum(fic_corpus.count_words(t) for t in texts)
    start = time.process_time()
    import fanarchive.analysis.pipeline  # noqa: F401  (timed apart from the analysis)

    imported = time.process_time() - start

    baseline_mb = _peak_mb()
    times, walls, steps = [], [], {}
    for repeat in range(repeats):
        timings: dict[str, float] = {}
        start, wall = time.process_time(), time.perf_counter()
        analyse(texts, timings)
        times.append(time.process_time() - start)
        walls.append(time.perf_counter() - wall)
        if repeat == 0 or times[-1] <= min(times):
            steps = timings
    return {
        "kind": kind,
        "words": counted,
        "works": len(texts),
        "import": imported,
        "cold": times[0],
        "warm": min(times[1:]) if len(times) > 1 else times[0],
        "warm_wall": min(walls[1:]) if len(walls) > 1 else walls[0],
        "peak_mb": _peak_mb(),
        "baseline_mb": baseline_mb,
        "steps": steps,
    }


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(kind: str, words: int, seed: int, repeats: int) -> dict:
    command = [sys.executable, __file__, "--child", kind, str(words), str(seed), str(repeats)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"measurement failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def profile(words: int, seed: int, top: int = 25) -> None:
    texts = [fic_corpus.work(words, seed)]
    analyse(texts)  # warm: packs loaded, patterns compiled
    profiler = cProfile.Profile()
    profiler.enable()
    analyse(texts)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(entry[2] for entry in stats.stats.values())  # type: ignore[attr-defined]
    by_module: dict[str, float] = defaultdict(float)
    for (filename, _, _), entry in stats.stats.items():  # type: ignore[attr-defined]
        by_module[_module(filename)] += entry[2]  # own time
    print(f"\nProfile of one warm analysis of a {words:,}-word work ({total:.2f} s of own time)")
    print(f"{'module':<48} {'own s':>7} {'share':>6}")
    for module, seconds in sorted(by_module.items(), key=lambda kv: -kv[1])[:15]:
        print(f"{module:<48} {seconds:7.3f} {seconds / total:6.1%}")
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(top)
    print("\nTop functions by own time:")
    print("\n".join(line for line in buffer.getvalue().splitlines() if line.strip())[-6000:])


def _module(filename: str) -> str:
    if "fanarchive" in filename:
        return "fanarchive/" + filename.split("fanarchive/", 1)[-1].split("src/", 1)[-1]
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (re, str, ...)"
    return Path(filename).name


def report(seed: int, quick: bool) -> int:
    sizes = [2_000, 10_000, 50_000] if quick else [10_000, 100_000, 1_000_000]
    corpus_words = 100_000 if quick else 1_000_000
    print(f"fanarchive analysis speed (seed {seed}, one core, each row in a fresh process)")
    print("import: the package's import (its module-level patterns compiled, the cue lexicons")
    print("derived or read from the disk cache); cold: first analysis in the process (packs")
    print("loaded, patterns compiled); warm: best later run; seconds are CPU seconds,")
    print("wall-clock seconds of the warm run in 'wall'\n")
    print(
        f"{'input':<28} {'words':>10} {'import s':>8} {'cold s':>8} {'warm s':>8} {'wall s':>8} "
        f"{'words/s':>10} {'s/100k':>7} {'peak MB':>8}"
    )
    rows = []
    for words in sizes:
        repeats = 2 if words >= 1_000_000 else 4
        rows.append(("one work", measure("work", words, seed, repeats)))
    rows.append(("corpus", measure("corpus", corpus_words, seed, 2)))
    for label, row in rows:
        name = f"{label} ({row['works']} works)" if label == "corpus" else label
        rate = row["words"] / row["warm"]
        print(
            f"{name:<28} {row['words']:>10,} {row['import']:>8.3f} {row['cold']:>8.3f} "
            f"{row['warm']:>8.3f} {row['warm_wall']:>8.3f} {rate:>10,.0f} {100_000 / rate:>7.3f} "
            f"{row['peak_mb']:>8.1f}"
        )
    mid = rows[1][1]
    print(f"\nwords/second (corpus, warm): {rows[-1][1]['words'] / rows[-1][1]['warm']:,.0f}")
    print(
        f"100,000-word work: {mid['cold']:.3f} s cold (after {mid['import']:.3f} s of import), "
        f"{mid['warm']:.3f} s warm, peak RSS {mid['peak_mb']:.1f} MB (interpreter + generated text: "
        f"{mid['baseline_mb']:.1f} MB)"
    )
    print("\nwhere the 100,000-word work's time goes (warm run, CPU seconds):")
    for step, seconds in sorted(mid["steps"].items(), key=lambda kv: -kv[1]):
        print(f"  {step:<20} {seconds:7.3f}  {seconds / mid['warm']:6.1%}")
    small, large = rows[0][1], rows[2][1]
    ratio = (large["warm"] / large["words"]) / (small["warm"] / small["words"])
    print(
        f"linearity: time per word at {large['words']:,} words is {ratio:.2f}x "
        f"that at {small['words']:,} words (1.00 = perfectly linear)"
    )
    print(f"load average while measuring: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    ok = quick or (mid["cold"] < TARGET_SECONDS and mid["peak_mb"] < TARGET_MB)
    if not quick:
        print(
            f"targets (< {TARGET_SECONDS:.0f} s, < {TARGET_MB} MB for 100k words): "
            f"{'met' if ok else 'NOT met'}"
        )
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    parser.add_argument("--profile", action="store_true", help="profile a 100k-word analysis")
    parser.add_argument("--profile-words", type=int, default=100_000)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, words, seed, repeats = args.child
        print(json.dumps(child(kind, int(words), int(seed), int(repeats))))
        return 0
    if args.profile:
        profile(args.profile_words, args.seed)
        return 0
    return report(args.seed, args.quick)


if __name__ == "__main__":
    sys.exit(main())
