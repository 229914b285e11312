#!/usr/bin/env bash
# Regenerates fixtures/**/X.json from the current extract. Review `git diff fixtures/` by eye.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
extract=${EXTRACT:-$here/build/examples/extract}
find "$here/fixtures" -type f ! -name '*.json' | sort | while read -r f; do
  "$extract" "$f" > "${f%.*}.json" || echo "failed: $f" >&2
done
