#!/usr/bin/env bash
# Two builds of extract, timed in turn (A B A B ...) over the same pages: the
# median wall time of each and the ratio B/A, so that a change's cost is
# measured in one run on one machine whatever the machine's drift.
#   bench/compare.sh OLD_EXTRACT NEW_EXTRACT [SHARED_DIR] [RUNS]   (defaults: ../shared, 5)
# Build the old one from a commit with e.g.
#   git worktree add /tmp/old REV && cmake -S /tmp/old -B /tmp/old/build -DCMAKE_BUILD_TYPE=Release \
#     -DNEWSX_BUILD_TESTS=OFF && cmake --build /tmp/old/build -j2 --target extract
set -euo pipefail
old=${1:?usage: bench/compare.sh OLD_EXTRACT NEW_EXTRACT [SHARED_DIR] [RUNS]}
new=${2:?usage: bench/compare.sh OLD_EXTRACT NEW_EXTRACT [SHARED_DIR] [RUNS]}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${3:-$here/../shared}
runs=${4:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/aeb"
for f in "$shared"/bench/article-extraction-benchmark/html/*.html.gz; do
  gunzip -c "$f" > "$tmp/aeb/$(basename "$f" .gz)"
done
pages=("$shared/corpus/zh-pages" "$shared/corpus/zh-finance-dev" "$shared/bench/magic-html/htmls"
       "$tmp/aeb" "$shared/bench/readability-test-pages/htmls")
wall() {  # one whole-process run, wall seconds
  local start end
  start=$(date +%s.%N)
  "$1" --format jsonl "${pages[@]}" > /dev/null 2>&1 || true
  end=$(date +%s.%N)
  python3 -c "print($end - $start)"
}
echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; pages: $(find "${pages[@]}" -type f | wc -l)"
wall "$old" > /dev/null; wall "$new" > /dev/null  # warm the page cache
a=(); b=()
for _ in $(seq "$runs"); do
  a+=("$(wall "$old")")
  b+=("$(wall "$new")")
done
python3 - "$runs" "${a[@]}" "${b[@]}" <<'PY'
import statistics, sys
n = int(sys.argv[1]); v = [float(x) for x in sys.argv[2:]]
a, b = statistics.median(v[:n]), statistics.median(v[n:])
print(f"old: median {a:.3f} s; new: median {b:.3f} s; new/old {b / a:.3f} ({n} runs each, alternating)")
PY
