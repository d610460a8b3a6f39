"""The engine's version: a release number plus a fingerprint of the rules behind its output.

The built-in model's identity used to be the hash of its packaged weights alone, so a change
to the voice, relay or actor rules left every stored analysis looking current: an upgraded
server kept showing what the old rules found until someone re-analysed by hand. The
fingerprint covers everything ``analyze()`` reads at run time (code and lexicons); the
weights have their own hash and the training data only reaches the output through them.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

RELEASE = "0.1.0"
_ROOT = Path(__file__).resolve().parent
# Not read by analyze(): the training corpora, ``train/`` and ``frames/`` (they reach the
# output only through the weights, which the model's own sha256 names), the weights, prose.
_SKIP_DIRS = {"__pycache__", "train", "frames"}
_SKIP_SUFFIXES = {".bin", ".pyc", ".md"}


def _rule_files(root: Path) -> list[Path]:
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix not in _SKIP_SUFFIXES
        and not _SKIP_DIRS.intersection(p.relative_to(root).parts[:-1])
    )


def fingerprint(root: Path) -> str:
    """12 hex digits of a sha256 over the rule files under ``root`` (path and bytes)."""
    digest = hashlib.sha256()
    for path in _rule_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        # Line endings normalised: a checkout on another platform is the same engine.
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
        digest.update(b"\0")
    return digest.hexdigest()[:12]


@cache
def rules_fingerprint() -> str:
    """The fingerprint of this engine's rule files (read once per process)."""
    return fingerprint(_ROOT)


def engine_version() -> str:
    """``RELEASE+fingerprint``, e.g. ``0.1.0+3f9a0c21b7de`` (fits the 40-character columns)."""
    return f"{RELEASE}+{rules_fingerprint()}"
