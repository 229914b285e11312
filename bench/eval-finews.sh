#!/usr/bin/env bash
# Scores extract on the real finews posts against the reference answers.
#   bench/eval-finews.sh [SHARED_DIR] [EXTRACT]     (defaults: ../shared, build/examples/extract)
# Exits 1 when a field falls below the bar of issue "newsx core".
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$here/../shared}
extract=${2:-$here/build/examples/extract}
out=$(mktemp -d)/finews.jsonl
"$extract" --format jsonl "$shared"/corpus/finews/*.md > "$out" || true
python3 "$shared/bench/score_articles.py" "$shared/gold/finews.jsonl" "$out" --per-doc \
  --min title=1 --min date=1 --min source=1 --min stock_codes=1 --min headings=1 --min body=0.98
