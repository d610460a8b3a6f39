"""Relay forms of issue 10 part 2, round 7: "told the agency", documents seen by a medium,
relays carried to later paragraphs, agency acronyms beside their full names.

Our own examples, written for these tests; none comes from the held-out gold sets.
"""

from __future__ import annotations

from tests.framing.engine.voice_helpers import chain_of, quote_with


def test_told_the_agency_is_the_medium_named_before():
    text = (
        "The dockers' union told Reuters that it had not been consulted.\n\n"
        "\u201cNobody has called us since the summer,\u201d its general secretary, Ana Ruiz, "
        "told the agency."
    )
    assert chain_of(quote_with(text, "Nobody has called"))[:-1] == ["Reuters"]


def test_told_the_agency_with_no_medium_named_before_names_no_relay():
    text = "\u201cNobody has called us since the summer,\u201d Ana Ruiz told the agency."
    assert len(quote_with(text, "Nobody has called").chain) == 1


def test_a_clause_closed_by_told_the_news_agency_is_found_and_relayed():
    text = (
        "Senator Ruth Olsen told the Associated Press that she would not resign. She had hired "
        "a lawyer and would testify if asked, she told the news agency."
    )
    q = quote_with(text, "hired a lawyer")
    assert chain_of(q)[0] in ("Associated Press", "the Associated Press")


def test_a_speaker_s_tag_before_an_agency_s_tag_keeps_the_speaker_relayed():
    text = (
        "Troops had retaken the bridge at Kolfe after two days of fighting, the army said on "
        "Monday, the Ethiopian News Agency reported."
    )
    q = quote_with(text, "retaken the bridge")
    assert q.speaker.text == "the army"
    assert chain_of(q)[0] == "the Ethiopian News Agency"


def test_according_to_an_agency_s_initials_after_a_speech_tag_relays_the_speaker():
    text = "The two injured deckhands were in stable condition, Santos said, according to PNA."
    q = quote_with(text, "injured deckhands")
    assert (q.speaker.text, chain_of(q)[0]) == ("Santos", "PNA")


def test_a_name_with_a_joined_arabic_article_is_one_speaker():
    text = (
        "\u201cThe shipping lanes belong to everyone,\u201d Foreign Minister Nasser al-Hamadi "
        "told reporters."
    )
    assert quote_with(text, "shipping lanes").speaker.text == "Foreign Minister Nasser al-Hamadi"


def test_the_cabinet_is_a_speaker_before_an_agency_s_tag():
    text = (
        "The kingdom backed every effort to keep the strait open, the cabinet said after its "
        "weekly meeting, the Saudi Press Agency reported."
    )
    q = quote_with(text, "kingdom backed")
    assert q.speaker.text == "the cabinet"
    assert len(q.chain) == 2


def test_an_agency_s_bracketed_short_name_after_according_to_ends_the_tag_not_the_clause():
    text = (
        "Oman will host the talks next month, the foreign ministry said on Sunday, according "
        "to the state-run Oman News Agency (ONA)."
    )
    q = quote_with(text, "host the talks")
    assert text[q.start : q.end] == "Oman will host the talks next month"


def test_an_agency_and_its_initials_are_one_relay_shown_by_its_short_name():
    text = (
        "The port would reopen on Friday, the transport ministry said, the Oman News Agency "
        "reported.\n\nA port official told ONA that the first ships were already waiting."
    )
    assert chain_of(quote_with(text, "port would reopen"))[0] == "ONA"
    assert chain_of(quote_with(text, "first ships"))[0] == "ONA"


def test_a_short_name_in_brackets_names_the_agency_in_every_chain():
    text = (
        "The delegation would leave on Monday, the ministry said, the Emirates News Agency "
        "(WAM) reported. The talks were welcome, an official told WAM."
    )
    assert chain_of(quote_with(text, "delegation would"))[0] == "WAM"


def test_according_to_a_memo_seen_by_a_medium_is_relayed_by_it():
    text = (
        "The brewer will close its two oldest plants next year, according to an internal memo "
        "seen by the Financial Times, as sales of lager keep falling."
    )
    q = quote_with(text, "close its two oldest")
    assert chain_of(q) == ["Financial Times", "an internal memo"]


def test_the_memo_said_later_keeps_the_medium_that_saw_it():
    text = (
        "The brewer will close its two oldest plants next year, according to an internal memo "
        "seen by the Financial Times.\n\n"
        "The memo, sent to plant managers on Monday, said about 300 jobs would go."
    )
    assert chain_of(quote_with(text, "300 jobs"))[0] == "Financial Times"


def test_documents_reviewed_by_a_medium_show_a_relayed_clause():
    text = (
        "Text messages reviewed by The Boston Globe show that the mayor's aide asked about the "
        "permit four times."
    )
    q = quote_with(text, "asked about the permit")
    assert chain_of(q)[0] == "Boston Globe"


def test_a_letter_obtained_by_a_medium_relays_its_writer_and_the_letter():
    text = (
        "In a letter obtained by Sky News, Health Minister Joan Pike wrote that the trust must "
        "publish its waiting lists. She wanted an answer within a week, the letter said."
    )
    assert chain_of(quote_with(text, "waiting lists"))[0] == "Sky News"
    assert chain_of(quote_with(text, "answer within"))[0] == "Sky News"


def test_a_tag_telling_an_agency_s_initials_closes_the_clause_and_relays_it():
    text = (
        "Troops had retaken the town, the army said, the Ethiopian News Agency reported.\n\n"
        "More than 200 fighters had been captured, army spokesman Col. Dawit Alemu told ENA."
    )
    q = quote_with(text, "200 fighters")
    assert q.speaker.text == "Col. Dawit Alemu"
    assert chain_of(q)[0] == "ENA"


def test_a_short_opening_phrase_then_said_that_introduces_the_clause():
    text = (
        "In Washington, State Department spokesman Evan Marsh said in a statement that the "
        "United States stood with its ally."
    )
    q = quote_with(text, "stood with its ally")
    assert text[q.start : q.end] == "the United States stood with its ally"


def test_a_long_opening_interview_phrase_keeps_the_clause_and_the_station_that_aired_it():
    text = (
        "In an interview broadcast on Sunday by the public radio station WKXL, Attorney General "
        "Rosa Dunne said she could neither confirm nor deny any investigation."
    )
    q = quote_with(text, "neither confirm")
    assert chain_of(q)[0] == "WKXL"


def test_quoted_a_described_person_with_a_name_in_apposition_as_saying():
    text = (
        "The state broadcaster Fana quoted the regional administrator, Tesfaye Worku, as saying "
        "local officials had returned to both towns."
    )
    q = quote_with(text, "officials had returned")
    assert "Tesfaye Worku" in q.speaker.text
    assert len(q.chain) == 2


def test_cited_a_titled_name_as_saying_after_a_medium_s_apposition():
    text = (
        "The Global Times, a tabloid published by the People's Daily, cited military expert "
        "Song Wei as saying the patrols were routine."
    )
    q = quote_with(text, "patrols were routine")
    assert (q.speaker.text, chain_of(q)[0]) == ("Song Wei", "The Global Times")


def test_a_quoted_phrase_inside_a_relayed_clause_is_the_clause_speaker_s():
    text = (
        "The Global Times, a tabloid published by the People's Daily, cited military expert "
        "Song Wei as saying the navy was trying to \u201cprovoke\u201d a clash at sea."
    )
    q = quote_with(text, "provoke")
    assert q.speaker.text == "Song Wei"


def test_quoted_by_a_medium_between_commas_relays_the_subject():
    text = (
        "A rival bid was still possible, Bloomberg News reported, citing two people.\n\n"
        "Hale, quoted last month by the trade publication Freight Weekly, said the company had "
        "no plans to leave the port."
    )
    q = quote_with(text, "no plans to leave")
    assert chain_of(q)[0] == "Freight Weekly"


def test_reached_by_telephone_by_a_broadcaster_relays_the_subject_and_what_it_told_it():
    text = (
        "A spokesman for the rebels, reached by telephone by the BBC's Hausa service, said its "
        "fighters had withdrawn. The spokesman told the broadcaster that the army had used "
        "drones."
    )
    assert chain_of(quote_with(text, "had withdrawn"))[0] == "the BBC's Hausa service"
    assert chain_of(quote_with(text, "used drones"))[0] == "the BBC's Hausa service"


def test_an_agency_carrying_a_statement_saying_relays_the_statement():
    text = (
        "The Emirates News Agency carried a statement from the foreign ministry saying Abu "
        "Dhabi would send a delegation. It hoped for a hotline, the statement said."
    )
    q = quote_with(text, "send a delegation")
    assert chain_of(q)[0] == "The Emirates News Agency"
    assert "Emirates News Agency" in chain_of(quote_with(text, "hotline"))[0]


def test_an_office_named_by_its_country_s_adjective_keeps_the_relay_of_the_country_s_office():
    text = (
        "China's coast guard said in a statement carried by the official Xinhua news agency "
        "that the boat had approached its ship.\n\nThe Chinese coast guard also said the boat "
        "had ignored radio warnings."
    )
    assert chain_of(quote_with(text, "ignored radio"))[0] == "Xinhua"


def test_an_adviser_to_someone_with_an_accented_name_in_apposition_is_quoted_as_saying():
    text = (
        "The state-run Anadolu news agency quoted a senior adviser to the Turkish president, "
        "Emre Öztürk, as saying Ankara would not let the hub be used to evade sanctions."
    )
    q = quote_with(text, "would not let")
    assert chain_of(q)[0] == "Anadolu"


def test_an_agency_citing_a_source_as_saying_closes_the_clause():
    text = (
        "The first trades would be settled in roubles and lira, RIA Novosti cited a source in "
        "the Russian government as saying."
    )
    q = quote_with(text, "first trades")
    assert chain_of(q) == ["RIA Novosti", "a source in the Russian government"]


def test_a_statement_read_on_state_television_is_relayed_by_the_channel():
    text = (
        "The army had repelled an attack on the town, the military government said in a "
        "statement read on state television RTB on Sunday. Four soldiers had been killed, the "
        "statement said."
    )
    assert chain_of(quote_with(text, "repelled an attack"))[0] == "RTB"
    assert chain_of(quote_with(text, "Four soldiers"))[0] == "RTB"


def test_reached_by_a_named_radio_with_its_initials_relays_the_subject():
    text = (
        "A resident of the town, reached by telephone by Radio Sahel Internationale (RSI), said "
        "the fighting had lasted six hours."
    )
    assert chain_of(quote_with(text, "lasted six hours"))[0] == "RSI"


def test_a_message_cited_by_initials_is_relayed_by_them():
    text = (
        "Its fighters had taken revenge for the raids, the group said in a message cited by SITE."
    )
    assert chain_of(quote_with(text, "taken revenge"))[0] == "SITE"


def test_a_long_interview_phrase_before_a_titled_name_keeps_the_name_as_speaker():
    text = (
        "In a separate interview with the Financial Times published on Monday, Naftogaz chief "
        "executive Olena Marchuk said the hub would let Moscow \u201crelabel\u201d its gas."
    )
    assert quote_with(text, "relabel").speaker.text == "Olena Marchuk"


def test_told_a_medium_then_a_colon_relays_the_quote_and_keeps_the_name():
    text = "Customs chief Omar Haddad told Reuters: \u201cThe new scanners will run by March.\u201d"
    q = quote_with(text, "new scanners")
    assert (q.speaker.text, chain_of(q)[0]) == ("Omar Haddad", "Reuters")


def test_spoke_to_a_medium_relays_what_the_speaker_says_next():
    text = (
        "Port director Lena Brandt spoke to Reuters by telephone on Monday. \u201cWe have never "
        "seen a backlog like this,\u201d she said."
    )
    assert chain_of(quote_with(text, "backlog"))[0] == "Reuters"


def test_officials_who_spoke_to_a_medium_are_relayed_by_it():
    text = (
        "Officials, who spoke to Reuters on condition of anonymity, said the deal was close to "
        "being signed."
    )
    assert chain_of(quote_with(text, "deal was close"))[0] == "Reuters"


def test_an_emailed_statement_to_a_medium_is_relayed_by_it():
    text = (
        "The company's chief executive said in an emailed statement to Reuters that the plant "
        "would close in June."
    )
    assert chain_of(quote_with(text, "plant would close"))[0] == "Reuters"


def test_a_person_an_agency_reported_on_is_heard_through_it_later():
    text = (
        "SEOUL \u2014 North Korean leader Kim Jong Un oversaw the test of a new cruise missile on "
        "Tuesday, the official KCNA news agency reported.\n\n"
        "The missile flew 1,500 km before hitting a target off the east coast.\n\n"
        "\u201cThis is a powerful deterrent,\u201d Kim said at the launch site."
    )
    assert chain_of(quote_with(text, "powerful deterrent"))[0] == "KCNA"


def test_an_office_an_agency_reported_on_is_heard_through_it_later():
    text = (
        "Russia's foreign ministry summoned the British ambassador on Monday, the RIA Novosti "
        "news agency reported.\n\nThe ministry said London was trying to sabotage the talks."
    )
    assert chain_of(quote_with(text, "sabotage"))[0] == "RIA Novosti"


def test_a_person_an_agency_reported_on_speaking_to_reporters_is_heard_directly():
    text = (
        "Prime Minister Ana Ruiz visited the flooded towns on Monday, the Efe news agency "
        "reported.\n\nRuiz told reporters in Valencia that aid would arrive within days."
    )
    assert len(quote_with(text, "aid would arrive").chain) == 1


def test_the_group_right_after_a_named_organisation_is_not_an_earlier_group_s_relay():
    text = (
        "Its fighters had taken revenge for the raids, the group said in a message cited by "
        "SITE.\n\nHuman Rights Watch said it had documented killings by both sides. The army's "
        "account could not be verified, the group said."
    )
    assert len(quote_with(text, "could not be verified").chain) == 1


def test_an_agency_whose_usual_name_is_its_long_one_keeps_it_beside_its_initials():
    text = (
        "CAIRO (AP) \u2014 Flights would resume in May, the ministry said.\n\n"
        "The first flights could begin before the Hajj, according to the Associated Press, "
        "which cited two Gulf officials."
    )
    assert "AP" not in chain_of(quote_with(text, "first flights"))[:-1]
