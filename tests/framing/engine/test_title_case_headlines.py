"""Title-case headlines: every word is capitalised, so capitals are no evidence of a name.
The actors, quotes and speakers layers read the tagger's title-case signal
(``framing.engine.headlines``), so a headline is neither one long "actor" nor a sentence
whose capitalised "Says" hides its reported speech."""

from framing.engine import analyze
from framing.engine.actors import find_actors
from framing.engine.headlines import headline_words, sentence_cased
from framing.engine.pipeline import prepare

CARAVAN = (
    "Border Agents Detain Hundreds As Caravan Reaches Tijuana\n\n"
    "Border agents detained hundreds of people on Sunday as a caravan of migrants "
    "reached Tijuana, officials said."
)


def _actor_texts(text: str) -> list[str]:
    return [a.text for a in prepare(text).actors]


def test_a_title_case_headline_is_not_listed_as_an_actor():
    found = _actor_texts(CARAVAN)
    assert not [a for a in found if "Detain" in a or "Agents" in a or "Caravan" in a]
    # the place the prose names with a capital is still an actor, in the headline too
    assert found.count("Tijuana") == 2


def test_no_headline_word_joins_a_name_in_the_headline():
    text = (
        "Angela Merkel Warns Of Rising Tensions With Moscow\n\n"
        "German Chancellor Angela Merkel said on Tuesday that Moscow had raised tensions."
    )
    doc = prepare(text)
    head = [a for a in doc.actors if a.end <= text.index("\n")]
    assert [(a.text, a.kind) for a in head] == [("Angela Merkel", "person"), ("Moscow", "country")]


def test_gazetteer_names_in_a_title_case_headline_stay_actors():
    text = "Kremlin Accuses West Of Reckless Escalation Over Drills\n\nNothing more was said."
    assert _actor_texts(text) == ["Kremlin", "West"]


def test_the_analysis_lists_no_headline_as_an_actor():
    text = "Mayor Says City Will Rebuild Flooded Library\n\nThe mayor spoke on Monday."
    assert [a.text for a in analyze(text).actors] == []


def test_sentence_case_text_is_read_as_before():
    text = "Border agents met Maria Lopez of the Red Cross in Tijuana on Sunday."
    doc = prepare(text)
    assert headline_words(doc) == frozenset() and sentence_cased(doc) is text
    assert doc.actors == find_actors(text, {s for s, _ in doc.sentences})
    assert [a.text for a in doc.actors] == ["Maria Lopez of the Red Cross", "Tijuana"]


def test_a_title_case_headline_says_is_reported_speech_like_its_sentence_case_twin():
    body = "\n\nThe mayor spoke on Monday."
    title = analyze("Mayor Says City Will Rebuild Flooded Library" + body)
    plain = analyze("Mayor says city will rebuild flooded library" + body)
    got = [(q.kind, q.speaker, q.verb, q.start, q.end) for q in title.quotes]
    assert got == [(q.kind, q.speaker, q.verb, q.start, q.end) for q in plain.quotes]
    assert got[0][:3] == ("reported", "Mayor", "says")
    assert title.quotes[0].text == "City Will Rebuild Flooded Library"  # the text's own casing


def test_a_speaker_in_a_headline_keeps_the_texts_capitals():
    text = "Residents Of Halden Say Water Has Tasted Strange For Weeks\n\nNothing else."
    doc = prepare(text)
    (q,) = [q for q in doc.quotes if q.speaker is not None]
    assert q.speaker.text == text[q.speaker.start : q.speaker.end]
    assert q.speaker.text.startswith("Residents")
