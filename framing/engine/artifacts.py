"""The engine's trained model bundle and its byte format.

A bundle is one JSON header plus raw little-endian arrays — no pickle, so loading a file can
never execute code — and its identity is the sha256 of those bytes. Loading reads only bytes
or a path we are given; nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import numpy as np

from .blob import BlobFormatError, pack, unpack
from .frames import LinearMultiLabel
from .scorer import FEATURES, SpanModel
from .tagger import DEFAULT_TAGGER_PATH, Tagger, default_tagger
from .tagger import dumps as tagger_dumps
from .tagger import loads as tagger_loads

MAGIC = b"PLXMODEL1\n"
DEFAULT_PATH = Path(__file__).parent / "data" / "default_model.bin"


class ModelFormatError(BlobFormatError):
    """The bytes are not a Parallax engine model bundle."""


@dataclass(frozen=True, slots=True)
class EngineModel:
    """Span scorer and frame models, identified by the sha256 of their serialised bytes."""

    span: SpanModel
    frames: dict[str, LinearMultiLabel]
    sha256: str = ""
    origin: str = "trained"  # "builtin" for the packaged default
    meta: dict | None = None
    # The loaded-term tagger (its own artifact file); None uses the packaged English tagger.
    tagger: Tagger | None = None

    @property
    def version(self) -> str:
        """``"<origin>-<first 16 hex digits of the sha256>"``, e.g. ``builtin-3fa2…``."""
        return f"{self.origin}-{self.sha256[:16]}"

    def loaded_term_tagger(self) -> Tagger | None:
        """The tagger, with a workspace model's learned offsets (kept in ``meta``)."""
        base = self.tagger or default_tagger()
        adjust = (self.meta or {}).get("tagger_adjust")
        if base is None or not adjust:
            return base
        return _adjusted(base, self.sha256, adjust)

    def operating_points(self) -> dict[str, dict[str, float]]:
        """{"precision"|"balanced"|"recall": {"threshold", "precision", "recall"}} of the
        loaded-term tagger, measured out of fold; {} without a tagger."""
        tagger = self.loaded_term_tagger()
        return tagger.operating_points() if tagger else {}


def _arrays(model: EngineModel) -> tuple[dict, dict[str, np.ndarray]]:
    header: dict = {
        "format": 1,
        "features": list(FEATURES),
        "span": {"bias": float(model.span.bias), "threshold": float(model.span.threshold)},
        "frames": {},
        "meta": model.meta or {},
    }
    arrays = {"span.weights": np.asarray(model.span.weights, dtype="<f8")}
    tagger = model.tagger
    if tagger is not None and tagger is not default_tagger():
        # A workspace's adapted tagger travels inside its bundle; a stacked one names the
        # packaged tagger it reads, which is never copied.
        header["tagger"] = {"base_sha256": tagger.base.sha256 if tagger.base else ""}
        arrays["tagger.bytes"] = np.frombuffer(tagger_dumps(tagger), dtype=np.uint8)
    for key, fm in model.frames.items():
        header["frames"][key] = {"labels": list(fm.labels), "words": list(fm.words)}
        if fm.min_length != 1:
            header["frames"][key]["min_length"] = fm.min_length
        arrays[f"{key}.coef"] = np.asarray(fm.coef, dtype="<f4")
        arrays[f"{key}.intercept"] = np.asarray(fm.intercept, dtype="<f8")
        arrays[f"{key}.calib_a"] = np.asarray(fm.calib_a, dtype="<f8")
        arrays[f"{key}.calib_b"] = np.asarray(fm.calib_b, dtype="<f8")
        if fm.has_article_layer:  # absent in bundles written before the article layer
            for name in _ARTICLE_ARRAYS:
                arrays[f"{key}.{name}"] = np.asarray(getattr(fm, name), dtype="<f8")
    return header, arrays


_ARTICLE_ARRAYS = ("article_coef", "article_intercept", "threshold")


def dumps(model: EngineModel) -> bytes:
    """Serialise deterministically (same model, same bytes, same hash)."""
    header, arrays = _arrays(model)
    return pack(MAGIC, header, arrays)


def loads(data: bytes, *, origin: str = "trained") -> EngineModel:
    """Rebuild a model from ``dumps`` output; raises ModelFormatError on foreign bytes."""
    try:
        header, arrays = unpack(data, MAGIC, "engine model")
    except BlobFormatError as exc:
        raise ModelFormatError(str(exc)) from exc
    if tuple(header["features"]) != FEATURES:
        raise ModelFormatError("model was trained with a different span feature set")
    span = SpanModel(
        arrays["span.weights"].copy(), header["span"]["bias"], header["span"]["threshold"]
    )
    frames: dict[str, LinearMultiLabel] = {}
    for key, spec in header["frames"].items():
        frames[key] = LinearMultiLabel.create(
            spec["labels"],
            spec["words"],
            arrays[f"{key}.coef"],
            arrays[f"{key}.intercept"],
            arrays[f"{key}.calib_a"],
            arrays[f"{key}.calib_b"],
            share=next(iter(frames.values()), None),
            min_length=spec.get("min_length", 1),
            **{n: arrays[f"{key}.{n}"] for n in _ARTICLE_ARRAYS if f"{key}.{n}" in arrays},
        )
    digest = hashlib.sha256(data).hexdigest()
    tagger = _embedded_tagger(header, arrays)
    return EngineModel(span, frames, digest, origin, header.get("meta") or {}, tagger)


def _embedded_tagger(header: dict, arrays: dict) -> Tagger | None:
    if "tagger.bytes" not in arrays:
        return None
    tagger = tagger_loads(arrays["tagger.bytes"].tobytes())
    base_sha = header.get("tagger", {}).get("base_sha256", "")
    if base_sha:
        base = default_tagger()
        if base is None or base.sha256 != base_sha:
            raise ModelFormatError(
                "this workspace model was adapted from another version of the built-in "
                "tagger; train it again"
            )
        tagger.base = base
    return tagger


def save_model(model: EngineModel, path: str | Path | None = None) -> bytes:
    """Serialise ``model``; also write the bytes to ``path`` when one is given."""
    data = dumps(model)
    if path is not None:
        Path(path).write_bytes(data)
    return data


def load_model(source: bytes | str | Path, *, origin: str = "trained") -> EngineModel:
    """Load a model from bytes or from a local file path (never from the network)."""
    data = (
        source if isinstance(source, (bytes, bytearray, memoryview)) else Path(source).read_bytes()
    )
    return loads(bytes(data), origin=origin)


def content_hash(data: bytes) -> str:
    """sha256 hex digest of serialised model bytes."""
    return hashlib.sha256(data).hexdigest()


_ADJUSTED: dict[str, Tagger] = {}


def _adjusted(base: Tagger, key: str, adjust: dict) -> Tagger:
    """One adjusted tagger per model (by hash), so analyze() does not copy it per call."""
    hit = _ADJUSTED.get(key)
    if hit is None:
        if len(_ADJUSTED) > 8:
            _ADJUSTED.clear()
        hit = _ADJUSTED[key] = base.with_adjustments(adjust)
    return hit


@cache
def default_model() -> EngineModel:
    """The model shipped in the package (trained on our seed data by ``training.py``) with
    the packaged tagger. Its sha256 covers both files, so rebuilding either gives the
    built-in model a new version (and stored analyses a visible "older model")."""
    data = DEFAULT_PATH.read_bytes()
    model = loads(data, origin="builtin")
    tagger = default_tagger()
    if tagger is None:
        return model
    digest = hashlib.sha256(data + DEFAULT_TAGGER_PATH.read_bytes()).hexdigest()
    return replace(model, sha256=digest, tagger=tagger)
