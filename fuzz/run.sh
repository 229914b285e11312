#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) and runs each for
# SECONDS seconds (default 60) on a seed corpus made from fixtures/, with the
# token dictionary. Prints the executions per target and their total.
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
for target in fuzz_extract fuzz_front_matter fuzz_charset; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  find "$here/fixtures" -type f ! -name '*.json' -exec cp {} "$corpus/" \;
  log="$build/$target.log"
  "$build/fuzz/$target" "$corpus" -dict="$here/fuzz/newsx.dict" -max_len=65536 \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target-" >"$log" 2>&1 || {
      echo "$target: FAILED (see $log)"; tail -40 "$log"; exit 1; }
  execs=$(awk '/stat::number_of_executed_units/{print $NF}' "$log")
  echo "$target: $execs executions in ${seconds}s, no crash"
  total=$((total + execs))
done
echo "fuzz total: $total executions"
