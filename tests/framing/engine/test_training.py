import numpy as np

from framing.engine import analyze
from framing.engine.artifacts import EngineModel, default_model, dumps, load_model
from framing.engine.training import (
    parse_marked,
    read_frame_seed,
    read_span_seed,
    train_frame_model,
    train_span_model,
)


def test_markup_is_stripped_and_gold_offsets_point_at_the_span():
    text, spans = parse_marked("The [[puppet regime|pejorative_label]] fell.")
    assert text == "The puppet regime fell."
    assert spans == [(4, 17, "pejorative_label")]
    assert text[4:17] == "puppet regime"


def test_span_seed_has_positives_in_every_category():
    _, spans = read_span_seed()
    cats = {c for doc in spans for _, _, c in doc}
    assert {"pejorative_label", "glorification", "euphemism", "analogy_label"} <= cats


def test_frame_seed_has_examples_for_every_policy_frame():
    _, labels = read_frame_seed("policy")
    assert {"economic", "security_defense", "other", "public_opinion"} <= set().union(*labels)


def test_frame_model_learns_from_labelled_sentences():
    sentences = [
        "the harbour flooded again",
        "the harbour was dry",
        "tax rates rose",
        "tax cut",
    ] * 3
    labels = [{"flood"}, {"flood"}, {"tax"}, {"tax"}] * 3
    model = train_frame_model(sentences, labels, ["flood", "tax"])
    probs = model.predict_texts([["harbour"], ["tax"]])
    assert probs[0, 0] > probs[0, 1]
    assert probs[1, 1] > probs[1, 0]


def test_model_retrained_on_annotations_can_reject_a_lexicon_term():
    # A workspace whose analysts never accept "regrettable" teaches the model to drop it:
    # the adapted tagger travels in the trained bundle. Ten texts of each kind: with six, the
    # stacked tagger's out-of-fold score (its folds hold too few examples) falls below the
    # shipped tagger's, and the re-thresholded built-in may no longer replace the shipped one.
    from framing.engine.adaptation import WorkspaceDoc, adapt_tagger
    from framing.engine.tagger import default_tagger
    from framing.engine.training import train_engine_model

    texts = [f"The regrettable loss of ferry {i} was mourned." for i in range(10)] + [
        f"The puppet regime will fall, broadcast {i} said." for i in range(10)
    ]
    gold = [()] * 10 + [((4, 17, "pejorative_label"),)] * 10
    docs = [
        WorkspaceDoc(t, g, (), str(i)) for i, (t, g) in enumerate(zip(texts, gold, strict=True))
    ]
    tagger, _ = adapt_tagger(default_tagger(), docs)
    trained = train_engine_model(span_texts=texts, span_gold=[list(g) for g in gold], tagger=tagger)
    model = load_model(dumps(trained))
    sentence = "The regrettable loss of ferry 9 was mourned. " + texts[-1]
    before = [t.text for t in analyze(sentence).loaded_terms]
    tagged = [t.text for t in analyze(sentence, model=model).loaded_terms]
    assert "regrettable" in " ".join(before)
    assert "regrettable" not in " ".join(tagged)
    assert any("puppet regime" in t for t in tagged)


def test_retrained_model_gets_its_own_version():
    span = train_span_model(
        ["The puppet regime fell.", "A regrettable delay."] * 3, [[(4, 17)], []] * 3
    )
    model = load_model(dumps(EngineModel(span, default_model().frames)))
    assert model.version.startswith("trained-")
    assert model.version != default_model().version
    assert np.isfinite(model.span.weights).all()


def test_full_model_trains_from_workspace_annotations_alone():
    from framing.engine.training import train_engine_model

    policy = (
        ["tariffs hit exporters", "troops crossed the border"] * 4,
        [["economic"], ["security_defense"]] * 4,
    )
    generic = (["the rivals clashed", "a mother wept"] * 4, [["conflict"], ["human_interest"]] * 4)
    model = train_engine_model(
        span_texts=["The puppet regime fell.", "A regrettable delay."] * 3,
        span_gold=[[{"start": 4, "end": 17, "label": "pejorative_label"}], []] * 3,
        frame_examples={"policy": policy, "generic": generic},
        include_seed=False,
    )
    analysis = analyze("New tariffs hit exporters hard.", model=model)
    assert analysis.model_version == model.version
    assert analysis.frames["policy"][0].key == "economic"


def test_packaged_default_model_is_up_to_date_with_the_seed_data():
    """Fails when lexicon, seed passages or frame examples changed without rebuilding the
    artifact: run `.venv/bin/python -m framing.engine.training`."""
    from framing.engine.training import train_engine_model

    fresh = train_engine_model(origin="builtin")
    shipped = default_model()
    assert np.allclose(fresh.span.weights, shipped.span.weights, atol=1e-4)
    for book, model in fresh.frames.items():
        assert model.words == shipped.frames[book].words
        assert np.allclose(model.coef, shipped.frames[book].coef, atol=1e-4)
        assert np.allclose(model.calib_a, shipped.frames[book].calib_a, atol=1e-3)
