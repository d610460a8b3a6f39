"""A logistic regression over feature dicts, for the engine's small learned components (the
relay link, the credit detector), and the slot holding the packaged one.

The weights are a plain mapping from feature to weight (a JSON file under ``data/``), so the
engine scores without scikit-learn; ``fit`` uses scikit-learn's ``DictVectorizer`` and
``LogisticRegression`` (the estimator API: ``fit`` on feature dicts and 0/1 labels,
``predict_proba`` on feature dicts). ``threshold`` is the probability from which the component
acts on a candidate.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import ClassVar, Self


class DictLogisticRegression:
    # Without an intercept the JSON has none (the relay link's file predates it)
    fit_intercept: ClassVar[bool] = True

    def __init__(self, *, C: float = 1.0, threshold: float = 0.5) -> None:
        self.C = C
        self.threshold = threshold
        self.intercept_ = 0.0

    def fit(self, X: Sequence[dict[str, float]], y: Sequence[int]) -> Self:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        vec = DictVectorizer(sort=True)
        M = vec.fit_transform(X)
        lr = LogisticRegression(C=self.C, max_iter=2000, fit_intercept=self.fit_intercept)
        lr.fit(M, list(y))
        if self.fit_intercept:
            self.intercept_ = round(float(lr.intercept_[0]), 4)
        self.weights_ = {
            name: round(float(w), 4)
            for name, w in zip(vec.feature_names_, lr.coef_[0], strict=True)
            if abs(w) >= 1e-4
        }
        return self

    def decision(self, f: dict[str, float]) -> float:
        w = self.weights_
        return self.intercept_ + sum(w.get(k, 0.0) * v for k, v in f.items())

    def predict_proba(self, X: Iterable[dict[str, float]]) -> list[float]:
        return [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.decision(f))))) for f in X]

    def to_json(self) -> dict:
        out = {"C": self.C, "threshold": self.threshold, "weights": dict(self.weights_)}
        if self.fit_intercept:
            out["intercept"] = self.intercept_
        return out

    @classmethod
    def from_json(cls, data: dict) -> Self:
        m = cls(C=data["C"], threshold=data["threshold"])
        m.intercept_ = float(data.get("intercept", 0.0))
        m.weights_ = dict(data["weights"])
        return m


class ModelSlot[M: DictLogisticRegression]:
    """The packaged model of a component (None when never trained: its rules alone then) and
    the one in use: a training script swaps in one fitted without the set it scores, or none."""

    def __init__(self, cls: type[M], path: Path) -> None:
        self._cls = cls
        self._path = path
        self._override: list[M | None] = []
        self.packaged: Callable[[], M | None] = cache(self._load)

    def _load(self) -> M | None:
        if not self._path.exists():
            return None
        return self._cls.from_json(json.loads(self._path.read_text(encoding="utf-8")))

    def use(self, model: M | None) -> None:
        """Make ``model`` the one in use (None: no model) until ``use_packaged()``."""
        self._override[:] = [model]

    def use_packaged(self) -> None:
        self._override.clear()

    def current(self) -> M | None:
        return self._override[0] if self._override else self.packaged()
