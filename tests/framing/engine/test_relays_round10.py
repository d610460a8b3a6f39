"""Relay round 10 (issue 10 part 2, h-relays6): the relay forms an independent writer reported
only as counts — "told <medium>", "citing" / "cited by", "carried by" / "released through",
"according to", "quoted … as saying", "said on <programme>" — in positions and typographies the
earlier rules missed, and media that are not relays."""

import pytest

from .voice_helpers import chain_of, quote_with


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        # told <medium> after a direct quote: a name opening with its kind of medium, a kind
        # with a status word before it, an affiliate, a masthead, the medium's presenter
        (
            '"We will not back down," Interior Minister Ana Ruiz told Radio Nacional on Tuesday.',
            "We will not back down",
            ["Radio Nacional", "Interior Minister Ana Ruiz"],
        ),
        (
            "“The dam is safe,” the mayor told local radio station Onda Sur.",
            "The dam is safe",
            ["Onda Sur", "the mayor"],
        ),
        (
            '"The money never arrived," a farmer told the Daily Maverick.',
            "The money never arrived",
            ["Daily Maverick", "a farmer"],
        ),
        (
            "The sheriff told CNN affiliate WXIA that two deputies were hurt in the crash.",
            "two deputies were hurt",
            ["CNN affiliate WXIA", "The sheriff"],
        ),
        (
            "The president told CNN's Jake Tapper that the deal was dead.",
            "the deal was dead",
            ["CNN", "The president"],
        ),
        (
            "Union leader Mark Bell told regional newspaper the Northern Echo that the strike "
            "would go ahead.",
            "the strike would go ahead",
            ["regional newspaper the Northern Echo", "Mark Bell"],
        ),
    ],
)
def test_told_medium_relays_the_speaker(text, words, chain):
    assert chain_of(quote_with(text, words)) == chain


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "Rescuers pulled 12 survivors from the rubble, according to state broadcaster NHK.",
            "Rescuers pulled 12 survivors",
            ["state broadcaster NHK"],
        ),
        (
            "According to a report by Interfax, the plant was shut on Monday.",
            "the plant was shut",
            ["Interfax"],
        ),
        (
            "According to a report by the Interfax news agency that cited a source in the "
            "ministry, the plant was shut.",
            "the plant was shut",
            ["Interfax", "a source in the ministry"],
        ),
        (
            "Gunmen killed nine villagers, according to local officials quoted by the Punch "
            "newspaper.",
            "Gunmen killed nine villagers",
            ["the Punch", "local officials"],
        ),
        (
            "According to officials cited by the Hindustan Times, the dam was inspected last year.",
            "the dam was inspected",
            ["the Hindustan Times", "officials"],
        ),
    ],
)
def test_according_to_a_medium_or_a_source_it_quoted(text, words, chain):
    assert chain_of(quote_with(text, words)) == chain


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "Citing a source in the presidency, Tass said the visit had been postponed.",
            "the visit had been postponed",
            ["Tass", "a source in the presidency"],
        ),
        (
            "Citing unnamed officials, the Wall Street Journal reported that the merger was off.",
            "the merger was off",
            ["The Wall Street Journal", "unnamed officials"],
        ),
    ],
)
def test_citing_phrase_opening_the_sentence(text, words, chain):
    assert chain_of(quote_with(text, words)) == chain


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "The army said in a statement released through KCNA that the launch was routine.",
            "the launch was routine",
            ["KCNA", "The army"],
        ),
        (
            "The talks are over, the army said in a message released through KCNA.",
            "The talks are over",
            ["KCNA", "the army"],
        ),
        (
            "A statement carried by the official Xinhua news agency said China would respond.",
            "China would respond",
            ["Xinhua", "A statement"],
        ),
        (
            "In comments carried by Xinhua, the president said the army would withdraw.",
            "the army would withdraw",
            ["Xinhua", "the president"],
        ),
        (
            "The junta said in comments broadcast on state television that elections would be "
            "held in 2028.",
            "elections would be held",
            ["state television", "The junta"],
        ),
    ],
)
def test_carried_or_released_through_a_medium(text, words, chain):
    assert chain_of(quote_with(text, words)) == chain


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "The governor said on Channel 4 News that schools would reopen.",
            "schools would reopen",
            ["Channel 4 News", "The governor"],
        ),
        (
            "Speaking on national broadcaster RTE, the minister said the plan was dead.",
            "the plan was dead",
            ["RTE", "the minister"],
        ),
        (
            "Appearing on NBC's Meet the Press, the senator said the vote would fail.",
            "the vote would fail",
            ["NBC's Meet the Press", "the senator"],
        ),
        (
            '"The economy is strong," the treasurer said on ABC\'s Insiders program.',
            "The economy is strong",
            ["ABC's Insiders program", "the treasurer"],
        ),
    ],
)
def test_said_on_a_named_programme_or_channel(text, words, chain):
    assert chain_of(quote_with(text, words)) == chain


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "North Korea will respond with force, KCNA quoted a foreign ministry spokesman as "
            "saying, according to Yonhap.",
            "North Korea will respond",
            ["Yonhap", "KCNA", "a foreign ministry spokesman"],
        ),
        (
            "“The drills are a rehearsal for invasion,” the spokesman was quoted as saying by "
            "KCNA.",
            "The drills are a rehearsal",
            ["KCNA", "the spokesman"],
        ),
    ],
)
def test_quoted_as_saying_keeps_the_outer_relay_outermost(text, words, chain):
    assert chain_of(quote_with(text, words)) == chain


def test_later_short_form_keeps_the_relay_of_the_long_name():
    text = (
        "North Korea fired two missiles, Yonhap reported, citing the Joint Chiefs of Staff. "
        "The missiles flew 300 km, the JCS said."
    )
    assert chain_of(quote_with(text, "The missiles flew")) == ["Yonhap", "the JCS"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The ministry said on Monday that the border would reopen.", "the border would reopen"),
        ("The ministry said on Telegram that the border would reopen.", "the border would reopen"),
        (
            "Speaking on behalf of the families, lawyer Sara Klein said the verdict was unjust.",
            "the verdict was unjust",
        ),
        (
            "Citing security concerns, the ministry said it would close the border crossing.",
            "it would close the border",
        ),
        (
            "The minister told a TV programme on Sunday that he would not resign.",
            "he would not resign",
        ),
    ],
)
def test_no_relay_where_no_medium_relays(text, words):
    assert len(quote_with(text, words).chain) == 1


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        # call signs and numbered channels before their kind of medium
        (
            "Fire chief Ana Reyes told DWXY radio that two houses had burned down.",
            "two houses had burned down",
            ["DWXY", "Ana Reyes"],
        ),
        (
            "Minister Olga Berg, speaking on the Kanal 5 channel's evening news, said the vote "
            "would be held in May.",
            "the vote would be held",
            ["Kanal 5", "Minister Olga Berg"],
        ),
        # in a medium's programme
        (
            "Finance Minister Lars Holm said in NRK's Dagsrevyen on Monday that taxes would rise.",
            "taxes would rise",
            ["NRK's Dagsrevyen", "Finance Minister Lars Holm"],
        ),
        # an adverb between the pronoun and "told"
        (
            "Mayor Ivan Petrov said the bridge was closed. Traffic would resume by noon, he later "
            "told public broadcaster BNT.",
            "Traffic would resume",
            ["BNT", "Mayor Ivan Petrov"],
        ),
        # a medium named by its kind quoting someone as saying
        (
            "Public broadcaster NHK quoted the school's director, Aiko Sato, as saying that "
            "classes would resume on Monday.",
            "classes would resume",
            ["NHK", "Aiko Sato"],
        ),
        # a bracketed short name after the medium, then whom it cited
        (
            "According to Westdeutscher Rundfunk (WDR), which cited prosecutors, the suspect had "
            "fled abroad.",
            "the suspect had fled abroad",
            ["WDR", "prosecutors"],
        ),
    ],
)
def test_call_signs_programmes_and_media_named_by_kind(text, words, chain):
    assert chain_of(quote_with(text, words)) == chain


def test_relative_clause_speaker_quoted_as_saying():
    text = (
        "“The street shook like a boat,” a man who lives nearby was quoted as saying by the Kurier."
    )
    q = quote_with(text, "The street shook")
    assert q.speaker is not None and q.speaker.text == "a man"


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "According to the daily Aftonbladet, which cited a source with insight into the "
            "investigation, the boy had been recruited online.",
            "the boy had been recruited",
            ["Aftonbladet", "a source with insight into the investigation"],
        ),
        (
            "According to the business daily Handelsblatt, which cited two people close to the "
            "company's board, one of the plants could close.",
            "one of the plants could close",
            ["Handelsblatt", "two people close to the company's board"],
        ),
        (
            "The opposition party said the plan was an election gift, news portal Telex reported.",
            "the plan was an election gift",
            ["Telex", "The opposition party"],
        ),
    ],
)
def test_medium_relays_the_source_it_cites_or_the_speaker_it_reports(text, words, chain):
    assert chain_of(quote_with(text, words)) == chain
