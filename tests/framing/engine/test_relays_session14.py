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


@pytest.mark.parametrize(
    ("text", "words", "link"),
    [
        (
            "Deputy Minister Arman Sargsyan, in an interview with Armenian public television, "
            "said Yerevan would go to Istanbul.",
            "Yerevan would go",
            "Armenian public television",
        ),
        (
            "In an interview with Israel's public broadcaster Kan, Defence Minister Eitan Barak "
            "said the plan was sound.",
            "the plan was sound",
            "Kan",
        ),
        (
            "In an interview with Russia's RIA Novosti, the envoy said the talks were over.",
            "the talks were over",
            "RIA Novosti",
        ),
        (
            "The minister told Polish private broadcaster TVN24 that the border was sealed.",
            "the border was sealed",
            "TVN24",
        ),
        (
            "The minister told the Italian daily Corriere della Sera that the bridge would be "
            "built.",
            "the bridge would be built",
            "Corriere della Sera",
        ),
        (
            "Speaking on Guardian Australia's politics podcast, former MP Jessica Lamb said "
            "dropping the target would cost the party seats.",
            "dropping the target",
            "Guardian Australia",
        ),
    ],
)
def test_a_nations_word_or_a_cut_name_is_never_the_whole_link(
    text: str, words: str, link: str
) -> None:
    assert _chain(text, words)[0] == link


def test_a_region_and_demonym_is_no_persons_name() -> None:
    # "South Korean" was read as a first and last name, and "The minister" as that person
    text = (
        "The minister told South Korean broadcaster KBS that the drills would go ahead. The "
        "minister told Swiss public broadcaster SRF that the bank was stable."
    )
    q = next(q for q in engine.analyze(text).quotes if "the bank was stable" in q.text)
    assert q.speaker == "The minister"


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "As reported by Axios, Haskins told donors at a fundraiser that the pledge was a "
            "stunt.",
            "the pledge was a stunt",
            ("Axios", "Haskins"),
        ),
        (
            "As Reuters reported on Monday, the company plans to cut 500 jobs.",
            "the company plans",
            ("Reuters",),
        ),
    ],
)
def test_an_opening_as_is_no_part_of_the_speaker(
    text: str, words: str, chain: tuple[str, ...]
) -> None:
    assert _chain(text, words) == chain


def test_a_pronoun_is_never_a_relay_link() -> None:
    text = (
        "SEOUL — North Korea tested a solid-fuel engine for a new strategic cruise missile on "
        "Tuesday, it said on Wednesday, "
        "according to AFP, citing a statement carried by the official Korean Central News "
        "Agency (KCNA)."
    )
    chain = _chain(text, "North Korea tested")
    assert "it" not in chain and chain[:2] == ("AFP", "KCNA")


def test_it_quoted_after_a_named_agency_spoke_is_that_agency() -> None:
    text = (
        "The judiciary's Mizan news agency confirmed the sentence. It quoted the province's "
        "chief justice, Ahmad Rostami, as saying that the man had encouraged rioting. The "
        "sentence could still be appealed, Rostami told the agency."
    )
    assert _chain(text, "could still be appealed") == ("Mizan", "Ahmad Rostami")


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "WASHINGTON (AP) — A senior Republican senator said Sunday that Congress was "
            "unlikely to pass the bill before March.\n\nSen. Dana Whitfield of Nebraska told "
            "CBS's Face the Nation that negotiators remained about $40 billion apart.",
            "Congress was unlikely",
            ("Associated Press", "CBS", "A senior Republican senator"),
        ),
        (
            "The Minister for Housing has defended plans to let landlords reset rents, saying "
            "the change was needed to draw investment back.\n\nIn an interview with The Irish "
            "Times, Niall Brennan said the number of apartments starting construction had "
            "fallen.",
            "the change was needed",
            ("The Irish Times", "The Minister for Housing"),
        ),
        (
            "Pennsylvania Gov. Martin Esposito says he is open to suspending the gas tax.\n\n"
            "Esposito made the comments on the Pod Save America podcast, saying families were "
            "spending more on fuel than on groceries.",
            "families were spending",
            ("Pod Save America", "Pennsylvania Gov. Martin Esposito"),
        ),
    ],
)
def test_the_lede_was_said_where_the_next_paragraph_says(
    text: str, words: str, chain: tuple[str, ...]
) -> None:
    assert _chain(text, words) == chain


def test_a_bodys_lede_keeps_no_relay_of_the_person_who_spoke_next() -> None:
    text = (
        "ISLAMABAD - Pakistan will raise gas prices by 18% from January, the petroleum "
        "division said on Wednesday.\n\nPetroleum Minister Khalid Zaidi said in comments "
        "published by Dawn that the increase would not apply to households."
    )
    assert _chain(text, "Pakistan will raise") == ("the petroleum division",)


def test_a_link_never_ends_in_a_possessive() -> None:
    text = (
        "TOKYO, Dec 3 (Reuters) - Kanzaki Robotics will cut 2,000 jobs, Chief Executive Hiroshi "
        "Tanabe said on Thursday.\n\nThe Nikkei business daily reported that the company was "
        "also in talks to sell a unit. Tanabe told TV Tokyo's evening business programme that no "
        "sale had been agreed."
    )
    chain = _chain(text, "no sale had been agreed")
    assert "TV Tokyo" in chain and "TV Tokyo's" not in chain


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "The ministry said the drills were a provocation, the Korean Central News Agency "
            "reported, according to Yonhap.",
            "the drills were a provocation",
            ("Yonhap", "KCNA", "The ministry"),
        ),
        (
            "The ministry said the drills were a rehearsal for invasion, according to the "
            "Korean Central News Agency, as cited by TASS.",
            "a rehearsal for invasion",
            ("TASS", "KCNA", "The ministry"),
        ),
        (
            "The statement, carried by KCNA and relayed by Russian news agency TASS, said the "
            "drills were a provocation.",
            "the drills were a provocation",
            ("TASS", "KCNA", "The statement"),
        ),
        (
            "A spokesman for the ministry told KCNA that the drills were a provocation, TASS "
            "reported.",
            "the drills were a provocation",
            ("TASS", "KCNA", "A spokesman for the ministry"),
        ),
        (
            "According to TASS, which cited North Korea's official KCNA news agency, the "
            "ministry said the drills were a provocation.",
            "the drills were a provocation",
            ("TASS", "KCNA", "the ministry"),
        ),
    ],
)
def test_the_medium_that_carried_anothers_report_is_outermost(
    text: str, words: str, chain: tuple[str, ...]
) -> None:
    assert _chain(text, words) == chain
