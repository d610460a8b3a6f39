"""The learned relay link (``framing/engine/relay_linker.py``): media the rules do not know,
linked by their role in the sentence, and the look-alikes it must leave alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from framing import engine
from framing.engine import relay_linker as rl
from framing.engine.pipeline import prepare

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def rules_only():
    rl.use(None)
    yield
    rl.use_packaged()


def _chains(text: str) -> list[tuple[str, ...]]:
    return [q.chain for q in engine.analyze(text).quotes if q.kind != "scare"]


@pytest.mark.parametrize(
    ("text", "relay"),
    [
        # a masthead no list holds, a plain word as a name ("Punch" left this list in session
        # 20: the medium-name model, trained on the longer media list, reads it now)
        (
            "The union leader told Bugle that fuel prices would fall by the end of the month.",
            "Bugle",
        ),
        # ("wrote in the Boston Globe" left this list in round 14: the rules read it now,
        # tests/framing/engine/test_relays_round14.py)
    ],
)
def test_media_the_rules_miss_are_linked_by_their_role(text, relay, rules_only):
    assert all(len(c) == 1 for c in _chains(text))  # the rules alone link nothing
    rl.use_packaged()
    assert [c[:-1] for c in _chains(text)] == [(relay,)]


def test_a_learned_relay_is_carried_to_the_speakers_later_words():
    text = (
        "Farm union leader Bola Ige told Punch that diesel prices would fall by March. "
        "“We have seen the new tariff,” Ige said."
    )
    assert [c[:-1] for c in _chains(text)] == [("Punch",), ("Punch",)]


@pytest.mark.parametrize(
    "text",
    [
        # a person described by an apposition is no medium
        "Ruiz told Carlos Mendes, a local councillor, that the clinic would stay open.",
        # the medium employs the speaker: its own editor talking
        "Kilele TV's managing editor, Joseph Ouma, said the station would appeal.",
        # a forum, not a channel
        "The finance minister told the National Assembly that the budget was final.",
        # lawmakers, not a medium
        "Defence Minister Rafael Ostend told MPs that the ships were in international waters.",
        # the dateline's agency is the copy's origin, not a link of the ministry's chain
        "PYONGYANG, June 28 (Central Dispatch) -- The foreign ministry on Friday denounced the "
        "drills, calling them a rehearsal for war.",
        "Police chief Omar Hadid told reporters in Amman that three suspects had been arrested.",
    ],
)
def test_look_alikes_get_no_relay(text):
    assert all(len(c) <= 1 for c in _chains(text))


def test_candidates_leave_out_the_speaker_the_words_and_opening_words():
    text = (
        "Per Semafor, Energy Minister Dana Voss told the Daily Kestrel that “Tarn Oil” would pay."
    )
    doc = prepare(text)
    q = next(q for q in doc.quotes if q.speaker is not None and "Voss" in q.speaker.text)
    a, b = doc.sentences[0]
    names = [c.text for c in rl.candidates(text, a, b, q)]
    assert "Semafor" in names and "Daily Kestrel" in names
    assert not any("Voss" in n or "Tarn" in n or n.startswith("Per") for n in names)


def test_estimator_fits_predicts_and_round_trips_through_json():
    X = [{"bias": 1.0, "p1=told": 1.0, "medium_word": 1.0}] * 20 + [
        {"bias": 1.0, "p1=told": 1.0, "appos_other": 1.0}
    ] * 20
    y = [1] * 20 + [0] * 20
    model = rl.RelayLinker(C=1.0, threshold=0.5).fit(X, y)
    p_medium, p_person = model.predict_proba([X[0], X[-1]])
    assert p_medium > 0.5 > p_person
    again = rl.RelayLinker.from_json(json.loads(json.dumps(model.to_json())))
    assert again.predict_proba([X[0], X[-1]]) == [p_medium, p_person]


def test_packaged_weights_are_what_the_training_script_builds():
    # the model file is built from the repo's dev sets by one deterministic command
    out = subprocess.run(
        [sys.executable, str(ROOT / "framing" / "eval" / "train_relay_linker.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr
