#!/usr/bin/env python3
"""A pandas DataFrame from a directory of pages: one row per file, flat columns.

    pandas_frame.py [--glob PATTERN] [--csv OUT.csv] INPUT...

INPUT is a file or a directory (every file inside whose name matches PATTERN,
recursively, sorted, hidden folders and files left out). The columns are those
of `extract --format csv`: file, url, title, date, source, author, is_article,
stock_codes (the symbols joined with ";"), text and error (the error's name for
a file newsx could not extract, whose other columns are empty). Dates stay the
ISO 8601 strings newsx writes, each with its own offset; `published` adds them
as UTC timestamps for sorting and grouping.

    import pandas_frame
    df = pandas_frame.frame(["pages/"], glob="*.html")
    df[df.is_article].groupby("source").size()
    df.assign(symbol=df.stock_codes.str.split(";")).explode("symbol")

Needs the newsx package (pip install . with /usr/bin/python3, see README.md)
and pandas (Debian: python3-pandas).
"""
import argparse
import fnmatch
import os
import sys

import newsx
import pandas as pd

COLUMNS = ["file", "url", "title", "date", "source", "author", "is_article", "stock_codes", "text",
           "error"]


def expand(inputs, glob="*"):
    """Files, and the matching files under each directory (sorted, no hidden ones)."""
    paths = []
    for p in inputs:
        if not os.path.isdir(p):
            paths.append(p)
            continue
        found = []
        for root, dirs, files in os.walk(p):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found += [os.path.join(root, f) for f in files
                      if not f.startswith(".") and fnmatch.fnmatch(f, glob)]
        paths += sorted(found)
    return paths


def row(extractor, path):
    """One file as a flat row: the article's scalar fields, or the error's name."""
    try:
        with open(path, "rb") as fh:
            a = extractor.extract(fh.read())
    except newsx.ExtractError as e:
        return {"file": path, "error": e.code}
    except OSError:
        return {"file": path, "error": "read_failed"}
    flat = {k: a[k] for k in ("url", "title", "date", "source", "author", "is_article", "text")}
    flat["stock_codes"] = ";".join(s["symbol"] for s in a["stock_codes"])
    return {"file": path, **flat}


def frame(inputs, glob="*", extractor=None):
    """The DataFrame of every file under inputs, in path order."""
    ex = extractor or newsx.Extractor(sentences=False)  # sentences are not flat columns
    df = pd.DataFrame([row(ex, p) for p in expand(inputs, glob)], columns=COLUMNS)
    df["is_article"] = df["is_article"].astype("boolean")  # missing on error rows
    df["published"] = pd.to_datetime(df["date"], utc=True, errors="coerce")
    return df


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--glob", default="*")
    ap.add_argument("--csv", help="also write the frame (without published) as CSV")
    args = ap.parse_args(argv)
    df = frame(args.inputs, args.glob)
    if args.csv:
        df[COLUMNS].to_csv(args.csv, index=False)
    articles = df[df["is_article"].fillna(False)]
    print(f"{len(df)} documents, {len(articles)} articles, {df['error'].notna().sum()} failed")
    with pd.option_context("display.max_colwidth", 30, "display.width", 120):
        print(articles[["title", "published", "source", "stock_codes"]].to_string(index=False))
    return 1 if df["error"].notna().any() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
