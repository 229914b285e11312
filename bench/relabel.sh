#!/usr/bin/env bash
# The zh-pages-enc pages (GBK/GB2312/Big5 twins of zh-pages pages) under every wrong label a
# crawl meets, checked against their UTF-8 twins (issue "Crawl scale", charsets).
#   bench/relabel.sh [SHARED_DIR] [EXTRACT]   (defaults: ../shared, build/examples/extract)
# For each page and each label: the <meta> charset replaced by iso-8859-1, windows-1252,
# us-ascii, the other CJK charset (GBK <-> Big5) or removed; and the same lies as an HTTP
# Content-Type charset (a one-record WARC read by `extract --warc`), with the <meta> label kept
# or removed. A cell is "ok" when title and text equal the twin's, "ok*" when they equal the
# page's own as served with its right label (the twin differs by a codec table: Python's big5
# wrote U+FF0F as A241, which windows-950 reads as U+2215), "warned" when they differ but a
# charset warning says so, "FAIL" otherwise. Informational: exits 1 when any cell is FAIL.
# Not run by CTest.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$here/../shared}
extract=${2:-$here/build/examples/extract}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$shared/corpus" "$extract" "$tmp" <<'PY'
import json, os, re, subprocess, sys

corpus, extract, tmp = sys.argv[1:4]
enc_dir = os.path.join(corpus, "zh-pages-enc")
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(enc_dir, "INDEX.tsv"), encoding="utf-8")]
rows = [r for r in rows[1:] if len(r) >= 4 and not r[0].startswith("#")]

LABEL = re.compile(rb"(charset\s*=\s*)([\"']?)(gbk|gb2312|gb18030|big5)\2", re.I)
# "; charset=gbk" inside content="..." or charset="gbk" as its own attribute
DROP = re.compile(rb"(;\s*)?charset\s*=\s*([\"']?)(gbk|gb2312|gb18030|big5)\2", re.I)


def relabel(data, label):
    if label is None:
        return DROP.sub(b"", data)
    return LABEL.sub(lambda m: m.group(1) + m.group(2) + label.encode() + m.group(2), data)


def warc(payload, charset):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=" + charset.encode() +
            b"\r\nContent-Length: " + str(len(payload)).encode() + b"\r\n\r\n" + payload)
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:relabel>\r\n"
            b"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: http://example.com/a.html\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: " +
            str(len(http)).encode() + b"\r\n\r\n")
    return head + http + b"\r\n\r\n"


def run(path, is_warc=False):
    args = [extract, "--format", "jsonl"] + (["--warc", path] if is_warc else [path])
    p = subprocess.run(args, capture_output=True)
    lines = [l for l in p.stdout.decode("utf-8", "replace").splitlines() if l.strip()]
    return json.loads(lines[0]) if lines else {"error": "no output"}


def charset_warning(a):
    words = ("charset", "contradicts", "not valid in", "labelled", "decoded as", "repaired")
    return [w for w in a.get("warnings", []) if any(k in w for k in words)]


fails = 0
cols = ["iso-8859-1", "windows-1252", "us-ascii", "swapped", "none",
        "http iso-8859-1", "http swapped", "http latin1, no meta"]
print("| page | " + " | ".join(cols) + " |")
print("|---" * (len(cols) + 1) + "|")
for r in rows:
    name, twin = r[0], r[1]
    twin_a = run(os.path.join(corpus, "zh-pages", twin))
    data = open(os.path.join(enc_dir, name), "rb").read()
    served_a = run(os.path.join(enc_dir, name))
    big5 = b"big5" in r[3].encode().lower()
    other = "gbk" if big5 else "big5"
    cases = [("file", relabel(data, "iso-8859-1"), None), ("file", relabel(data, "windows-1252"), None),
             ("file", relabel(data, "us-ascii"), None), ("file", relabel(data, other), None),
             ("file", relabel(data, None), None), ("warc", data, "iso-8859-1"),
             ("warc", data, other), ("warc", relabel(data, None), "iso-8859-1")]
    cells = []
    for k, (kind, payload, http) in enumerate(cases):
        path = os.path.join(tmp, f"{name}.{k}")
        if kind == "warc":
            payload = warc(payload, http)
        with open(path, "wb") as f:
            f.write(payload)
        a = run(path, kind == "warc")
        same = a.get("title") == twin_a.get("title") and a.get("text") == twin_a.get("text")
        served = a.get("title") == served_a.get("title") and a.get("text") == served_a.get("text")
        if same:
            cells.append("ok " + a.get("charset", "?"))
        elif served:
            cells.append("ok* " + a.get("charset", "?"))
        elif charset_warning(a):
            cells.append("warned " + a.get("charset", "?"))
        else:
            cells.append("FAIL " + a.get("charset", a.get("error", "?")))
            fails += 1
    print(f"| {name} | " + " | ".join(cells) + " |")
print(f"\n{fails} FAIL of {len(rows) * len(cols)}")
sys.exit(1 if fails else 0)
PY
