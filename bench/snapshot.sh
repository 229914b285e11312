#!/usr/bin/env bash
# Writes extract's JSONL for every shared corpus into OUT_DIR, one file per set,
# so that two builds can be compared byte for byte (a restructuring must not
# change output except where a listed fix does):
#   bench/snapshot.sh SHARED_DIR OUT_DIR [EXTRACT]
#   bench/snapshot.sh ../shared /tmp/before build-old/examples/extract
#   bench/snapshot.sh ../shared /tmp/after && diff -rq /tmp/before /tmp/after
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:?usage: bench/snapshot.sh SHARED_DIR OUT_DIR [EXTRACT]}
out=${2:?usage: bench/snapshot.sh SHARED_DIR OUT_DIR [EXTRACT]}
extract=${3:-$here/build/examples/extract}
mkdir -p "$out"
b=$shared/bench
run() {  # NAME INPUT...: sentences off keeps the files small and readable
  local name=$1; shift
  "$extract" --format jsonl --no-sentences "$@" > "$out/$name.jsonl" 2>/dev/null
  echo "$name: $(wc -l < "$out/$name.jsonl") documents"
}
run seed "$shared/corpus/seed"
run finews "$shared/corpus/finews"
run zh-pages "$shared/corpus/zh-pages"
run zh-pages-enc "$shared/corpus/zh-pages-enc"
run zh-finance-dev "$shared/corpus/zh-finance-dev"
run magic-html "$b/magic-html/htmls"
run aeb "$b/article-extraction-benchmark/html"
run readability "$b/readability-test-pages/htmls"
