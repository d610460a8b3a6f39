"""Adapting the packaged tagger to a workspace: new words, kept built-in knowledge, CV."""

import pytest

from framing.engine.adaptation import WorkspaceDoc, adapt_tagger, choose_kind, fold_of
from framing.engine.artifacts import EngineModel, dumps, loads
from framing.engine.candidates import prepare
from framing.engine.tagger import default_tagger

PLACES = ["Varno", "Kessel", "Brin", "Ostra", "Lume", "Tarrow", "Quill", "Marsh"]
BUILTIN_TERM = "puppet regime"  # a phrase the packaged tagger already tags


def _docs(word: str = "teapot") -> list[WorkspaceDoc]:
    """Twelve texts where analysts tag an invented insult, and four neutral ones."""
    docs = []
    for i, place in enumerate(PLACES + PLACES[:4]):
        text = f"Residents of {place} said the {word} council met on Tuesday to discuss roads."
        start = text.index(word)
        docs.append(
            WorkspaceDoc(text, ((start, start + len(word), "pejorative_label"),), (), f"t{i}")
        )
    for i, place in enumerate(PLACES[:4]):
        text = f"The council of {place} met on Tuesday to discuss roads and schools."
        docs.append(WorkspaceDoc(text, (), (), f"n{i}"))
    return docs


def _tags(tagger, text: str) -> list[str]:
    floor = tagger.threshold("balanced")
    return [text[t.start : t.end] for t in tagger.tag(prepare(text)) if t.score >= floor]


@pytest.fixture(scope="module")
def adapted():
    return adapt_tagger(default_tagger(), _docs())


def test_a_word_only_the_analysts_tag_is_learned(adapted):
    tagger, report = adapted
    text = "Villagers in Pell said the teapot council ignored them again."
    assert not any("teapot" in t for t in _tags(default_tagger(), text))
    assert report.chosen == "stacked"
    assert any("teapot" in t for t in _tags(tagger, text))


def test_built_in_knowledge_is_kept_after_adapting(adapted):
    tagger, _ = adapted
    text = f"The opposition called the government a {BUILTIN_TERM} run from abroad."
    assert any("puppet" in t for t in _tags(default_tagger(), text))
    assert any("puppet" in t for t in _tags(tagger, text))


def test_cross_validation_scores_both_taggers_on_the_same_documents(adapted):
    _, report = adapted
    assert report.documents == 16 and report.folds == 5
    assert set(report.scores) >= {"stacked", "builtin", "shipped"}
    assert report.scores["stacked"]["partial"]["f1"] > report.scores["shipped"]["partial"]["f1"]


@pytest.mark.parametrize(
    ("stacked", "builtin", "kept"),
    [(0.40, 0.45, "builtin"), (0.45, 0.45, "builtin"), (0.50, 0.45, "stacked")],
)
def test_the_stacked_tagger_is_kept_only_when_it_scores_higher_out_of_fold(stacked, builtin, kept):
    scores = {"stacked": {"partial": {"f1": stacked}}, "builtin": {"partial": {"f1": builtin}}}
    assert choose_kind(scores) == kept


def test_the_shipped_tagger_is_kept_when_re_chosen_thresholds_do_not_beat_it():
    scores = {
        "shipped": {"partial": {"f1": 0.45}},
        "builtin": {"partial": {"f1": 0.45}},
        "stacked": {"partial": {"f1": 0.44}},
    }
    assert choose_kind(scores) == "shipped"


def test_adapting_keeps_the_packaged_tagger_itself_when_it_is_chosen(monkeypatch):
    from framing.engine import adaptation

    monkeypatch.setattr(adaptation, "choose_kind", lambda *args: "shipped")
    tagger, report = adapt_tagger(default_tagger(), _docs())
    assert tagger is default_tagger() and report.chosen == "shipped"

    docs = _docs()
    start = docs[0].text.index("council")
    rejected = WorkspaceDoc(docs[0].text, docs[0].spans, ((start, start + 7),), "r")
    tagger, _ = adapt_tagger(default_tagger(), [rejected, *docs[1:]])
    assert not any("council" in t.split() for t in _tags(tagger, docs[0].text))


def test_folds_are_stable_by_document_key():
    assert [fold_of(f"article-{i}", 5) for i in range(20)] == [
        fold_of(f"article-{i}", 5) for i in range(20)
    ]


def test_an_adapted_tagger_travels_in_the_model_bundle(adapted):
    from framing.engine.artifacts import default_model

    tagger, _ = adapted
    bundle = EngineModel(default_model().span, default_model().frames, "", "trained", {}, tagger)
    loaded = loads(dumps(bundle))
    text = "Villagers in Pell said the teapot council ignored them again."
    assert loaded.loaded_term_tagger().base is default_tagger()
    assert _tags(loaded.loaded_term_tagger(), text) == _tags(tagger, text)
    assert loads(dumps(bundle)).sha256 == loaded.sha256


def test_from_scratch_learns_without_the_built_in_taggers_marginals():
    tagger, report = adapt_tagger(default_tagger(), _docs(), from_scratch=True)
    assert report.chosen == "scratch" and tagger.base is None
    assert not any(a.startswith("b.") for a in tagger.attrs)  # no built-in marginals
    text = "Villagers in Pell said the teapot council ignored them again."
    assert any("teapot" in t for t in _tags(tagger, text))


def test_a_lucky_lead_on_few_documents_does_not_replace_the_shipped_tagger():
    import numpy as np

    from framing.engine.adaptation_guard import sure_wins

    # Per document (credit_pred, n_pred, credit_gold, n_gold): "builtin" wins one document of
    # five and loses another; "stacked" is better on every document.
    shipped = np.array([[1, 2, 1, 2]] * 5, dtype=float)
    builtin = np.array([[2, 2, 2, 2], [0, 2, 0, 2], *[[1, 2, 1, 2]] * 3], dtype=float)
    stacked = np.array([[2, 2, 2, 2]] * 5, dtype=float)
    sure = sure_wins({"shipped": shipped, "builtin": builtin, "stacked": stacked})
    assert sure == {"stacked"}


def test_adapting_copes_when_every_document_falls_in_one_fold():
    # Three tagged texts (the API workflow's case) can all hash into the same fold; the
    # nested threshold then had no other fold to be chosen on and training divided by zero.
    docs = _docs()
    keys = [k for k in (f"k{i}" for i in range(200)) if fold_of(k, 3) == 0][:3]
    three = [
        WorkspaceDoc(d.text, d.spans, d.rejected, k) for d, k in zip(docs[:3], keys, strict=True)
    ]
    tagger, report = adapt_tagger(default_tagger(), three)
    assert report.documents == 3
    assert tagger.threshold("balanced") > 0


def test_a_steady_gain_with_a_few_losing_documents_replaces_the_shipped_tagger():
    import numpy as np

    from framing.engine.adaptation_guard import f1_rows, sure_wins

    # Forty documents: "stacked" finds one more of three spans on ten of them and misses the
    # one it found on six (0.44 against 0.40 overall). It wins in only ~80 % of resamples
    # (the old rule's 90 % refused it), yet rarely loses more than the margin.
    shipped = np.array([[1, 2, 1, 3]] * 40, dtype=float)
    stacked = shipped.copy()
    stacked[:10] = [2, 2, 2, 3]
    stacked[10:16] = [0, 2, 0, 3]
    pick = np.random.default_rng(7).integers(0, 40, size=(500, 40))
    wins = np.mean(f1_rows(stacked[pick].sum(axis=1)) > f1_rows(shipped[pick].sum(axis=1)))
    assert wins < 0.9  # the case the earlier rule got wrong
    assert sure_wins({"shipped": shipped, "stacked": stacked}) == {"stacked"}


def test_a_model_scoring_below_the_shipped_tagger_overall_is_never_sure():
    import numpy as np

    from framing.engine.adaptation_guard import sure_wins

    # Within the margin everywhere, but lower on all the documents taken together.
    shipped = np.array([[2, 3, 2, 3]] * 30, dtype=float)
    stacked = np.array([[2, 3, 2, 3]] * 29 + [[1, 3, 1, 3]], dtype=float)
    assert sure_wins({"shipped": shipped, "stacked": stacked}) == set()


def _better_on(documents: int, better: int):
    """Per-document rows: the shipped tagger finds one of two spans everywhere, the other
    kind finds both on ``better`` documents (never worse)."""
    import numpy as np

    shipped = np.array([[1, 2, 1, 2]] * documents, dtype=float)
    other = shipped.copy()
    other[:better] = [2, 2, 2, 2]
    return {"shipped": shipped, "builtin": other}


def test_a_small_out_of_fold_gain_on_25_documents_keeps_the_shipped_tagger():
    from framing.engine.adaptation_guard import sure_wins

    # Never worse on any document and 0.04 better overall, below the 0.05 needed on 25.
    assert sure_wins(_better_on(25, 2)) == set()


def test_the_same_gain_on_300_documents_replaces_the_shipped_tagger():
    from framing.engine.adaptation_guard import sure_wins

    assert sure_wins(_better_on(300, 24)) == {"builtin"}


def test_re_chosen_thresholds_that_pass_the_guard_do_not_replace_the_shipped_tagger(monkeypatch):
    from framing.engine import adaptation, adaptation_guard

    # Re-chosen (per-document, nested) thresholds score far above the shipped one's and are
    # "sure" by every rule; the shipped tagger is still kept.
    def scores(docs, found, t):
        return {"partial": {"f1": 0.1 if isinstance(t, float) else 0.9}, "threshold": 0.0}

    monkeypatch.setattr(adaptation_guard, "sure_wins", lambda rows: {"builtin"})
    monkeypatch.setattr(adaptation_guard, "beyond_fold_noise", lambda rows, folds: {"builtin"})
    monkeypatch.setattr(adaptation, "_scores", scores)
    _, report = adapt_tagger(default_tagger(), _docs())
    assert report.chosen == "shipped"


def _gain_in_folds(gaining_folds: tuple[int, ...]):
    """25 documents in five folds of five: the shipped tagger finds one of two spans on each;
    "stacked" finds both on every document of ``gaining_folds`` when that is one fold, and on
    one document of each fold otherwise — the same pooled gain either way (0.1 when five
    documents gain). Returns the per-document rows and each document's fold."""
    import numpy as np

    folds = [i // 5 for i in range(25)]
    shipped = np.array([[1, 2, 1, 2]] * 25, dtype=float)
    stacked = shipped.copy()
    if len(gaining_folds) == 1:
        stacked[[i for i in range(25) if folds[i] == gaining_folds[0]]] = [2, 2, 2, 2]
    else:
        stacked[[5 * f for f in gaining_folds]] = [2, 2, 2, 2]
    return {"shipped": shipped, "stacked": stacked}, folds


def test_a_gain_carried_by_one_fold_of_five_keeps_the_shipped_tagger():
    from framing.engine.adaptation_guard import beyond_fold_noise, sure_wins

    rows, folds = _gain_in_folds((0,))
    assert sure_wins(rows) == {"stacked"}  # pooled, it clears the gain and the margin
    assert beyond_fold_noise(rows, folds) == set()


def test_the_same_gain_in_every_fold_replaces_the_shipped_tagger():
    from framing.engine.adaptation_guard import beyond_fold_noise, sure_wins

    rows, folds = _gain_in_folds((0, 1, 2, 3, 4))
    assert sure_wins(rows) == {"stacked"}
    assert beyond_fold_noise(rows, folds) == {"stacked"}


def test_documents_all_in_one_fold_give_no_evidence_beyond_fold_noise():
    from framing.engine.adaptation_guard import beyond_fold_noise

    rows, _ = _gain_in_folds((0, 1, 2, 3, 4))
    assert beyond_fold_noise(rows, [0] * 25) == set()


def test_a_small_workspace_must_pass_the_guard_under_every_fold_assignment(monkeypatch):
    from framing.engine import adaptation_guard

    # The teapot convention passes the guard under the documents' own fold assignment; here
    # it is refused under any other one, as 25 of our passages were under 8 of 11 (the
    # stacked tagger then lost on the held-out passages under every assignment).
    calls = []
    real = adaptation_guard.beyond_fold_noise

    def first_assignment_only(rows, folds):
        calls.append(list(folds))
        return real(rows, folds) if len(calls) == 1 else set()

    monkeypatch.setattr(adaptation_guard, "beyond_fold_noise", first_assignment_only)
    tagger, report = adapt_tagger(default_tagger(), _docs())
    assert len(calls) > 1 and calls[1] != calls[0]  # asked again on other folds
    assert report.chosen == "shipped" and tagger is default_tagger()


def test_a_clear_convention_is_kept_under_every_fold_assignment(adapted):
    _, report = adapted
    assert report.splits == 4  # 16 documents: asked under four assignments
    assert report.chosen == "stacked"


def test_large_workspaces_are_cross_validated_once():
    from framing.engine.adaptation import splits_for

    assert [splits_for(n) for n in (3, 25, 40, 50, 99, 100, 300)] == [4, 4, 3, 2, 2, 1, 1]


def test_other_fold_assignments_are_stable_and_differ_from_the_documents_own():
    own = [fold_of(f"article-{i}", 5) for i in range(40)]
    other = [fold_of(f"article-{i}", 5, split=1) for i in range(40)]
    assert other == [fold_of(f"article-{i}", 5, split=1) for i in range(40)]
    assert other != own
