#!/usr/bin/env python3
"""Extract many pages with newsx on a Dask cluster and write JSONL (input order).

    dask_extract.py [--workers N] [--scheduler ADDRESS] [--batch K] OUT.jsonl INPUT...

INPUT is a file or a directory (every file inside, recursively, sorted; the
extract CLI also skips what is no page or post, so pass it explicit files to get
exactly its inputs), and the records are the CLI's: {"file": path, ...article} or
{"file": path, "error": name, "message": text}.

Without --scheduler a LocalCluster of N worker processes is started on
127.0.0.1. On several machines, start the cluster yourself and point at it:

    machine A:  dask scheduler                      # listens on tcp://A:8786
    machines B: dask worker tcp://A:8786 --nthreads 1 --nworkers 2
    anywhere:   dask_extract.py --scheduler tcp://A:8786 out.jsonl /shared/pages

Every worker needs the newsx package (pip install ., see README.md) and the
input paths (a shared file system); each process keeps one newsx extractor per
thread.
"""
import argparse
import json
import os
import sys
import time


def expand(inputs):
    paths = []
    for p in inputs:
        if os.path.isdir(p):
            found = [os.path.join(root, f) for root, _, files in os.walk(p) for f in files]
            paths.extend(sorted(found))
        else:
            paths.append(p)
    return paths


def extract_batch(paths):
    """Runs on a worker: one JSON line per path, and how many failed."""
    import newsx  # imported on the worker

    lines = []
    failed = 0
    for path in paths:
        try:
            with open(path, "rb") as fh:
                article = newsx.extract(fh.read())
            record = {"file": path, **article}
        except newsx.ExtractError as e:
            record = {"file": path, "error": e.code, "message": e.message}
            failed += 1
        except OSError as e:
            record = {"file": path, "error": "read_failed", "message": "cannot read: " + str(e)}
            failed += 1
        lines.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    return lines, failed


def run(out_path, inputs, workers=2, scheduler=None, batch=50):
    from dask.distributed import Client, LocalCluster

    paths = expand(inputs)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        start = time.perf_counter()
        batches = [paths[i:i + batch] for i in range(0, len(paths), batch)]
        futures = client.map(extract_batch, batches, pure=False)
        failures = 0
        with open(out_path, "w", encoding="utf-8") as out:
            for future in futures:  # in input order, as each batch completes
                lines, failed = future.result()
                failures += failed
                for line in lines:
                    out.write(line + "\n")
        seconds = time.perf_counter() - start
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return len(paths), failures, seconds


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--scheduler")
    ap.add_argument("--batch", type=int, default=50)
    args = ap.parse_args(argv)
    n, failures, seconds = run(args.out, args.inputs, args.workers, args.scheduler, args.batch)
    print(f"dask_extract: {n} documents, {failures} failed, {seconds:.2f} s, "
          f"{n / seconds:.1f} pages/s", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
