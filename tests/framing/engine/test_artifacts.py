import numpy as np
import pytest

from framing.engine.artifacts import (
    EngineModel,
    ModelFormatError,
    content_hash,
    default_model,
    dumps,
    load_model,
    save_model,
)


def test_default_model_is_the_builtin_and_named_by_its_hash():
    model = default_model()
    assert model.origin == "builtin"
    assert model.version == f"builtin-{model.sha256[:16]}"


def test_serialisation_is_deterministic():
    assert dumps(default_model()) == dumps(default_model())


def test_round_trip_keeps_weights_and_hash():
    data = save_model(default_model())
    again = load_model(data)
    assert again.sha256 == content_hash(data)
    assert np.array_equal(again.span.weights, default_model().span.weights)
    assert again.frames["policy"].words == default_model().frames["policy"].words


def test_load_from_a_path(tmp_path):
    path = tmp_path / "model.bin"
    save_model(default_model(), path)
    assert load_model(path).sha256 == content_hash(path.read_bytes())


def test_foreign_bytes_are_rejected():
    with pytest.raises(ModelFormatError):
        load_model(b"\x80\x04\x95 a pickle, not a model")


def test_truncated_bundle_is_rejected():
    with pytest.raises(ModelFormatError):
        load_model(dumps(default_model())[:200])


def test_a_changed_weight_changes_the_hash():
    base = default_model()
    span = type(base.span)(base.span.weights + 0.5, base.span.bias)
    changed = load_model(dumps(EngineModel(span, base.frames)))
    assert changed.sha256 != base.sha256
