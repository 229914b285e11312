"""The Dask example on a real LocalCluster (worker processes, TCP on 127.0.0.1):
its JSONL must equal the extract CLI's on the same inputs."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

try:
    import distributed  # noqa: F401
    HAVE_DASK = True
except ImportError:
    HAVE_DASK = False

FIXTURES = os.environ["NEWSX_FIXTURES"]
EXTRACT = os.environ["NEWSX_EXTRACT"]
EXAMPLE = os.environ.get("NEWSX_DASK_EXAMPLE", "")


@unittest.skipUnless(HAVE_DASK and EXAMPLE, "python3-distributed is not installed")
class DaskTest(unittest.TestCase):
    def test_cluster_output_equals_the_cli(self):
        sys.path.insert(0, os.path.dirname(EXAMPLE))
        import dask_extract

        # the CLI chooses what in the directory is a page; the cluster gets
        # the same files and must give the same records
        cli = subprocess.run([EXTRACT, "--format", "jsonl", FIXTURES], capture_output=True,
                             check=False).stdout.decode()
        want = [json.loads(line) for line in cli.splitlines()]
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "out.jsonl")
            n, failures, _ = dask_extract.run(out, [r["file"] for r in want], workers=2, batch=3)
            with open(out, encoding="utf-8") as fh:
                got = [json.loads(line) for line in fh]
        self.assertGreaterEqual(n, 12)  # the pages and posts under fixtures/
        self.assertEqual(len(got), n)
        self.assertEqual(got, want)


if __name__ == "__main__":
    unittest.main()
