"""Relays named by a descriptor ("the magazine", "the Tarrow TV station KTVR", "The Star
newspaper") and relays named in an earlier sentence of the same interview ("… told Radio
Kestrel … , the minister added")."""

from __future__ import annotations

import pytest

from framing import engine
from framing.engine.media_descriptors import descriptor_kind, display_name, medium_kind
from framing.engine.speaker_context import speaker_kind


def _quotes(text: str) -> list:
    return [q for q in engine.analyze(text).quotes if q.kind != "scare"]


def _chain(text: str, words: str) -> list[str]:
    q = next(q for q in _quotes(text) if words in text[q.start : q.end])
    return list(q.chain)


@pytest.mark.parametrize(
    ("text", "words", "relay"),
    [
        # named earlier in the text, then called by its kind
        (
            "Union leader Pavel Dusek told the weekly Tydenik Sever on Monday that the strike "
            "would go on. “We are not moving,” Dusek told the magazine.",
            "We are not moving",
            "Tydenik Sever",
        ),
        # a kind phrase with its name in apposition
        (
            "A police spokesman, Ivo Marsh, told the Tarrow TV station KTVR that the road was "
            "closed.",
            "the road was closed",
            "KTVR",
        ),
        (
            "A rebel officer, Amir Sadiq, told the Qatar-owned channel Al Nadeem that his men "
            "had pulled back.",
            "his men had pulled back",
            "Al Nadeem",
        ),
    ],
)
def test_a_medium_named_by_its_kind_shows_its_name(text, words, relay):
    assert _chain(text, words)[0] == relay


def test_the_kind_picks_the_nearest_medium_of_that_kind():
    text = (
        "Fire chief Olle Berg told Radio Kestrel that two barns had burned down. The Dunmore "
        "Gazette reported that the farm was insured. The cause was not yet known, Berg told "
        "the station."
    )
    # the Gazette, a paper, is nearer but a station is a broadcaster
    assert _chain(text, "The cause was not yet known")[0] == "Radio Kestrel"


def test_a_medium_that_relayed_wins_over_one_named_in_passing():
    text = (
        "The Ostrava Herald, a daily owned by the publisher of the Kestrel Daily, quoted a "
        "miner, Jan Kolar, as saying the shaft was flooded. “We have nothing left,” Kolar told "
        "the paper."
    )
    assert _chain(text, "We have nothing left")[0] == "The Ostrava Herald"


def test_a_kind_word_after_a_name_is_not_part_of_the_name():
    text = "The Star newspaper, citing police, said three men had been arrested."
    assert _chain(text, "three men had been arrested")[0] == "The Star"
    assert display_name("DWXY radio") == "DWXY"
    assert display_name("the Funke media group") == "the Funke media group"
    assert display_name("the BBC's Today programme") == "the BBC's Today programme"


def test_an_unresolved_descriptor_stays_and_kinds_are_read_from_names():
    text = "Union leader Pavel Dusek said the strike would go on, he told the magazine."
    assert _chain(text, "the strike would go on")[0] == "the magazine"
    assert descriptor_kind("the Saudi-owned channel") == "broadcast"
    assert descriptor_kind("The i paper") is None
    assert descriptor_kind("state television") is None  # the state-media rule's
    assert medium_kind("Reno Gazette Journal") == "print"
    assert medium_kind("Citizen TV") == "broadcast"


def test_a_long_title_before_a_name_still_carries_the_relay():
    text = (
        "Fisheries and Coastal Affairs Minister Tomas Varga told Radio Kestrel on Monday that "
        "cod quotas would be cut by a fifth. The cuts would fall hardest on small boats, the "
        "minister added."
    )
    assert _chain(text, "The cuts would fall")[0] == "Radio Kestrel"


def test_a_news_conference_ends_the_interview_for_later_statements():
    text = (
        "Harbour master Ilse Brandt told Radio Kestrel that the quay would reopen on Friday."
        "\n\nThe repairs had cost more than expected, Brandt said.\n\nLater, at a news "
        "conference in Oldport, Brandt said the port would hire more pilots. Ferries would run "
        "on Sunday, Brandt added."
    )
    assert _chain(text, "The repairs had cost")[0] == "Radio Kestrel"
    assert len(_chain(text, "hire more pilots")) == 1
    assert len(_chain(text, "Ferries would run")) == 1


def test_a_joined_particle_keeps_a_name_a_person():
    # "he said" after "the UAE's minister, Saeed al-Marri, said …" looks for a person
    assert speaker_kind("Saeed al-Marri") == "person"
    assert speaker_kind("Ahmed el-Sayed") == "person"


def test_a_relay_closing_a_sentence_is_one_link():
    text = (
        "Velmar's Trade Minister, Saeed al-Marri, said on Monday that exports would rise, in "
        "remarks carried by the state news agency VNP. Tariffs would fall next year, he said."
    )
    assert _chain(text, "exports would rise")[:-1] == ["VNP"]
    assert _chain(text, "Tariffs would fall")[:-1] == ["VNP"]
