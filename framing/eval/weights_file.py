"""Write a packaged model's weights file, or check that the committed one is up to date; the
training scripts in this folder share it (``--check`` exits 1 when the file is stale)."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, payload: str, *, check: bool, root: Path, weights: int) -> None:
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        print("up to date" if current == payload else "stale")
        sys.exit(0 if current == payload else 1)
    path.write_text(payload, encoding="utf-8")
    print(f"wrote {path.relative_to(root)}: {weights} weights")
