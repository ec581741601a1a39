"""scripts/measure_attribution.sh, the one command the evaluation docs use for an A/B: it
prints every attribution figure, tune and check, for this tree or another checkout."""

import os
import subprocess

from tests.evaluation.conftest import REPO


def test_the_script_prints_every_set_with_both_sides(shared):
    result = subprocess.run(
        [str(REPO / "scripts" / "measure_attribution.sh"), str(REPO)],
        capture_output=True,
        text=True,
        env={**os.environ, "FANARCHIVE_SHARED": str(shared)},
        timeout=600,
        check=True,
    )
    blocks = result.stdout.split("== ")[1:]
    assert [block.split("\n", 1)[0] for block in blocks] == [
        "PDNC",
        "LitBank",
        "fic_dialogue",
        "fic_tune",
        "fic_tune4",
        "fic_holdout7",
        "fic_tune5",
        "fic_holdout8",
        "fic_tune6",
        "fic_holdout9",
        "fic_tune7",
        "fic_holdout10",
        "fic_tune8",
        "fic_holdout11",
        "fic_tune9",
        "fic_holdout12",
        "fic_tune10",
        "fic_holdout13",
        "fic_tune11",
        "fic_holdout14",
        "fic_tune12",
        "fic_holdout15",
        "fic_tune13",
        "fic_holdout16",
        "fic_tune14",
        "fic_holdout17",
        "fic_tune15",
        "fic_holdout18",
        "samples",
    ]
    pdnc, litbank = blocks[0].splitlines(), blocks[1].splitlines()
    assert [line.split()[0] for line in pdnc[1:]] == [
        "attribution",
        "Explicit",
        "Anaphoric",
        "Implicit",
    ]
    assert pdnc[1].count("/") == 2 and litbank[1].count("/") == 2  # tune and check
    assert blocks[-1].split()[1] == "OVERALL"


def test_help_says_what_it_measures_with_an_example():
    result = subprocess.run(
        [str(REPO / "scripts" / "measure_attribution.sh"), "--help"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert "tune and check" in result.stdout and "example:" in result.stdout
