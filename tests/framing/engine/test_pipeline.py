"""The pipeline: fixed order, layers checked, one tokenisation, same output as before it."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from framing.engine import analyze, text
from framing.engine.analysis import to_analysis
from framing.engine.artifacts import DEFAULT_PATH, default_model, load_model
from framing.engine.components.quotes import Quotes
from framing.engine.components.sentences import Sentences
from framing.engine.doc import make_doc
from framing.engine.pipeline import COMPONENTS, MissingLayer, Pipeline, for_model, prepare

ROOT = Path(__file__).resolve().parents[3]
TEXT = (
    "PYONGYANG, June 28 (KCNA) -- The foreign ministry said the drills were a provocation.\n\n"
    '"The puppet regime will pay dearly," a spokesperson said. Rain fell in Seoul.'
)


def _outputs_script():
    path = ROOT / "bench" / "analyze_outputs.py"
    spec = importlib.util.spec_from_file_location("analyze_outputs", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_analyze_outputs_match_the_snapshot_on_demo_and_gold_texts():
    script = _outputs_script()
    expected = json.loads(script.SNAPSHOT.read_text(encoding="utf-8"))
    current = script.snapshot()
    changed = {
        key: sorted(f for f in current[key] if current[key][f] != expected.get(key, {}).get(f))
        for key in current
    }
    changed = {k: v for k, v in changed.items() if v}
    assert current.keys() == expected.keys()
    assert not changed, (
        f"analyze() output changed for {len(changed)} texts (first: {next(iter(changed.items()))});"
        " if intended, run `.venv/bin/python bench/analyze_outputs.py snapshot` and commit it"
    )


def test_full_pipeline_runs_every_component_in_the_fixed_order():
    assert for_model(default_model()).names == COMPONENTS


def test_workspace_model_runs_through_the_same_pipeline():
    workspace = load_model(DEFAULT_PATH, origin="trained")
    pipe = for_model(workspace)
    assert pipe is not for_model(default_model())
    assert pipe.names == COMPONENTS
    assert to_analysis(pipe(TEXT), workspace).to_dict() == analyze(TEXT, model=workspace).to_dict()


def test_pipeline_refuses_a_component_before_the_layers_it_reads():
    with pytest.raises(MissingLayer, match="quotes component needs sentences"):
        Pipeline([Quotes()])


def test_pipeline_refuses_a_component_listed_twice():
    with pytest.raises(ValueError, match="twice"):
        Pipeline([Sentences(), Sentences()])


def test_component_refuses_a_doc_without_the_layers_it_reads():
    with pytest.raises(MissingLayer, match="sentences"):
        Quotes()(make_doc(TEXT))


def test_text_is_tokenised_once_for_every_layer(monkeypatch):
    calls = []
    real = text.word_tokens

    def counting(s):
        calls.append(s)
        return real(s)

    def refuse(*args, **kwargs):
        raise AssertionError("a layer tokenised the text again")

    monkeypatch.setattr("framing.engine.doc.word_tokens", counting)
    monkeypatch.setattr(text, "word_tokens", refuse)
    monkeypatch.setattr(text, "tokenize", refuse)
    analyze(TEXT)
    assert calls == [TEXT]


def test_prepare_stops_before_the_layers_that_read_a_model():
    doc = prepare(TEXT)
    assert doc.layers == list(COMPONENTS[:5])
    assert doc.candidates and doc.loaded_terms == () and doc.frames == {}


def test_running_the_rest_of_the_pipeline_on_a_prepared_doc_equals_analyze():
    model = default_model()
    doc = for_model(model).run(prepare(TEXT))
    assert doc.layers == list(COMPONENTS)
    assert to_analysis(doc, model).to_dict() == analyze(TEXT).to_dict()


def test_analysis_of_an_unfinished_doc_is_refused():
    with pytest.raises(MissingLayer):
        to_analysis(prepare(TEXT), default_model())


def test_analyze_still_refuses_bytes():
    with pytest.raises(TypeError):
        analyze(TEXT.encode())
