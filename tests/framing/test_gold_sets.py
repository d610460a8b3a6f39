"""The frozen held-out gold sets stay valid and in step with their hand-written sources."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_gold_sets_are_up_to_date_with_their_sources():
    result = subprocess.run(
        [sys.executable, str(ROOT / "framing/eval/gold/build_gold.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr + result.stdout
