"""Session 14 (issue 10): a medium that cites an interview or remarks someone gave to another
medium is a chain of three ("Global News, citing an interview the premier gave to 630 CHED");
"he told the channel" after "told bTV" is bTV, a name with its capital inside."""

from __future__ import annotations

import pytest

from framing import engine


def _chain(text: str, words: str) -> tuple[str, ...]:
    q = next(q for q in engine.analyze(text).quotes if words in q.text)
    return tuple(h if isinstance(h, str) else h.text for h in q.chain)


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "Global News, citing an interview the premier gave to 630 CHED, reported that the "
            "savings would come from administration.",
            "the savings would come",
            ("Global News", "630 CHED", "the premier"),
        ),
        (
            "The news site Seneweb, relaying remarks the mayor of Saint-Louis made on the radio "
            "station RFM, reported that the city's morgue had run out of space.",
            "the city's morgue",
            ("Seneweb", "RFM", "the mayor of Saint-Louis"),
        ),
        (
            "BioBioChile, citing what the Quilpué fire chief told Radio Cooperativa, said the "
            "fire had been started deliberately.",
            "the fire had been started",
            ("BioBioChile", "Radio Cooperativa", "the Quilpué fire chief"),
        ),
        (
            "Ilta-Sanomat, citing an interview the head of the Service Union gave to MTV "
            "Uutiset, said other unions were considering sympathy action.",
            "other unions were considering",
            ("Ilta-Sanomat", "MTV Uutiset", "the head of the Service Union"),
        ),
    ],
)
def test_a_medium_citing_an_interview_given_to_another_is_a_chain_of_three(
    text: str, words: str, chain: tuple[str, ...]
) -> None:
    assert _chain(text, words) == chain


def test_the_channel_a_speaker_told_is_the_name_with_its_capital_inside() -> None:
    text = (
        "Bulgarian National Television quoted environmental inspectors as saying untreated "
        "water had been released into the sea. The public broadcaster said the utility had "
        "been fined.\n\nThe head of the hotels association, Emil Stoyanov, told bTV that the "
        "project was late but welcome. Foreign tour operators had started asking about water "
        "quality, he told the channel."
    )
    assert _chain(text, "Foreign tour operators") == ("bTV", "Emil Stoyanov")
