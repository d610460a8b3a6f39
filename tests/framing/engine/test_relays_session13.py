"""Session 13 (issue 10): media named by their nation and kind ("Russian news agencies",
"Lebanese television", "the Palestinian news agency") are whole links, never a lone
adjective; a kind phrase with no "the" stands for no medium named earlier; "state" ends no
name; the learned link leaves people's names alone but not media words it may not know."""

from __future__ import annotations

import pytest

from framing import engine
from framing.engine import relay_linker as rl
from framing.engine.media_descriptors import display_name


def _chain(text: str, words: str) -> tuple[str, ...]:
    q = next(q for q in engine.analyze(text).quotes if words in q.text)
    return tuple(h if isinstance(h, str) else h.text for h in q.chain)


@pytest.mark.parametrize(
    ("text", "words", "link"),
    [
        (
            "The ministry said, according to Russian news agencies, that two drones were downed.",
            "two drones were downed",
            "Russian news agencies",
        ),
        (
            "Speaking to Indonesian media, the mayor said the coastal road was open again.",
            "the coastal road was open",
            "Indonesian media",
        ),
        (
            "The minister said the talks had failed, the Palestinian news agency reported.",
            "the talks had failed",
            "the Palestinian news agency",
        ),
        (
            "Ms Lee told Chinese state television that exports had risen in November.",
            "exports had risen",
            "Chinese state television",
        ),
    ],
)
def test_a_medium_named_by_nation_and_kind_is_one_link(text, words, link):
    chain = _chain(text, words)
    assert chain[0] == link and len(chain) == 2


def test_a_kind_phrase_without_the_is_no_medium_named_before():
    text = (
        "The ministry said, according to Russian news agencies, that two drones were downed.\n\n"
        "General Aoun told Lebanese television that the army was ready."
    )
    assert _chain(text, "the army was ready")[0] == "Lebanese television"


def test_display_name_keeps_a_nation_s_medium_and_state_whole():
    assert display_name("Lebanese television") == "Lebanese television"
    assert display_name("Chinese state television") == "Chinese state television"
    assert display_name("The Star newspaper") == "The Star"  # a paper's name keeps its cut


def test_the_learned_link_leaves_a_person_told_but_not_an_unknown_masthead():
    assert rl._personal_name("Maria Lopez")
    assert not rl._personal_name("Harbour Wire")  # "Wire" is a medium's word
    assert not rl._personal_name("Rappler")  # one word: the role decides


@pytest.mark.parametrize(
    ("text", "words", "link"),
    [
        (
            "The general told the Pakistani broadcaster that troops were ready.",
            "troops were ready",
            "Pakistani broadcaster",
        ),
        (
            "The minister said the deal was near, Hebrew media reported.",
            "the deal was near",
            "Hebrew media",
        ),
        (
            "The senator told the Nigerian newspaper that the bill was dead.\n\n"
            "The mayor said the water was safe, the Egyptian daily reported.",
            "the water was safe",
            "the Egyptian daily",  # not the Nigerian paper, and not a lone "the Egyptian"
        ),
    ],
)
def test_a_nation_s_medium_by_kind_stands_for_itself(text, words, link):
    chain = _chain(text, words)
    assert chain[0] == link and len(chain) == 2


@pytest.mark.parametrize(
    "source", ["media reports", "local media reports", "Israeli media reports"]
)
def test_according_to_media_reports_opens_no_speaker(source):
    # the speaker was "according to media", with "reports" read as its verb
    text = f"The officer said the raid was over, according to {source}."
    q = next(q for q in engine.analyze(text).quotes if "the raid was over" in q.text)
    assert not q.speaker.lower().startswith("according")
    assert not any(h.lower().startswith("according") for h in q.chain)
    assert q.chain[0] == source.removesuffix(" reports")


def test_a_nation_s_media_reports_relay_the_speaker_of_the_clause():
    text = "The officer said the raid was over, according to Israeli media reports."
    q = next(q for q in engine.analyze(text).quotes if "the raid was over" in q.text)
    assert q.speaker == "The officer" and q.chain == ("Israeli media", "The officer")
