"""Media the list does not know, read by the shape of their name where the sentence puts a
medium ("told 702 that", "in an interview with 98.5 FM"), and the names in the same places
that are no media ("told Smith", "told parliament")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from framing import engine
from framing.engine import medium_names

ROOT = Path(__file__).resolve().parents[3]


def _chain(text: str, words: str) -> list[str]:
    q = next(
        q
        for q in engine.analyze(text).quotes
        if q.kind != "scare" and words in text[q.start : q.end]
    )
    return list(q.chain)


@pytest.mark.parametrize(
    ("text", "words", "relay"),
    [
        # invented station and site names, no kind word the patterns know
        (
            "One of the residents, Naledi Khumalo, told 914 that families had been queuing "
            "for water since dawn.",
            "families had been queuing",
            "914",
        ),
        (
            "The farmer's brother, Tomas Rivera, told 7News that the road had been closed "
            "for a week.",
            "the road had been closed",
            "7News",
        ),
        (
            "The regional governor, Mr Kofi Asante, told Peace FM's Morning Drive that the "
            "bridge would reopen in March.",
            "the bridge would reopen",
            "Peace FM",
        ),
        (
            "In an interview with 104.3 FM, the head of the nurses' union, Claire Dubois, "
            "said wards were short of staff.",
            "wards were short of staff",
            "104.3 FM",
        ),
    ],
)
def test_unlisted_medium_in_a_relaying_role_is_a_link(text, words, relay):
    chain = _chain(text, words)
    assert len(chain) == 2 and chain[0] == relay


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # people, bodies and quantities in the same places are no media
        ("The minister told Smith that the plan was dead.", "the plan was dead"),
        ("The minister told Maria Lopez that the plan was dead.", "the plan was dead"),
        ("The mayor told parliament that the bridge was safe.", "the bridge was safe"),
        ("The mayor told the committee that the bridge was safe.", "the bridge was safe"),
        ("The mayor told 40 people that the bridge was safe.", "the bridge was safe"),
        ("The mayor told Mr Ochieng that the bridge was safe.", "the bridge was safe"),
        ("The minister told the Bundestag that the reform stood.", "the reform stood"),
        ("The ministry said on Telegram that the strike had hit a depot.", "the strike had hit"),
    ],
)
def test_people_and_bodies_told_are_no_relay(text, words):
    assert len(_chain(text, words)) == 1


def test_a_listed_medium_is_still_read_by_the_list():
    chain = _chain("The mayor told Reuters that the bridge was safe.", "the bridge was safe")
    assert chain[0] == "Reuters"


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        (" Joy FM's Super Morning Show that", 0, "Joy FM"),
        (" 702 that families", 0, "702"),
        (" 2023 figures", 0, None),
        (" 40 people that", 0, None),
        (" Mr Smith that", 0, None),
    ],
)
def test_name_at_reads_the_name_not_the_programme_or_a_quantity(text, pos, expected):
    got = medium_names.name_at(text, pos, len(text))
    assert (got[2] if got else None) == expected


def test_model_reads_people_as_no_media():
    model = medium_names.packaged()
    assert model is not None
    probs = model.predict_proba(["Naledi Khumalo", "Tomas Rivera", "Goldman Sachs"])
    assert max(probs) < model.threshold


def test_estimator_fits_and_round_trips():
    X = ["Radio Kestrel", "Kestrel FM", "Kestrel TV", "Anna Berg", "John Kestrel", "Tom Berg"]
    y = [1, 1, 1, 0, 0, 0]
    model = medium_names.MediumNames(C=10.0, threshold=0.5).fit(X, y)
    again = medium_names.MediumNames.from_json(model.to_json())
    assert again.predict_proba(X) == model.predict_proba(X)


def test_packaged_weights_are_what_the_training_script_builds():
    # the model file is built from the repo's media list and dev sets by one command
    out = subprocess.run(
        [sys.executable, str(ROOT / "framing" / "eval" / "train_medium_names.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr
