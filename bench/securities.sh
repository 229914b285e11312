#!/usr/bin/env bash
# The cost of a securities list: extract over the Chinese pages with and
# without a 6,000-name list, three runs each, medians and their ratio.
#   bench/securities.sh [SHARED_DIR] [EXTRACT]   (defaults: ../shared, build/examples/extract)
# The list is made here, not shipped: the names and codes the pages
# themselves yield, topped up with generated four-character names on valid
# codes, so that the automaton has the size of a real security master.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$here/../shared}
extract=${2:-$here/build/examples/extract}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pages=("$shared/corpus/zh-pages" "$shared/corpus/zh-finance-dev" "$shared/bench/magic-html/htmls")
"$extract" --format jsonl --no-sentences "${pages[@]}" 2>/dev/null > "$tmp/found.jsonl" || true
python3 - "$tmp/found.jsonl" "$tmp/list.csv" <<'PY'
import json, random, sys
seen = {}
for line in open(sys.argv[1], encoding="utf-8"):
    for s in json.loads(line).get("stock_codes") or []:
        if s.get("name"):
            seen.setdefault(s["symbol"], s["name"])
rng = random.Random(7)
chars = [chr(c) for c in range(0x4E00, 0x9FA5)]
used = set(seen)
while len(seen) < 6000:
    code = rng.choice(["600", "601", "603", "000", "002", "300"]) + f"{rng.randrange(1000):03d}"
    sym = code + (".SH" if code[0] == "6" else ".SZ")
    if sym in used:
        continue
    used.add(sym)
    seen[sym] = "".join(rng.choice(chars) for _ in range(4))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for sym, name in seen.items():
        out.write(f"{sym},{name}\n")
PY
echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
echo "list: $(wc -l < "$tmp/list.csv") securities; pages: $(find "${pages[@]}" -type f | wc -l)"
run() {  # prints wall seconds of one run
  local start end
  start=$(date +%s.%N)
  "$extract" --format jsonl --no-sentences "$@" "${pages[@]}" > /dev/null 2>&1 || true
  end=$(date +%s.%N)
  python3 -c "print($end - $start)"
}
"$extract" --format jsonl "${pages[@]}" > /dev/null 2>&1 || true  # warm the page cache
without=(); with=()
for _ in 1 2 3; do
  without+=("$(run)")
  with+=("$(run --securities "$tmp/list.csv")")
done
python3 - "${without[@]}" "${with[@]}" <<'PY'
import statistics, sys
v = [float(x) for x in sys.argv[1:]]
a, b = statistics.median(v[:3]), statistics.median(v[3:])
print(f"without list: median {a:.3f} s; with list: median {b:.3f} s; ratio {b / a:.3f}")
PY
