#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) and runs each for
# SECONDS seconds (default 60) on a seed corpus made from fixtures/ (fuzz_warc:
# fuzz/warc/), with the token dictionary (a target's .options may name its
# own). Prints the executions per target and their total.
#   fuzz/run.sh [SECONDS] [BUILD_DIR]
# Crashes land in BUILD_DIR/artifacts; turn each into a regression test.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build=${2:-$here/build-fuzz}
if ! command -v clang++ >/dev/null; then
  apt-get install -y --no-install-recommends clang libclang-rt-dev >/dev/null
fi
CXX=clang++ cmake -S "$here" -B "$build" -DNEWSX_BUILD_FUZZERS=ON -DNEWSX_BUILD_TESTS=OFF \
  -DNEWSX_BUILD_EXAMPLES=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 >/dev/null
mkdir -p "$build/artifacts"
total=0
for target in fuzz_extract fuzz_front_matter fuzz_charset fuzz_warc; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  if [ "$target" = fuzz_warc ]; then
    # small hand-written archives, and the same compressed (gzip; zstd when
    # its tool is there): the fuzzer damages the members and frames too
    for f in "$here"/fuzz/warc/*.warc; do
      cp "$f" "$corpus/"
      gzip -c "$f" > "$corpus/$(basename "$f").gz"
      if command -v zstd >/dev/null; then zstd -q -c "$f" > "$corpus/$(basename "$f").zst"; fi
    done
  else
    find "$here/fixtures" -type f ! -name '*.json' -exec cp {} "$corpus/" \;
  fi
  # a target's .options file (libFuzzer's INI format) names its dictionary and max_len
  dict="$here/fuzz/newsx.dict"
  max_len=65536
  opts="$here/fuzz/$target.options"
  if [ -f "$opts" ]; then
    d=$(awk -F' *= *' '$1=="dict"{print $2}' "$opts"); [ -z "$d" ] || dict="$here/fuzz/$d"
    m=$(awk -F' *= *' '$1=="max_len"{print $2}' "$opts"); [ -z "$m" ] || max_len=$m
  fi
  log="$build/$target.log"
  "$build/fuzz/$target" "$corpus" -dict="$dict" -max_len="$max_len" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target-" >"$log" 2>&1 || {
      echo "$target: FAILED (see $log)"; tail -40 "$log"; exit 1; }
  execs=$(awk '/stat::number_of_executed_units/{print $NF}' "$log")
  echo "$target: $execs executions in ${seconds}s, no crash"
  total=$((total + execs))
done
echo "fuzz total: $total executions"
