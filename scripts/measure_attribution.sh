#!/usr/bin/env bash
# Every quote-attribution figure, tune and check, in about 45 s: PDNC, LitBank, fic_dialogue, fic_tune,
# fic_tune4/holdout7 (short works), fic_tune5/holdout8, fic_tune6/holdout9, fic_tune7/holdout10, fic_tune8/holdout11, fic_tune9/holdout12, fic_tune10/holdout13, fic_tune11/holdout14, fic_tune12/holdout15, fic_tune13/holdout16, fic_tune14/holdout17, fic_tune15/holdout18, samples. Next to ../shared:
#   scripts/measure_attribution.sh [TREE]
# TREE (default: this repository) is another checkout or git worktree whose src/ is measured
# with this repository's .venv, so a change can be measured switched off and on, on one tree.
set -euo pipefail
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  echo "example: scripts/measure_attribution.sh /tmp/wt-without-my-rule"
  exit 0
fi
HERE=$(cd "$(dirname "$0")/.." && pwd)
TREE=$(cd "${1:-$HERE}" && pwd)
export PYTHONPATH="$TREE/src" FANARCHIVE_SHARED="${FANARCHIVE_SHARED:-$HERE/../shared}"
PY="$HERE/.venv/bin/python"
evaluate() { (cd "$HERE" && "$PY" -m fanarchive.cli evaluate "$@" 2>&1); }
LINES='^attribution|^  (Explicit|Anaphoric|Implicit)'
# A set newer than TREE is not measured: an older tree is compared on the sets it knows.
scenes() {
  if [[ -d "$TREE/tests/data/$1" ]]; then
    evaluate annotations "$TREE/tests/data/$1" | grep -E "^attribution"
  else
    echo "(no $1 in $TREE)"
  fi
}
echo "== PDNC";         evaluate pdnc "$FANARCHIVE_SHARED/pdnc-dev" | grep -E "$LINES"
echo "== LitBank";      evaluate litbank "$FANARCHIVE_SHARED/litbank" | grep -E "$LINES"
echo "== fic_dialogue"; scenes fic_dialogue
echo "== fic_tune";     scenes fic_tune
echo "== fic_tune4";    scenes fic_tune4
echo "== fic_holdout7"; scenes fic_holdout7
echo "== fic_tune5";    scenes fic_tune5
echo "== fic_holdout8"; scenes fic_holdout8
echo "== fic_tune6";    scenes fic_tune6
echo "== fic_holdout9"; scenes fic_holdout9
echo "== fic_tune7";    scenes fic_tune7
echo "== fic_holdout10"; scenes fic_holdout10
echo "== fic_tune8";    scenes fic_tune8
echo "== fic_holdout11"; scenes fic_holdout11
echo "== fic_tune9";    scenes fic_tune9
echo "== fic_holdout12"; scenes fic_holdout12
echo "== fic_tune10";   scenes fic_tune10
echo "== fic_holdout13"; scenes fic_holdout13
echo "== fic_tune11";   scenes fic_tune11
echo "== fic_holdout14"; scenes fic_holdout14
echo "== fic_tune12";   scenes fic_tune12
echo "== fic_holdout15"; scenes fic_holdout15
echo "== fic_tune13";   scenes fic_tune13
echo "== fic_holdout16"; scenes fic_holdout16
echo "== fic_tune14";   scenes fic_tune14
echo "== fic_holdout17"; scenes fic_holdout17
echo "== fic_tune15";   scenes fic_tune15
echo "== fic_holdout18"; scenes fic_holdout18
echo "== samples";      evaluate annotations "$TREE/tests/data/annotations" | grep -E "^OVERALL"
