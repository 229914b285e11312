#!/usr/bin/env bash
# Speed and memory, measured side by side in one run (issue "Speed and scale").
#   bench/run.sh [SHARED_DIR]            (default ../shared)
# Builds a Release tree in build-bench/, then reports:
#   1. gumbo parse+walk vs newsx on zh-pages and on the AEB pages (newsx_bench)
#   2. the seed post, repeated (posts/s on one core)
#   3. extract --jobs 1 vs --jobs 2 over 10 000 pages, with peak RSS
#   4. what the paragraph look (the content's second, jusText-style look) costs: extract
#      --jobs 1 over the same pages with and without --no-paragraph-look, alternating,
#      median of 3 each
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$here/../shared}
build=$here/build-bench
cmake -S "$here" -B "$build" -DNEWSX_BUILD_BENCH=ON -DNEWSX_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 >/dev/null
bench=$build/bench/newsx_bench
extract=$build/examples/extract
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/aeb"
for f in "$shared"/bench/article-extraction-benchmark/html/*.html.gz; do
  gunzip -c "$f" > "$tmp/aeb/$(basename "$f" .gz)"
done

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
echo "compiler: $(c++ --version | head -1); flags: -O3 -DNDEBUG (CMake Release)"
echo
echo "== zh-pages"
"$bench" --rounds 7 "$shared/corpus/zh-pages"
echo
echo "== AEB pages"
"$bench" --rounds 5 "$tmp/aeb"
echo
echo "== the seed post, 2000 times"
"$bench" --rounds 5 --repeat 2000 "$here/fixtures/post.txt"
echo
echo "== extract --jobs over 10 000 pages (zh-pages, AEB, magic-html, cycled)"
find "$shared/corpus/zh-pages" "$tmp/aeb" "$shared/bench/magic-html/htmls" -type f -name '*.htm*' \
  | sort > "$tmp/pages.txt"
awk -v n=10000 '{a[NR]=$0} END {for (i = 0; i < n; i++) print a[i % NR + 1]}' "$tmp/pages.txt" \
  > "$tmp/list.txt"
largest=$(xargs stat -c %s < "$tmp/pages.txt" | sort -n | tail -1)
# pages/s from the last line extract --stats wrote to a file
rate() { sed -n 's/.* \([0-9.]*\) pages\/s.*/\1/p' "$1" | tail -1; }
echo "largest page: $((largest / 1024)) KiB; RSS budget 4 x largest + 32 MB = $(( (4 * largest) / 1048576 + 32 )) MB"
for jobs in 1 2; do
  "$extract" --jobs "$jobs" --stats --no-progress --format jsonl --files-from "$tmp/list.txt" \
    > /dev/null 2> "$tmp/stats-$jobs.txt" || true
  tail -1 "$tmp/stats-$jobs.txt"
done
p1=$(rate "$tmp/stats-1.txt")
p2=$(rate "$tmp/stats-2.txt")
python3 -c "print(f'--jobs 2 / --jobs 1 = {$p2 / $p1:.2f}x')" 2>/dev/null || echo "--jobs 2: $p2 pages/s, --jobs 1: $p1 pages/s"
echo
echo "== the paragraph look's cost: --jobs 1 over the 10 000 pages, alternating, median of 3"
with=() without=()
for round in 1 2 3; do
  "$extract" --jobs 1 --stats --no-progress --format jsonl --files-from "$tmp/list.txt" \
    > /dev/null 2> "$tmp/with.txt" || true
  "$extract" --jobs 1 --stats --no-progress --no-paragraph-look --format jsonl \
    --files-from "$tmp/list.txt" > /dev/null 2> "$tmp/without.txt" || true
  with+=("$(rate "$tmp/with.txt")")
  without+=("$(rate "$tmp/without.txt")")
done
python3 - "${with[@]}" "${without[@]}" <<'PY'
import statistics, sys
v = [float(x) for x in sys.argv[1:]]
w, wo = statistics.median(v[:3]), statistics.median(v[3:])
print(f"with the paragraph look {w:.1f} pages/s, without {wo:.1f}: it costs {100 * (1 - w / wo):.1f}% of throughput")
PY
