"""Session 15 (issue 10): forms found on the fresh relay sets relays_dev20–22 — an agency's
tag after "X quoted Y as saying …", an acronym in brackets before "that", "state TV" as a
whole medium, a reported clause running through a short partial quote, media named by their
nation, nation words that name no medium, sources "aware of the matter" or "who asked not to
be named", and one medium read twice."""

from __future__ import annotations

import pytest

from framing import engine
from framing.engine import attribution as att
from framing.engine import relay_linker
from framing.engine.quotes import QuoteFound


def _quote(text: str, words: str):  # the engine's quote record
    return next(q for q in engine.analyze(text).quotes if words in q.text)


def _chain(text: str, words: str) -> tuple[str, ...]:
    return tuple(h if isinstance(h, str) else h.text for h in _quote(text, words).chain)


def test_an_agency_tag_after_quoted_as_saying_is_the_outer_link_and_closes_the_clause() -> None:
    text = (
        "KCNA quoted the navy command as saying that the patrol boats had left the disputed "
        "waters, Xinhua reported."
    )
    q = _quote(text, "the patrol boats had left")
    assert q.text == "the patrol boats had left the disputed waters"
    assert _chain(text, "the patrol boats") == ("Xinhua", "KCNA", "the navy command")


def test_the_quoting_agency_named_again_by_its_kind_closes_the_clause() -> None:
    text = (
        "Anadolu quoted the governor as saying the crossing would reopen on Friday, the agency "
        "said."
    )
    q = _quote(text, "the crossing would reopen")
    assert q.text == "the crossing would reopen on Friday"
    assert _chain(text, "the crossing") == ("Anadolu", "the governor")


def test_an_acronym_in_brackets_before_that_is_no_part_of_the_clause() -> None:
    text = (
        "The foreign ministry said in a statement carried by the official Korean Central News "
        "Agency (KCNA) that the exercises were a rehearsal for an attack."
    )
    assert _quote(text, "rehearsal").text == "the exercises were a rehearsal for an attack"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Iranian state TV said the talks would resume in Muscat on Monday.", "Iranian state TV"),
        ("The talks would resume in Muscat on Monday, state TV said.", "state TV"),
    ],
)
def test_state_tv_is_the_whole_medium_never_tv_alone(text: str, speaker: str) -> None:
    assert _quote(text, "talks would resume").speaker == speaker


def test_a_reported_clause_runs_through_a_short_partial_quote() -> None:
    text = 'The spokesman told a regular briefing that there were "discrepancies" in the data.'
    clauses = [q for q in engine.analyze(text).quotes if q.kind == "reported"]
    assert [q.text for q in clauses] == ['there were "discrepancies" in the data']
    assert clauses[0].speaker == "The spokesman"


def test_a_partial_quote_before_a_closing_tag_keeps_its_own_relay() -> None:
    text = (
        "The minister told the Irish Examiner that talks with the airline had stalled. The "
        'airline was running "a negotiation by press release", he told the paper.'
    )
    assert not any(
        q.kind == "reported" and "negotiation" in q.text for q in engine.analyze(text).quotes
    )


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "Pyongyang on Friday denounced the naval drills as a rehearsal for invasion, in a "
            "statement relayed by South Korean media.",
            "a rehearsal for invasion",
            ("South Korean media", "Pyongyang"),
        ),
        (
            "The ministry said the launch had been a success, according to Japanese and South "
            "Korean media.",
            "the launch had been",
            ("Japanese and South Korean media", "The ministry"),
        ),
    ],
)
def test_media_named_by_their_nation_are_one_link(
    text: str, words: str, chain: tuple[str, ...]
) -> None:
    assert _chain(text, words) == chain


def test_nation_words_before_a_noun_are_no_candidate_for_the_learned_link() -> None:
    text = (
        "North Korea fired two cruise missiles on Friday, South Korea's military said, days "
        'after the North warned of "firmer" responses to U.S.-South Korean drills.'
    )
    at = text.index("South Korea's military")
    speaker = att.SpeakerHit(
        at, at + len("South Korea's military"), "South Korea's military", "said"
    )
    q = QuoteFound(0, 48, "reported", speaker, (speaker,))
    names = [c.text for c in relay_linker.candidates(text, 0, len(text), q)]
    assert "U.S.-South Korean" not in names
    assert "North" in names  # a capitalised name still is one


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "A merger could be announced before the end of March, the business daily Mint "
            "reported, citing people aware of the matter.",
            "A merger could be announced",
            "people aware of the matter",
        ),
        (
            "Le Quotidien, quoting a bond trader who asked not to be named, said local banks "
            "had stopped buying treasury bills.",
            "local banks had stopped",
            "a bond trader",
        ),
        (
            "The newspaper said, citing dealers in Wuhan and Chengdu, that unsold stock had "
            "doubled since the summer.",
            "unsold stock had doubled",
            "dealers in Wuhan and Chengdu",
        ),
    ],
)
def test_a_medium_citing_unnamed_sources_relays_them(text: str, words: str, speaker: str) -> None:
    q = _quote(text, words)
    assert q.speaker == speaker
    assert len(q.chain) == 2


def test_one_medium_read_twice_is_one_link_and_an_opening_but_no_part_of_a_name() -> None:
    text = (
        "State media in Pyongyang were silent. But Japan's Kyodo News, citing a commentary "
        "carried by the Korean Central News Agency late on Friday, said the North called the "
        'drills "a reckless provocation" against its sovereignty.'
    )
    chain = _chain(text, "reckless provocation")
    assert chain[:2] == ("Kyodo News", "KCNA")


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "Two schools would stay closed until the spring, regional governor Oleh Marchuk told "
            "the public broadcaster Suspilne, the Kyiv Independent reported.",
            "Two schools would stay closed",
            ("the Kyiv Independent", "Suspilne", "Oleh Marchuk"),
        ),
        (
            "A spokesman for the southern command, Colonel Ihor Levchenko, said on national "
            "television that the assaults had eased overnight.",
            "the assaults had eased",
            ("national television", "Colonel Ihor Levchenko"),
        ),
        (
            "The transitional president said a census would come before any vote, in an "
            "interview aired on Thursday by Qatari television channel Al Jazeera.",
            "a census would come",
            ("Al Jazeera", "The transitional president"),
        ),
    ],
)
def test_a_medium_told_or_named_after_its_kind_is_the_link(
    text: str, words: str, chain: tuple[str, ...]
) -> None:
    assert _chain(text, words) == chain


def test_a_nations_broadcaster_is_not_another_nations_state_agency() -> None:
    text = (
        "Russia's Defence Ministry said its forces had taken the village, the state news agency "
        "RIA Novosti reported.\n\nA Ukrainian army spokesman, Colonel Petro Hrytsenko, said on "
        "Ukrainian state television that the attack had been repelled."
    )
    assert _chain(text, "the attack had been repelled")[0] == "Ukrainian state television"


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "Al-Ahram newspaper, citing a government source, reported that the cabinet would "
            "approve the sale of two state-owned hotels next week.",
            "the cabinet would approve",
            ("Al-Ahram", "a government source"),
        ),
        (
            "Speaking on Joy FM on Thursday, the chief executive of the Ghana Grains Board "
            "(GGB), Dr Ama Owusu, said the board would announce a new floor price.",
            "the board would announce",
            ("Joy FM", "Dr Ama Owusu"),
        ),
        (
            "The French daily Le Figaro, citing an interview the group's finance chief, Hélène "
            "Marchal, gave to the business weekly Challenges, reported that a bond issue was "
            "planned for the spring.",
            "a bond issue was planned",
            ("Le Figaro", "Challenges", "the group's finance chief, Hélène Marchal"),
        ),
    ],
)
def test_media_and_speakers_named_with_a_kind_an_acronym_or_an_apposition(
    text: str, words: str, chain: tuple[str, ...]
) -> None:
    assert _chain(text, words) == chain


def test_a_lede_describing_a_nations_minister_takes_the_next_paragraphs_relay() -> None:
    text = (
        "Malawi's finance minister on Thursday defended the debt audit and said talks on a new "
        "IMF programme were close to a conclusion.\n\nSpeaking on Radio France Internationale, "
        "Finance Minister Chikondi Banda said the government had disclosed every loan to the "
        "fund."
    )
    assert _chain(text, "talks on a new IMF programme") == (
        "Radio France Internationale",
        "Malawi's finance minister",
    )


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Palm oil exports fell 4 per cent to 1.2 million tonnes, according to cargo surveyor "
            "Amspec Agri.",
            "Palm oil exports fell",
            "Amspec Agri",
        ),
        (
            "The rand has lost 6 percent this quarter, its worst run since 2020, according to "
            "Reuters calculations.",
            "The rand has lost",
            "Reuters",
        ),
        (
            "The typhoon was packing winds of 120 kilometres per hour, the state weather bureau "
            "PAGASA said in its 5 a.m. bulletin.",
            "The typhoon was packing",
            "PAGASA",
        ),
        (
            "Rainfall of 90 mm was recorded in Brest overnight, according to weather service "
            "Météo-France, which lifted its orange alert in the morning.",
            "Rainfall of 90 mm",
            "Météo-France",
        ),
    ],
)
def test_according_to_and_closing_tags_in_wire_copy(text: str, words: str, speaker: str) -> None:
    assert _quote(text, words).speaker == speaker


def test_what_the_source_of_a_closing_according_to_says_next_is_its_own() -> None:
    text = (
        "The bill passed by 188 votes to 74, according to The Standard, which said several "
        "opposition members walked out before the vote."
    )
    q = _quote(text, "several opposition members")
    assert q.text == "several opposition members walked out before the vote"
    assert q.speaker == "The Standard"


def test_a_paper_named_like_a_nation_word_keeps_its_the() -> None:
    # the learned link proposes names without "The" ("Australian" from "for The Australian");
    # alone it would read as a nation word, so the link shows the paper's whole name
    from framing.engine import speaker_context

    text = "Damien Corrie, writing in a column for The Australian, said the team was tired."
    at = text.index("Australian")
    link = att.SpeakerHit(at, at + len("Australian"), "Australian", None)
    speaker = att.SpeakerHit(0, 13, "Damien Corrie", "said")
    q = QuoteFound(text.index("the team"), len(text) - 1, "reported", speaker, (link, speaker))
    speaker_context._usual_names(text, [q])
    assert [h.text for h in q.chain] == ["The Australian", "Damien Corrie"]


def test_a_programme_named_by_its_time_is_the_broadcasters() -> None:
    text = (
        "Health Minister Ana Ruiz told ABC's 7.30 that the $2 billion package would be paid "
        "directly to hospitals."
    )
    assert _chain(text, "package would be paid") == ("ABC", "Health Minister Ana Ruiz")


def test_the_fragment_measure_skips_a_link_the_app_never_shows() -> None:
    # bench_voice counts fragments the app shows; a link that is the article's own outlet is
    # left out of every relay the app shows (framing.selectors.quote_relay)
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "bench" / "bench_voice.py"
    spec = importlib.util.spec_from_file_location("bench_voice_for_test", path)
    assert spec is not None and spec.loader is not None
    bench_voice = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_voice)
    text = "VELMARA (Velmarian) — The ministry told the Courier that talks had failed."
    q = {"speaker": "The ministry", "speaker_end": 33, "chain": ["Velmarian", "Courier", "x"]}
    assert bench_voice.is_fragment(text, q)
    assert not bench_voice.is_fragment(text, q, "Velmarian")
