"""A medium reporting a remark somebody had made to others ("The news site Kestrel Online,
citing an interview on Radio Varo, said the union's head, Ana Brel, had told the station that
…"): the clause after the inner "that" is that person's, heard through the medium and whom it
cites; the relay stays with that remark."""

from __future__ import annotations

import pytest

from framing import engine


def _clause(text: str, words: str):
    return next(q for q in engine.analyze(text).quotes if words in q.text)


@pytest.mark.parametrize(
    ("text", "words", "speaker", "relays"),
    [
        (
            "The news site Kestrel Online, citing an interview on Radio Varo, said the head of "
            "the dockers' union, Ana Brel, had told the station that a strike would start on "
            "Monday.",
            "a strike would start on Monday",
            "Ana Brel",
            ["Kestrel Online", "Radio Varo"],
        ),
        (
            "The agency Norpress, citing the tabloid Dagsposten, reported that Halvorsen had "
            "told party leaders at a lunch on Friday that he expected the budget to pass.",
            "he expected the budget to pass",
            "Halvorsen",
            ["Norpress", "Dagsposten"],
        ),
        (
            "Reuters reported that the chief executive had told Radio Free Asia that output "
            "would fall by a third.",
            "output would fall by a third",
            "the chief executive",
            ["Reuters", "Radio Free Asia"],
        ),
    ],
)
def test_a_remark_reported_second_hand_is_the_speakers_heard_through_the_media(
    text: str, words: str, speaker: str, relays: list[str]
) -> None:
    q = _clause(text, words)
    assert q.kind == "reported" and q.text.startswith(words)
    assert q.speaker is not None and speaker in q.speaker
    assert len(q.chain) == len(relays) + 1
    for link, name in zip(q.chain, relays, strict=False):
        assert name in link


def test_without_a_medium_the_outer_speaker_keeps_the_clause() -> None:
    q = _clause("The minister said the general had told him that the army was ready.", "the army")
    assert q.speaker == "The minister" and len(q.chain) == 1


def test_the_relay_of_a_second_hand_remark_is_not_carried_to_the_speakers_other_words() -> None:
    text = (
        "Finance Minister Pia Halvorsen told parliament that the budget would not be reopened.\n\n"
        "The agency Norpress, citing the tabloid Dagsposten, reported that Halvorsen had told "
        "party leaders at a lunch on Friday that she expected the budget to pass."
    )
    q = _clause(text, "the budget would not be reopened")
    assert len(q.chain) == 1


@pytest.mark.parametrize(
    ("text", "words", "medium"),
    [
        ("Channel 7 News reported that the talks had stalled.", "the talks", "Channel 7 News"),
        ("Kanal 24 said the border crossing was closed.", "the border", "Kanal 24"),
    ],
)
def test_a_medium_with_a_number_in_its_name_is_the_whole_name(
    text: str, words: str, medium: str
) -> None:
    q = _clause(text, words)
    assert q.speaker == medium


def test_a_medium_carrying_another_ones_report_is_the_outer_relay() -> None:
    q = _clause(
        "A member of the budget committee, Omid Farahani, was quoted by the semi-official "
        "Mehrab news agency, as cited by Reuters, as saying the plan had not been debated.",
        "the plan had not been debated",
    )
    assert q.speaker is not None and "Omid Farahani" in q.speaker
    assert len(q.chain) == 3 and q.chain[0] == "Reuters" and "Mehrab" in q.chain[1]


@pytest.mark.parametrize(
    ("text", "words", "medium", "source"),
    [
        (
            "The daily Vesna, citing data from the industry ministry, reported that 11 smelters "
            "had cut output in November.",
            "11 smelters had cut output",
            "Vesna",
            "data from the industry ministry",
        ),
        (
            "Le Monde reported, citing the minister's entourage, that the government was ready "
            "to exempt small towns.",
            "the government was ready",
            "Le Monde",
            "the minister's entourage",
        ),
        (
            "The Wall Street Journal reported earlier on Wednesday, citing bankers involved, "
            "that advisers had been hired on both sides.",
            "advisers had been hired",
            "Wall Street Journal",
            "bankers involved",
        ),
    ],
)
def test_any_short_source_a_medium_cites_is_the_speaker_it_relays(
    text: str, words: str, medium: str, source: str
) -> None:
    q = _clause(text, words)
    assert q.text.startswith(words)
    assert q.speaker == source
    assert len(q.chain) == 2 and medium in q.chain[0]


def test_a_reason_given_while_saying_something_is_no_source() -> None:
    q = _clause("The company, citing high costs, said it would close the plant.", "close the plant")
    assert q.speaker == "The company" and len(q.chain) == 1


def test_a_medium_quoted_by_its_short_form_is_the_relay() -> None:
    q = _clause(
        "In Izmir, a dock worker, Emre Kaya, was quoted by the Anadol News Agency (ANH) as "
        "saying his rent had doubled.",
        "his rent had doubled",
    )
    assert q.chain[0] == "ANH" and "Emre Kaya" in (q.speaker or "")


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("The minister told Śląsk Radio that the mine would stay open.", "Śląsk Radio"),
        ("The mayor told Észak Radio that the bridge would reopen.", "Észak Radio"),
    ],
)
def test_a_medium_whose_name_opens_with_a_letter_outside_ascii_is_named_whole(
    text: str, medium: str
) -> None:
    q = _clause(text, "would")
    assert q.chain[0] == medium


@pytest.mark.parametrize(
    ("text", "medium", "speaker"),
    [
        (
            "Dravia also criticised the drills. Its foreign ministry called the exercise "
            '"a reckless show of force near our waters", according to Dravia\'s state news '
            "agency DNA.",
            "DNA",
            "foreign ministry",
        ),
        (
            "The opposition party described the budget as “a gift to the banks and nobody "
            "else”, according to the Kapital daily.",
            "Kapital",
            "opposition party",
        ),
    ],
)
def test_a_medium_named_by_kind_and_name_after_a_quote_relays_the_sentences_subject(
    text: str, medium: str, speaker: str
) -> None:
    partial = [q for q in engine.analyze(text).quotes if q.kind == "partial"]
    assert len(partial) == 1
    q = partial[0]
    assert q.speaker is not None and speaker in q.speaker
    assert len(q.chain) == 2 and medium in q.chain[0]


def test_a_predicate_after_and_shares_the_quotes_speaker_and_relay() -> None:
    text = (
        'The Velmar embassy in Brno called the expulsion "a provocation" and promised a '
        "response, Radio Brno reported, citing the Nordpress news agency."
    )
    q = _clause(text, "promised a response")
    assert q.speaker is not None and "embassy" in q.speaker
    assert len(q.chain) == 3 and q.chain[0] == "Radio Brno"


def test_its_office_belongs_to_the_subject_of_the_sentence_before_not_the_last_speaker() -> None:
    text = (
        "A spokesperson for Lorvia's foreign ministry said the exercise was routine and urged "
        "calm.\n\nDravia, which has close ties to Velmar, also criticised the drills. Its "
        'foreign ministry called the exercise "a reckless show of force near our waters", '
        "according to Dravia's state news agency DNA."
    )
    partial = [q for q in engine.analyze(text).quotes if q.kind == "partial"]
    q = partial[-1]
    assert q.speaker is not None and q.speaker.startswith("Dravia")
    assert q.chain[0] == "DNA"
