"""The cross-validated choice between the packaged frame models and a workspace's retrained
ones (``frame_adaptation.choose_frames``), on article-labelled texts.

The retraining here is a real policy-frame model fitted on the workspace's articles alone
(the app adds our seed data too, ~15 s of CPU per fold), so each test runs in seconds.
"""

import numpy as np
import pytest

from framing.engine.artifacts import default_model
from framing.engine.frame_adaptation import (
    FrameDoc,
    choose_frames,
    clear_gain,
    label_sets,
    story_keys,
    without,
)
from framing.engine.frame_training import train_frame_model
from framing.engine.text import split_sentences

PLACES = [
    "Aldmoor", "Brisk Hollow", "Cape Varran", "Dunmere", "Eastwick", "Fenby", "Glenarra",
    "Holt", "Iverby", "Jessop", "Kell", "Lorne", "Marwick", "Norholt", "Oxley", "Penrith",
]  # fmt: skip
# Texts with clear frames, and how the built-in codes them (checked in a test below).
CLEAR = {
    "economic": [
        "The {p} council's budget raises the business tax to cover a deficit.",
        "Employers warned that wages and jobs would suffer as costs rise.",
        "The finance chief said the spending plan would save millions.",
    ],
    "crime": [
        "Police in {p} arrested two men after a burglary on Friday.",
        "Prosecutors charged them with theft and the court denied bail.",
        "If convicted they face up to five years in prison.",
    ],
    "health": [
        "Hospitals in {p} reported a rise in flu patients this week.",
        "Doctors urged older residents to get vaccinated at the clinic.",
        "Nurses said the emergency ward was close to capacity.",
    ],
}
BUILTIN_READS = {
    "economic": {"economic", "policy_prescription"},
    "crime": {"crime_punishment"},
    "health": {"health_safety", "capacity_resources"},
}
# Everyday texts the built-in calls "other"; this workspace's codebook says otherwise.
EVERYDAY = {
    "ferry": [
        "The {p} ferry left the quay at dawn with forty passengers aboard.",
        "Its timetable now lists a second crossing on weekday afternoons.",
        "The skipper said the harbour swell was calm and the deck was dry.",
    ],
    "choir": [
        "The {p} choir rehearsed new carols in the chapel hall on Tuesday.",
        "Its conductor asked the tenors to hold the final note a little longer.",
        "The singers will perform at the lantern fair next month.",
    ],
}
CONVENTION = {"ferry": {"morality"}, "choir": {"legality"}}


@pytest.fixture(scope="module")
def shipped():
    return default_model().frames


def _workspace(topics: dict, labels) -> tuple[list[FrameDoc], dict]:
    """Article-labelled texts and their training rows, as ``training_services`` builds them
    (every sentence inherits the article's frames weakly)."""
    docs, rows = [], ([], [], [], [], [])
    for i, place in enumerate(PLACES):
        for topic, template in topics.items():
            # every sentence names the place: no two texts share one (one story each)
            text = " ".join(f"{s.format(p=place)[:-1]}, {place} said." for s in template)
            key, keys = f"article-{topic}-{i}", set(labels(topic))
            sents = [text[a:b] for a, b in split_sentences(text)]
            n = len(rows[0])
            rows[0].extend(sents)
            rows[1].extend([keys] * len(sents))
            rows[2].extend([key] * len(sents))
            rows[3].append((list(range(n, n + len(sents))), keys))
            rows[4].extend([1 / len(sents)] * len(sents))
            docs.append(FrameDoc(key, text, {"policy": frozenset(keys)}))
    return docs, {"policy": rows}


def _trainer(shipped):
    def train(examples):
        s, labels, groups, articles, weights = examples["policy"]
        keys = shipped["policy"].labels
        policy = train_frame_model(s, labels, keys, groups=groups, articles=articles, weak=weights)
        return {**shipped, "policy": policy}

    return train


def test_the_built_in_reads_the_clear_texts_as_the_noise_test_assumes(shipped):
    for topic, template in CLEAR.items():
        text = " ".join(s.format(p="Holt") for s in template)
        assert label_sets(shipped, text)["policy"] == BUILTIN_READS[topic]


def test_noisy_article_labels_keep_the_packaged_frame_models(shipped):
    # Half the articles get a random frame instead of their own: retraining can only learn
    # the noise, so the packaged models must stay.
    rng = np.random.default_rng(0)
    frames = [k for k in shipped["policy"].labels if k != "other"]

    def noisy(topic):
        keep = rng.random() > 0.5
        return BUILTIN_READS[topic] if keep else {frames[int(rng.integers(len(frames)))]}

    docs, examples = _workspace(CLEAR, noisy)
    models, report = choose_frames(shipped, examples, docs, _trainer(shipped))
    assert report.chosen == "shipped"
    assert models["policy"] is shipped["policy"]
    assert report.scores["trained"]["f1"] <= report.scores["shipped"]["f1"]


def test_a_consistent_new_convention_gets_the_retrained_frame_models(shipped):
    docs, examples = _workspace(EVERYDAY, CONVENTION.get)
    models, report = choose_frames(shipped, examples, docs, _trainer(shipped))
    assert report.chosen == "trained"
    assert report.scores["trained"]["f1"] > report.scores["shipped"]["f1"]
    ferry = " ".join(f"{s.format(p='Quenby')[:-1]}, Quenby said." for s in EVERYDAY["ferry"])
    assert label_sets(models, ferry)["policy"] == {"morality"}


def test_the_choice_is_scored_out_of_fold_on_every_article(shipped):
    seen: list[set] = []
    train = _trainer(shipped)

    def watched(examples):
        seen.append(set(examples["policy"][2]))
        return train(examples)

    docs, examples = _workspace(EVERYDAY, CONVENTION.get)
    _, report = choose_frames(shipped, examples, docs, watched)
    assert report.documents == len(docs)
    assert report.scores["trained"]["n_gold"] == len(docs)
    folds = seen[: report.folds]  # then the final model, on everything
    assert all(len(groups) < len(docs) for groups in folds)
    assert set.union(*({d.key for d in docs} - groups for groups in folds)) == {d.key for d in docs}


def test_without_drops_a_documents_rows_and_renumbers_its_articles():
    examples = {
        "policy": (
            ["a", "b", "c"],
            [{"x"}, {"x"}, {"y"}],
            ["d1", "d1", "d2"],
            [([0, 1], {"x"}), ([2], {"y"})],
            [0.5, 0.5, 1.0],
        )
    }
    assert without(examples, {"d1"}) == {"policy": (["c"], [{"y"}], ["d2"], [([0], {"y"})], [1.0])}


def test_texts_sharing_a_sentence_are_one_story_for_the_folds():
    shared = "The ferry left the quay at dawn with forty passengers aboard."
    docs = [
        FrameDoc("a", f"{shared} The deck was dry.", {}),
        FrameDoc("b", "Choir news. The tenors held the note.", {}),
        FrameDoc("c", f"Wire copy. {shared}", {}),
        FrameDoc("d", "Wire copy. The deck was dry.", {}),  # short sentences link nothing
    ]
    assert story_keys(docs) == ["a", "b", "a", "d"]


def _rows(n: int, right: int) -> np.ndarray:
    """Per-document (tp, predicted, tp, gold) rows: one gold frame each, ``right`` of the
    ``n`` documents labelled correctly (the rest get one wrong frame)."""
    return np.array([(1, 1, 1, 1) if i < right else (0, 1, 0, 1) for i in range(n)], float)


def test_a_small_out_of_fold_gain_on_25_stories_keeps_the_packaged_models():
    # 18 vs 17 right of 25: +0.04 micro-F1, inside what chance gives on 25 stories.
    rows = {"shipped": _rows(25, 17), "trained": _rows(25, 18)}
    keep, needed, _ = clear_gain(rows, [str(i) for i in range(25)])
    assert not keep and needed == pytest.approx(0.05)


def test_the_same_steady_gain_on_300_stories_is_kept():
    # +0.04 on 300 stories, and the retrained models are never worse on a story.
    shipped, trained = _rows(300, 204), _rows(300, 216)
    keep, needed, wins = clear_gain(
        {"shipped": shipped, "trained": trained}, list(map(str, range(300)))
    )
    assert keep and needed < 0.04 and wins >= 0.95


def test_a_gain_from_one_story_copied_into_many_texts_is_not_kept():
    rows = {"shipped": _rows(40, 10), "trained": _rows(40, 40)}
    keep, _, _ = clear_gain(rows, ["story-a"] * 20 + ["story-b"] * 20)
    assert not keep


def test_texts_of_too_few_stories_keep_the_packaged_models_without_retraining(shipped):
    calls = []
    docs, examples = _workspace(EVERYDAY, CONVENTION.get)
    shared = " The harbour master read the same statement to every crew."
    docs = [FrameDoc(d.key, d.text + shared, d.labels) for d in docs]  # one story now
    models, report = choose_frames(shipped, examples, docs, lambda ex: calls.append(ex))
    assert report.chosen == "shipped" and report.folds == 0 and report.stories == 1
    assert models["policy"] is shipped["policy"] and calls == []
