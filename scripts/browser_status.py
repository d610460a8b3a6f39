"""Say, before the test run, whether the browser tests will run or be skipped."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from playwright_harness import chromium_path

path = chromium_path()
if path:
    print(f"Browser tests: on (Chromium at {path}).")
else:
    print("Browser tests: SKIPPED — Debian's chromium is not installed (apt-get install chromium).")
