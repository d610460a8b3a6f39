"""How a workspace model did against the built-in one on the workspace's own documents.

Training cross-validates both on the analysts' annotated texts (by document) and stores the
scores in the version's metrics; the Models page shows them and activating a model that did
worse is refused unless the analyst insists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class WorkspaceComparison:
    documents: int
    folds: int
    tagger: str  # which tagger cross-validation kept: "stacked", "builtin" or "scratch"
    model: Mapping[str, Any]  # partial P/R/F1 of this version, out of fold
    builtin: Mapping[str, Any]  # the built-in model as shipped, same documents
    per_label: Mapping[str, Any]
    curve: list = field(default_factory=list)  # {"documents", "model", "builtin"} rows
    # Texts the built-in tagger was trained on: scored above, but not used to choose the tagger.
    seen_by_base: int = 0

    @property
    def worse(self) -> bool:
        return float(self.model.get("f1", 0.0)) < float(self.builtin.get("f1", 0.0))


def workspace_comparison(metrics: Mapping[str, Any] | None) -> WorkspaceComparison | None:
    """The stored cross-validated comparison, or None (built-in model, older versions)."""
    cv = (metrics or {}).get("workspace_cv")
    if not cv or cv.get("chosen") not in (cv.get("scores") or {}):
        return None
    mine = cv["scores"][cv["chosen"]]
    shipped = cv["scores"].get("shipped", {})
    return WorkspaceComparison(
        documents=int(cv.get("documents", 0)),
        folds=int(cv.get("folds", 0)),
        tagger=str(cv["chosen"]),
        model=mine.get("partial", {}),
        builtin=shipped.get("partial", {}),
        per_label=mine.get("per_label", {}),
        curve=list(cv.get("curve") or []),
        seen_by_base=int(cv.get("seen_by_base", 0)),
    )


@dataclass(frozen=True, slots=True)
class FrameComparison:
    """Which frame models training kept, and both micro-F1s of the article label sets on the
    workspace's article-labelled texts, out of fold."""

    documents: int
    folds: int
    chosen: str  # "shipped" (the packaged frame models) or "trained"
    model: float  # micro-F1 of the kept models (the packaged ones' when they were kept)
    trained: float
    builtin: float


def frame_comparison(metrics: Mapping[str, Any] | None) -> FrameComparison | None:
    """The stored cross-validated frame choice, or None (no article frames, older versions)."""
    cv = (metrics or {}).get("frames_cv")
    if not cv or not cv.get("documents"):
        return None
    scores = cv.get("scores") or {}
    f1 = {k: float(scores.get(k, {}).get("f1", 0.0)) for k in ("shipped", "trained")}
    return FrameComparison(
        documents=int(cv["documents"]),
        folds=int(cv.get("folds", 0)),
        chosen=str(cv.get("chosen", "shipped")),
        model=f1.get(str(cv.get("chosen")), f1["shipped"]),
        trained=f1["trained"],
        builtin=f1["shipped"],
    )
