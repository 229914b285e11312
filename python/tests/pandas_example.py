"""CTest python.pandas: examples/pandas_frame.py gives the rows `extract --format csv`
gives for the same files. Exits 77 (skipped) when pandas is not installed."""
import io
import os
import subprocess
import sys
import unittest

try:
    import pandas as pd
except ImportError:
    print("pandas is not installed (Debian: python3-pandas): skipped")
    sys.exit(77)

EXTRACT = os.environ["NEWSX_EXTRACT"]
FIXTURES = os.environ["NEWSX_FIXTURES"]
EXAMPLE = os.environ["NEWSX_PANDAS_EXAMPLE"]
sys.path.insert(0, os.path.dirname(EXAMPLE))
import pandas_frame  # noqa: E402


def as_text(df):
    """Every cell as the CSV writes it: "" for missing, true/false for booleans."""
    def cell(v):
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            return ""
        if isinstance(v, bool) or type(v).__name__ == "bool_":
            return "true" if v else "false"
        return str(v)
    return df[pandas_frame.COLUMNS].applymap(cell)


class PandasExampleTest(unittest.TestCase):
    def test_frame_equals_the_cli_csv(self):
        out = subprocess.run([EXTRACT, "--format", "csv", FIXTURES], capture_output=True, check=False)
        cli = pd.read_csv(io.StringIO(out.stdout.decode("utf-8")), dtype=str, keep_default_na=False)
        files = list(cli["file"])
        df = pandas_frame.frame(files + [os.path.join(FIXTURES, "no-such-page.html")])
        self.assertGreaterEqual(len(cli), 12)  # the pages and posts under fixtures/
        self.assertEqual(len(df), len(cli) + 1)
        # the CLI's line ends are its own (CRLF between rows, LF inside text)
        want = cli.replace("\r\n", "\n", regex=True)
        got = as_text(df.iloc[:-1]).reset_index(drop=True)
        for column in pandas_frame.COLUMNS:
            with self.subTest(column=column):
                self.assertEqual(list(got[column]), list(want[column]))
        # typed columns: booleans, UTC timestamps, and an error row with nothing else
        self.assertEqual(str(df["is_article"].dtype), "boolean")
        self.assertTrue(df["is_article"].iloc[:-1].any())
        self.assertEqual(str(df["published"].dtype), "datetime64[ns, UTC]")
        seed = df[df["file"].str.endswith("post.txt")].iloc[0]
        self.assertEqual(str(seed["published"]), "2022-02-25 07:08:15+00:00")
        self.assertIn("OCFT.US", seed["stock_codes"].split(";"))
        last = df.iloc[-1]
        self.assertEqual(last["error"], "read_failed")
        self.assertTrue(pd.isna(last["title"]) and pd.isna(last["is_article"]))

    def test_the_script_runs_over_a_directory(self):
        out = subprocess.run([sys.executable, EXAMPLE, "--glob", "*.html", FIXTURES],
                             capture_output=True, check=True).stdout.decode("utf-8")
        html = [f for _, _, files in os.walk(FIXTURES) for f in files if f.endswith(".html")]
        self.assertRegex(out.splitlines()[0], rf"^{len(html)} documents, \d+ articles, 0 failed$")
        self.assertIn("光伏组件价格连续三周企稳", out)


if __name__ == "__main__":
    unittest.main()
