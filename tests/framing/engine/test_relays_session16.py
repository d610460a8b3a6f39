"""Session 16 (issue 10): agency credits in the forms agencies and their subscribers really
use, found on the relay dev sets where the dateline origin was missed — PA's bylines and bare
closing "PA", a credit right after the date with no brackets (Kyodo, AAP, Armenpress), ENA's
"December 3/2026", a credit closing the text as its last sentence ("ANSA.") or with the
desk's initials ("AAP dh/jm", AFP's "bur/gd"), an agency's name and initials after a dash, and
Ukrinform's "… Ukrinform reports." closing the first paragraph. Names that are words or names
elsewhere ("PA", "MAP", "Petra") are credits only in those slots."""

from __future__ import annotations

import pytest

from framing import engine
from framing.engine import attribution as att
from framing.engine import media, speaker_context
from framing.engine.quotes import QuoteFound
from framing.engine.relays import wire_origin

STORY = "\n\nThe council said it would publish its plan in the spring.\n\nThe vote is on Monday."


@pytest.mark.parametrize(
    ("text", "name", "credit"),
    [
        # PA's bylines: the agency, then the desk, the beat or the nation it covers
        ("By Ella Pickering, PA Business Reporter" + STORY, "PA Media", "PA"),
        ("By Hannah Cole, PA Political Staff" + STORY, "PA Media", "PA"),
        ("By Fiona Gallacher, PA Scotland" + STORY, "PA Media", "PA"),
        ("By Rob Kinsella, PA Home Affairs Correspondent" + STORY, "PA Media", "PA"),
        # the agency after the date, no brackets
        (
            "TOKYO, Dec. 3 Kyodo - Hoshizora Motor Co. said it would recall cars." + STORY,
            "Kyodo",
            "Kyodo",
        ),
        (
            "SYDNEY, Dec 3 AAP - Samoa have appointed a new coach." + STORY,
            "Australian Associated Press",
            "AAP",
        ),
        (
            "YEREVAN, DECEMBER 3, ARMENPRESS. Armenia's foreign minister will travel." + STORY,
            "Armenpress",
            "ARMENPRESS",
        ),
        # ENA's date with the year after a slash, with and without a dash
        (
            "Addis Ababa, December 3/2026 (ENA) - The third turbine is running." + STORY,
            "ENA",
            "ENA",
        ),
        ("Addis Ababa, December 3/2026 (ENA) The fourth turbine is running." + STORY, "ENA", "ENA"),
        # closing credits
        (
            "Kathmandu, Dec 3: The government capped permits." + STORY + "\n\nRSS",
            "Rastriya Samachar Samiti",
            "RSS",
        ),
        (
            "Casablanca - The region extended water limits." + STORY + "\n\n(MAP)",
            "Maghreb Arabe Presse",
            "MAP",
        ),
        ("Liverpool's hospital declared a critical incident." + STORY + "\n\nPA", "PA Media", "PA"),
        ("A police force failed to record reports." + STORY + "\n\n– PA", "PA Media", "PA"),
        (
            "JOHANNESBURG – A clinic closed." + STORY + "\n\n– African News Agency (ANA)",
            "African News Agency",
            "African News Agency",
        ),
        (
            "SYDNEY - Samoa named a coach." + STORY + "\n\nAAP dh/jm",
            "Australian Associated Press",
            "AAP",
        ),
        (
            "ROME, DEC 3 - Workers will strike."
            + STORY
            + " It has been run by the state since 2024. "
            "ANSA.",
            "ANSA",
            "ANSA",
        ),
        (
            "The club apologised for the rise in prices." + STORY + "\n\nbur/gd",
            "Agence France-Presse",
            "AFP",
        ),
        # a place with any letters, a date in the agency's language
        (
            "Gdańsk, Dec 3 (PAP) - A shipyard signed a contract." + STORY,
            "Polish Press Agency",
            "PAP",
        ),
        ("Lisboa, 03 dez 2026 (Lusa) - The new metro line opened." + STORY, "Lusa", "Lusa"),
        # closing lines: a sign-off after the credit, a broadcaster or a paper after a dash,
        # "Additional reporting by" an agency known only in slots
        ("The yard hired welders." + STORY + "\n\nPAP mw/ kar/", "Polish Press Agency", "PAP"),
        ("The metro opened." + STORY + "\n\nLusa/Fim", "Lusa", "Lusa"),
        ("Water charges will rise." + STORY + "\n\n- RNZ", "RNZ", "RNZ"),
        ("A kindergarten has closed." + STORY + "\n\n- Stuff", "Stuff", "Stuff"),
        (
            "The cost of the road rose." + STORY + "\n\n- NZ Herald",
            "New Zealand Herald",
            "NZ Herald",
        ),
        (
            "The ferry is delayed again." + STORY + "\n\nAdditional reporting by PA.",
            "PA Media",
            "PA",
        ),
        # Bloomberg's closing desk line
        (
            "The Fed may hold rates." + STORY + "\n\n--With assistance from Catarina Saraiva.",
            "Bloomberg",
            "Bloomberg",
        ),
        # Ukrinform's own line closing the first paragraph
        (
            "Ukraine needs more air defence systems, President Volodymyr Zelensky has said. "
            "Ukrinform reports." + STORY,
            "Ukrinform",
            "Ukrinform",
        ),
        (
            "A strike damaged a power plant, cutting power to 60,000 homes, an Ukrinform "
            "correspondent reports." + STORY,
            "Ukrinform",
            "Ukrinform",
        ),
    ],
)
def test_an_agency_credit_in_its_real_form_is_the_origin(text: str, name: str, credit: str) -> None:
    origin = wire_origin(text)
    assert origin is not None
    assert (origin.name, origin.credit) == (name, credit)
    # the credit's offsets are its words in the text (a desk signature: its line)
    assert text[origin.start : origin.end] == credit or origin.credit in ("AFP", "Bloomberg")


@pytest.mark.parametrize(
    "text",
    [
        # a relay in the lede is no credit, nor a past-tense report
        "Ukraine needs air defence, Interfax reported." + STORY,
        "Ukraine needs air defence, the minister told Interfax." + STORY,
        # a slot name spoken in running text
        "He was speaking to PA at the launch." + STORY,
        "The decision was criticised by the opposition. MAP." + STORY + " Turnout was low.",
        "By Jane Doe, Staff Writer" + STORY,
        "MOSCOW, Dec 3 - Russia said it would respond." + STORY,
        # a closing sentence that ends in a medium it names is no credit line
        "The club apologised." + STORY + " The manager later told Reuters.",
    ],
)
def test_no_credit_is_read_where_none_stands(text: str) -> None:
    assert wire_origin(text) is None


def test_slot_names_are_known_only_in_credit_slots() -> None:
    # "PA", "MAP" and "Petra" are words or names in running text: the list keeps them out of
    # the names every pattern reads, and gives them to the credit slots alone
    assert "PA" not in media.names()
    assert "Petra" not in media.names()
    assert {"PA", "MAP", "Petra"} <= set(media.names(slots=True))
    text = "Petra Novak, the mayor, said the bridge would reopen, she told reporters."
    assert not any(len(q.chain) > 1 for q in engine.analyze(text).quotes), (
        "a given name is no medium"
    )


def _quote(text: str, words: str):  # the engine's quote or clause holding ``words``
    return next(q for q in engine.analyze(text).quotes if words in text[q.start : q.end])


def _chain(text: str, words: str) -> list[str]:
    return [h if isinstance(h, str) else h.text for h in _quote(text, words).chain]


@pytest.mark.parametrize("after", ["following talks with Fidan", "amid protests in Istanbul"])
def test_a_circumstance_after_the_verb_is_no_reported_clause(after: str) -> None:
    # "following" and "amid" open a circumstance, as "after" does: the clause is before
    text = f"Russia is ready to discuss guarantees for shipping, Lavrov said {after}."
    q = _quote(text, "guarantees")
    assert text[q.start : q.end] == "Russia is ready to discuss guarantees for shipping"
    assert q.speaker == "Lavrov"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the source's short form in brackets closes the sentence
        (
            "Durón had 41.2 per cent of the vote with 88 per cent of tally sheets counted, "
            "according to the National Electoral Council (CNE).",
            "41.2 per cent",
            "the National Electoral Council",
        ),
        (
            "A wildfire forced about 3,000 people from their homes on Thursday, according to "
            "the National Disaster Prevention and Response Service (Senapred).",
            "A wildfire",
            "the National Disaster Prevention and Response Service",
        ),
        # a medium's own figures, and what they rest on
        (
            "Foreign investors were net buyers of 1.2 trillion won of shares, according to "
            "Reuters calculations based on exchange data.",
            "net buyers",
            "Reuters",
        ),
        (
            "According to an AFP tally based on air force data, Russia has fired more than 5,600 "
            "drones at Ukraine in November.",
            "5,600 drones",
            "an AFP tally",
        ),
        (
            "Traders now see an 87 per cent chance of a cut, according to the CME FedWatch tool.",
            "87 per cent",
            "the CME FedWatch",
        ),
    ],
)
def test_according_to_forms_name_the_source(text: str, words: str, speaker: str) -> None:
    q = _quote(text, words)
    assert q.speaker == speaker
    assert "according" not in text[q.start : q.end].lower()


def test_the_agency_after_a_quotes_own_tag_relays_the_quote_and_what_follows() -> None:
    text = (
        "Russia and the United States have not agreed a date for talks, Kremlin spokesman "
        "Dmitry Peskov said on Thursday, according to the state news agency TASS.\n\n"
        '"There is contact at the working level," Peskov told reporters on a conference call, '
        "the agency reported. Moscow remained open to dialogue, he added."
    )
    assert _chain(text, "There is contact") == ["TASS", "Dmitry Peskov"]
    assert _chain(text, "Moscow remained open") == ["TASS", "Dmitry Peskov"]


def test_a_government_body_named_the_agency_stays_unrelayed() -> None:
    # "the agency" names a news agency only when the article has heard from one
    text = (
        "The EPA issued a rule on Monday.\n\n"
        '"We are done," Administrator Jane Roe told reporters, the agency said.'
    )
    assert _chain(text, "We are done") == ["Administrator Jane Roe"]


def test_a_transcript_released_by_one_body_and_reported_by_a_medium() -> None:
    text = (
        "According to a transcript released by the Kremlin and reported by TASS, President "
        "Vladimir Putin told members of his Security Council on Wednesday that Russia would "
        "respond in kind."
    )
    q = _quote(text, "respond in kind")
    assert text[q.start : q.end] == "Russia would respond in kind"
    assert _chain(text, "respond in kind") == ["TASS", "President Vladimir Putin"]


def test_a_name_and_its_short_form_in_brackets_are_one_medium() -> None:
    text = (
        "Financing of $1.2 billion had been secured from two development banks, according to "
        "the official Angola Press agency (Angop)."
    )
    # whichever rules read the name, the short form in brackets is no relay of it
    assert len(_chain(text, "Financing")) == 1
    # two rules that read each make one link, named by the short form
    long_start = text.index("the official")
    long = att.SpeakerHit(
        long_start, text.index(" (Angop)"), "the official Angola Press agency", "according to"
    )
    short = att.SpeakerHit(text.index("Angop"), text.index("Angop") + 5, "Angop", "relayed")
    q = QuoteFound(0, text.index(", according"), "reported", long, (short, long))
    speaker_context.merge_short_forms(text, q)
    assert [h.text for h in q.chain] == ["Angop"] and q.speaker is short


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        # a capital "The" inside a sentence opens a paper's title, one the list lacks too
        (
            "Logistics consultant Rania Haddad told The Morning Lantern that the free zone had "
            "grown.",
            "the free zone",
            ["The Morning Lantern", "Rania Haddad"],
        ),
        # a hyphenated name goes on past a kind word the list knows
        (
            "Rania Haddad told The Lantern-Gazette that the free zone had grown.",
            "the free zone",
            ["The Lantern-Gazette", "Rania Haddad"],
        ),
        (
            "According to The Courier-Mail, subcontractors had not been paid since September. "
            "The paper quoted tiler Dean Fraser as saying he was owed $90,000.",
            "he was owed",
            ["The Courier-Mail", "Dean Fraser"],
        ),
        # a regional broadcaster by its kind is the one named before, never "Catalan"
        (
            "Deputy mayor Laia Ferrer told TV3 that the freeze would give the council time. "
            "About 1,800 licences would not be renewed, she told the Catalan broadcaster.",
            "About 1,800",
            ["TV3", "Laia Ferrer"],
        ),
        # where the speaker is from is no part of the name the relay is carried by
        (
            "Sheep farmer Ulrike Brandt from Upper Lusatia told MDR that she had lost 43 animals. "
            '"I go to bed and wonder what I will find," she said.',
            "I go to bed",
            ["MDR", "Ulrike Brandt"],
        ),
    ],
)
def test_media_named_and_carried(text: str, words: str, chain: list[str]) -> None:
    assert _chain(text, words) == chain


@pytest.mark.parametrize(
    "text",
    [
        "The minister told Smith that the plan was dead.",
        "The mayor told 40 people that the bridge was safe.",
        "The envoy told The Hague court that the plan was dead.",
    ],
)
def test_people_counts_and_places_told_are_no_relay(text: str) -> None:
    q = engine.analyze(text).quotes[0]
    assert len(q.chain) == 1


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        # the sentence's subject met someone and said it; the medium closing it relays him
        (
            "Chinese Premier Li Qiang met Brazil's foreign minister in Beijing on Thursday and "
            "said China was willing to deepen cooperation, according to a report by Xinhua.",
            "China was willing",
            ["Xinhua", "Chinese Premier Li Qiang"],
        ),
        # a paper named before quotes "him": the person the sentence before named
        (
            "The commission's chairman, Than Soe, said voting had been held in 100 townships, "
            "according to the state-run Global New Light of Myanmar. A third phase would be held "
            "in January, the newspaper quoted him as saying.",
            "A third phase",
            ["Global New Light of Myanmar", "Than Soe"],
        ),
        # a paper the list knows, after a clause its speaker opens
        (
            "Than Soe said voting had been held without incidents, according to The Hindu.",
            "voting had been held",
            ["The Hindu", "Than Soe"],
        ),
        # an adviser is a person "he" may stand for
        (
            "Philippine National Security Adviser Eduardo Año told GMA News that Manila would "
            "continue patrols. Two crew members were slightly hurt, he told the network.",
            "Two crew members",
            ["GMA News", "Philippine National Security Adviser Eduardo Año"],
        ),
        # a name ends at a full stop after a word; a field before a paper's kind is no name
        (
            "The appeal was filed on Wednesday, the lawyer, Annika Berg, told Sveriges Radio's "
            "local station P4 Västernorrland. The council had not made the assessment the law "
            "requires, she told the station.",
            "The council had not",
            ["P4 Västernorrland", "Annika Berg"],
        ),
        (
            "His team manager, speaking to the Spanish sports daily Marca, said the team had "
            "never doubted him.",
            "never doubted",
            ["Marca", "His team manager"],
        ),
    ],
)
def test_speakers_and_relays_of_relays_dev30_to_34_forms(
    text: str, words: str, chain: list[str]
) -> None:
    assert _chain(text, words) == chain


def test_a_paper_named_by_a_word_keeps_its_kind() -> None:
    # "AS" alone reads as the word "as": the link keeps the kind the text gives it
    text = "His team manager, speaking to the Spanish sports daily AS, said the team was united."
    assert _chain(text, "the team was united")[0] == "Spanish sports daily AS"


def test_a_later_interview_is_carried_back_no_further_than_a_news_conference() -> None:
    text = (
        "TOKYO, Dec. 3 (Kyodo) -- Olympic medalist swimmer Rina Takeda said Thursday she will "
        "retire after the national championships.\n\n"
        '"I have given everything to the pool. I want to leave while I still love it," the '
        "29-year-old told a news conference in Tokyo.\n\n"
        "In an interview with Japanese broadcaster NHK aired later in the day, Takeda said she "
        "hoped to coach young swimmers."
    )
    assert "NHK" not in _chain(text, "I have given everything")
    assert "NHK" not in _chain(text, "she will retire")
    assert "NHK" in _chain(text, "hoped to coach")
