#!/usr/bin/env bash
# Every quote-attribution figure, tune and check, in about 45 s: PDNC, LitBank, fic_dialogue, fic_tune,
# fic_tune4/holdout7 (short works), fic_tune5/holdout8, fic_tune6/holdout9, fic_holdout10, samples. Next to ../shared:
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
echo "== PDNC";         evaluate pdnc "$FANARCHIVE_SHARED/pdnc-dev" | grep -E "$LINES"
echo "== LitBank";      evaluate litbank "$FANARCHIVE_SHARED/litbank" | grep -E "$LINES"
echo "== fic_dialogue"; evaluate annotations "$TREE/tests/data/fic_dialogue" | grep -E "^attribution"
echo "== fic_tune";     evaluate annotations "$TREE/tests/data/fic_tune" | grep -E "^attribution"
echo "== fic_tune4";    evaluate annotations "$TREE/tests/data/fic_tune4" | grep -E "^attribution"
echo "== fic_holdout7"; evaluate annotations "$TREE/tests/data/fic_holdout7" | grep -E "^attribution"
echo "== fic_tune5";    evaluate annotations "$TREE/tests/data/fic_tune5" | grep -E "^attribution"
echo "== fic_holdout8"; evaluate annotations "$TREE/tests/data/fic_holdout8" | grep -E "^attribution"
echo "== fic_tune6";     evaluate annotations "$TREE/tests/data/fic_tune6" | grep -E "^attribution"
echo "== fic_holdout9"; evaluate annotations "$TREE/tests/data/fic_holdout9" | grep -E "^attribution"
echo "== fic_holdout10"; evaluate annotations "$TREE/tests/data/fic_holdout10" | grep -E "^attribution"
echo "== samples";      evaluate annotations "$TREE/tests/data/annotations" | grep -E "^OVERALL"
