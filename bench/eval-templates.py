#!/usr/bin/env python3
"""Recall and kept boilerplate on bench/templates: article pages written for newsx in the
shapes of common platforms and news templates (WordPress, Drupal, Blogger, Ghost, AMP, ASP.NET,
table layouts; German, French, Spanish, Italian, Polish, Dutch and Portuguese news pages with
leads, paywalls, "read also" boxes, galleries, live blogs, comment threads, consent walls and
infinite scrolling), and bench/templates-zh: Chinese portal, platform and e-paper pages (GBK and
Big5 among them). Each NAME.html has NAME.json: {"must": [snippets the story holds],
"mustnot": [snippets of chrome, teasers or comments]} and, optionally, the expected "title",
"author" and "source" (compared with white space removed; null or "" expects none).

Usage: bench/eval-templates.py [EXTRACT] [DIR] [-v]
  (defaults: build/examples/extract, bench/templates; -v lists each miss and each kept snippet)
Prints one line per page and the totals: must-have snippets found, must-not snippets kept, and
title, author and source right on the pages that state them.
These pages are development data like the shared sets: a rule must hold on kinds of pages,
never on one of these.
"""
import glob
import json
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
args = [a for a in sys.argv[1:] if not a.startswith("-")]
extract = args[0] if args else os.path.join(here, "..", "build", "examples", "extract")
folder = args[1] if len(args) > 1 else os.path.join(here, "templates")
verbose = "-v" in sys.argv
files = sorted(glob.glob(os.path.join(folder, "*.html")))
run = subprocess.run([extract, "--format", "jsonl", "--no-sentences"] + files,
                     capture_output=True, text=True)
got = {os.path.basename(d["file"]): d for d in map(json.loads, run.stdout.splitlines())}
space = re.compile(r"\s+")
found = wanted = kept = unwanted = 0
fields = {"title": [0, 0], "author": [0, 0], "source": [0, 0]}  # right, stated
for path in files:
    name = os.path.basename(path)
    with open(path[:-len(".html")] + ".json", encoding="utf-8") as fh:
        spec = json.load(fh)
    text = space.sub(" ", got.get(name, {}).get("text", ""))
    miss = [m for m in spec["must"] if space.sub(" ", m) not in text]
    stay = [m for m in spec["mustnot"] if space.sub(" ", m) in text]
    wanted += len(spec["must"])
    found += len(spec["must"]) - len(miss)
    unwanted += len(spec["mustnot"])
    kept += len(stay)
    wrong = []
    for field, tally in fields.items():
        if field not in spec:
            continue
        value = got.get(name, {}).get(field)
        tally[1] += 1
        if space.sub("", value or "") == space.sub("", spec[field] or ""):
            tally[0] += 1
        else:
            wrong.append(f"{field}: got {value!r}, want {spec[field]!r}")
    print(f"{name:30} must {len(spec['must']) - len(miss)}/{len(spec['must'])}  "
          f"kept {len(stay)}/{len(spec['mustnot'])}{'  EMPTY' if not text else ''}"
          f"{'  fields wrong ' + str(len(wrong)) if wrong else ''}")
    if verbose:
        for m in miss:
            print("    missed:", m)
        for m in stay:
            print("    kept:  ", m)
        for w in wrong:
            print("    " + w)
stated = "".join(f"; {f} {r}/{n}" for f, (r, n) in fields.items() if n)
print(f"{os.path.basename(os.path.normpath(folder))}: must-have found {found}/{wanted} = {found / wanted:.3f}; "
      f"must-not kept {kept}/{unwanted} = {kept / unwanted:.3f}{stated}")
