"""The learned credit detector (``framing/engine/credit_detector.py``): credits in forms no rule
of ``relays.wire_origin`` names are read by their slot and punctuation; picture credits, a
reporter's beat, a quote given to an agency and a person's name stay no credit; the packaged
weights are what the training script builds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from framing.engine import credit_detector as cd
from framing.engine.relays import wire_origin

ROOT = Path(__file__).resolve().parents[3]
OUTLET = "Harbour Gazette"
BODY = (
    "The port authority said on Thursday that container traffic rose 4% in November, the third "
    "monthly rise in a row, as shipping lines returned to the northern route.\n\n"
    "Dockworkers' unions said the new shift pattern would be reviewed in March."
)


@pytest.fixture
def rules_alone():
    cd.use(None)
    yield
    cd.use_packaged()


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        (BODY + "\n\nCompiled from AFP reports.", "Agence France-Presse"),
        ("From wire service reports: Reuters\n\n" + BODY, "Reuters"),
    ],
    ids=["compiled-from", "wire-service-head"],
)
def test_a_credit_in_a_form_no_rule_names_is_read(text, origin):
    found = wire_origin(text, OUTLET)
    assert found is not None and found.name == origin
    assert text[found.start : found.end] in (found.credit, "the " + found.credit)


@pytest.mark.parametrize(
    "text",
    [BODY + "\n\nCompiled from AFP reports.", "From wire service reports: Reuters\n\n" + BODY],
    ids=["compiled-from", "wire-service-head"],
)
def test_the_rules_alone_miss_those_forms(text, rules_alone):
    # (what the detector adds: were a rule to read these, the cases above would test nothing)
    assert wire_origin(text, OUTLET) is None


@pytest.mark.parametrize(
    "text",
    [
        BODY + "\n\nPhoto: AFP",
        "By Jane Roe, Transport Correspondent\n\n" + BODY,
        "The port authority's chief told Reuters on Thursday that container traffic rose.\n\n"
        + BODY,
        BODY + "\n\n— With reports from Carla Mendes",
        BODY,
    ],
    ids=["picture-credit", "reporters-beat", "told-an-agency", "a-person", "nothing"],
)
def test_names_that_are_no_credit_stay_none(text):
    assert wire_origin(text, OUTLET) is None


def test_the_articles_own_outlet_is_never_its_credit():
    text = BODY + "\n\nCompiled from Harbour Gazette reports."
    assert wire_origin(text, OUTLET) is None


def test_the_estimator_round_trips_through_its_json():
    X = [{"L1=(": 1.0, "R1=)": 1.0}] * 20 + [{"L1=told": 1.0, "R1=that": 1.0}] * 20
    y = [1] * 20 + [0] * 20
    model = cd.CreditDetector(C=1.0, threshold=0.5).fit(X, y)
    p_credit, p_quote = model.predict_proba([X[0], X[-1]])
    assert p_credit > 0.5 > p_quote
    again = cd.CreditDetector.from_json(json.loads(json.dumps(model.to_json())))
    assert again.predict_proba([X[0], X[-1]]) == [p_credit, p_quote]


def test_candidates_mask_the_name_itself():
    # what is learned is the slot, not the agency: two credits in the same form differ only in
    # what the lists know of the name
    a = {c.name: c for c in cd.candidates(BODY + "\n\n(AFP)")}["AFP"].features
    b = {c.name: c for c in cd.candidates(BODY + "\n\n(Kyodo)")}["Kyodo"].features
    context = {k for k in a if k[:1] in "LR" or k.startswith(("line", "tail", "slot"))}
    assert context and context <= set(b)


def test_packaged_weights_are_what_the_training_script_builds():
    # the model file is built from the repo's dev sets by one deterministic command
    out = subprocess.run(
        [sys.executable, str(ROOT / "framing" / "eval" / "train_credit_detector.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr
