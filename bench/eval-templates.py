#!/usr/bin/env python3
"""Recall and kept boilerplate on bench/templates: article pages written for newsx in the
shapes of common platforms and news templates (WordPress, Drupal, Blogger, Ghost, AMP, ASP.NET,
table layouts; German, French, Spanish, Italian, Polish, Dutch and Portuguese news pages with
leads, paywalls, "read also" boxes, galleries, live blogs, comment threads, consent walls and
infinite scrolling). Each NAME.html has NAME.json: {"must": [snippets the story holds],
"mustnot": [snippets of chrome, teasers or comments]}.

Usage: bench/eval-templates.py [EXTRACT] [DIR] [-v]
  (defaults: build/examples/extract, bench/templates; -v lists each miss and each kept snippet)
Prints one line per page and the totals: must-have snippets found, must-not snippets kept.
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
    print(f"{name:30} must {len(spec['must']) - len(miss)}/{len(spec['must'])}  "
          f"kept {len(stay)}/{len(spec['mustnot'])}{'  EMPTY' if not text else ''}")
    if verbose:
        for m in miss:
            print("    missed:", m)
        for m in stay:
            print("    kept:  ", m)
print(f"templates: must-have found {found}/{wanted} = {found / wanted:.3f}; "
      f"must-not kept {kept}/{unwanted} = {kept / unwanted:.3f}")
