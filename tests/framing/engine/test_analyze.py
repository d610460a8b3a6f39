import json

import numpy as np
import pytest

from framing.engine import ENGINE_VERSION, Analysis, analyze
from framing.engine.artifacts import default_model
from framing.engine.codebooks import CATEGORY_KEYS, GENERIC_FRAMES, POLICY_FRAMES

STATE_AGENCY = (
    "PYONGYANG, June 28 (Central Dispatch) -- The foreign ministry on Friday denounced the joint "
    "air drills staged by the United States and South Korea.\n\n"
    "\u201cThe US-led Asian-version NATO is a grave threat to peace in the region,\u201d a "
    "spokesperson for the ministry said. \u201cThe puppet regime in Seoul will pay dearly for "
    "its reckless provocation.\u201d\n\n"
    "The drills ended on Thursday, the agency added."
)
ALLIED = (
    "WASHINGTON (Harbor Wire) -- The State Department on Thursday reaffirmed America's ironclad "
    "commitment to the defence of South Korea. Officials said the drills would continue."
)


def _term(analysis: Analysis, text: str):
    # The tagger learns phrase boundaries, so a curated phrase may sit inside a longer tagged
    # one ("sinister plot to encircle"); the shortest term holding the phrase is its tag.
    found = [t for t in analysis.loaded_terms if text in t.text]
    assert found, [t.text for t in analysis.loaded_terms]
    return min(found, key=lambda t: len(t.text))


def test_asian_version_nato_is_tagged_as_quoted_analogy_with_its_speaker():
    term = _term(analyze(STATE_AGENCY), "Asian-version NATO")
    assert term.category == "analogy_label"
    assert term.voice == "quoted"
    assert term.speaker == "a spokesperson for the ministry"


def test_puppet_regime_targets_the_actor_it_names():
    term = _term(analyze(STATE_AGENCY), "puppet regime")
    assert term.category == "pejorative_label"
    assert term.target_actor == "south_korea"


def test_second_quote_in_a_paragraph_keeps_the_speaker():
    term = _term(analyze(STATE_AGENCY), "puppet regime")
    assert term.voice == "quoted"
    assert term.speaker == "a spokesperson for the ministry"


def test_allied_spin_is_tagged_in_own_voice():
    term = _term(analyze(ALLIED), "ironclad commitment")
    assert term.category == "glorification"
    assert term.voice == "own"
    assert term.speaker is None


def test_government_alone_is_not_tagged():
    analysis = analyze("The government said on Monday that the military exercise would end soon.")
    assert analysis.loaded_terms == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The military said the exercise involved 30 ships and 120 aircraft.",
        "The sanctions regime was renewed for another year.",
        "The rebels claimed responsibility for the attack that killed four people.",
        "Two fishermen were seriously injured and taken to hospital.",
        "The minister said the talks had been useful and would resume in May.",
        "Historians say the Warsaw Pact was dissolved in 1991.",
    ],
)
def test_neutral_news_sentences_are_not_tagged(sentence):
    assert [t.text for t in analyze(sentence).loaded_terms] == []


def test_reported_speech_terms_are_attributed():
    analysis = analyze("KCNA said the drills were part of a sinister plot to encircle the country.")
    term = _term(analysis, "sinister plot")
    assert term.voice == "attributed"
    assert term.speaker == "KCNA"
    assert term.speaker_actor == "kcna"


def test_term_in_relayed_quote_belongs_to_innermost_speaker():
    text = (
        "According to TASS, KCNA quoted a foreign ministry spokesperson as saying the "
        "drills were an Asian-version NATO."
    )
    analysis = analyze(text)
    assert _term(analysis, "Asian-version NATO").speaker == "a foreign ministry spokesperson"
    (quote,) = analysis.quotes
    assert quote.chain == ("TASS", "KCNA", "a foreign ministry spokesperson")


def test_scare_quotes_around_single_term_are_tagged():
    analysis = analyze('The allies began their so-called "defensive" drills on Monday.')
    term = _term(analysis, 'so-called "defensive"')
    assert term.category == "scare_quotes"
    assert term.voice == "own"


def test_euphemism_in_official_statement_is_tagged():
    analysis = analyze(
        "The ministry described the raid as a surgical strike with minimal collateral damage."
    )
    # At the default (balanced) point; analyze() also keeps weaker recall-point spans.
    balanced = default_model().operating_points()["balanced"]["threshold"]
    assert {t.category for t in analysis.loaded_terms if t.score >= balanced} == {"euphemism"}


def test_categories_are_stable_codebook_keys_and_scores_in_range():
    analysis = analyze(STATE_AGENCY + "\n\n" + ALLIED)
    assert analysis.loaded_terms
    for term in analysis.loaded_terms:
        assert term.category in CATEGORY_KEYS
        assert 0.0 <= term.score <= 1.0
        assert term.explanation


def test_quote_speaker_offsets_point_at_the_speaker():
    analysis = analyze(STATE_AGENCY)
    for q in analysis.quotes:
        if q.speaker is not None:
            assert STATE_AGENCY[q.speaker_start : q.speaker_end] == q.speaker


def test_frames_cover_both_codebooks_with_matching_arrays():
    analysis = analyze(STATE_AGENCY)
    assert analysis.frame_keys["policy"] == tuple(d.key for d in POLICY_FRAMES)
    assert analysis.frame_keys["generic"] == tuple(d.key for d in GENERIC_FRAMES)
    assert analysis.sentence_frames["policy"].shape == (len(analysis.sentences), len(POLICY_FRAMES))
    scores = {f.key: f.probability for f in analysis.frames["policy"]}
    assert scores["security_defense"] > 0.5 > scores["economic"]


def test_actor_tone_is_reported_for_mentioned_actors():
    analysis = analyze(STATE_AGENCY)
    assert {"usa", "south_korea"} <= set(analysis.actor_tone)
    assert all(-1 <= v <= 1 for v in analysis.actor_tone.values())


def test_metadata_names_engine_and_model_versions():
    analysis = analyze("Short text.")
    assert analysis.engine_version == ENGINE_VERSION
    assert analysis.model_version.startswith("builtin-")
    assert analysis.text_length == len("Short text.")


def test_to_dict_is_json_serialisable_and_keeps_arrays():
    data = json.loads(json.dumps(analyze(STATE_AGENCY).to_dict()))
    assert data["loaded_terms"][0]["category"] in CATEGORY_KEYS
    assert len(data["sentence_frames"]["policy"]) == len(data["sentences"])


def test_empty_string_gives_an_empty_analysis():
    analysis = analyze("")
    assert analysis.sentences == () and analysis.loaded_terms == () and analysis.quotes == ()
    assert analysis.sentence_frames["policy"].shape == (0, len(POLICY_FRAMES))
    assert analysis.tone == 0.0


def test_other_languages_still_find_quotes_but_no_english_lexicon_terms():
    text = "Le ministère a déclaré : « Ceci est un NATO version asiatique », selon l'agence."
    analysis = analyze(text, language="fr")
    assert analysis.language == "fr"
    assert analysis.loaded_terms == ()
    assert [q.text for q in analysis.quotes] == ["Ceci est un NATO version asiatique"]


def test_crlf_text_keeps_offsets_exact():
    text = "The puppet regime fell.\r\n\r\n\u201cA grave threat,\u201d he said.\r\n"
    for term in analyze(text).loaded_terms:
        assert text[term.start : term.end] == term.text


def test_non_string_input_is_refused():
    with pytest.raises(TypeError):
        analyze(b"bytes")  # type: ignore[arg-type]


def test_sentence_tone_evidence_lies_inside_its_sentence():
    analysis = analyze("The brutal attack shocked everyone. The meeting was a great success.")
    first, second = analysis.sentences
    assert first.tone < 0 < second.tone
    for sentence in analysis.sentences:
        for start, end, _ in sentence.tone_evidence:
            assert sentence.start <= start < end <= sentence.end


def test_sentence_frames_are_float32_probabilities():
    arr = analyze(STATE_AGENCY).sentence_frames["generic"]
    assert arr.dtype == np.float32
    assert ((arr >= 0) & (arr <= 1)).all()


@pytest.mark.parametrize(
    ("sentence", "phrase", "category"),
    [
        ("The allies defended the rules-based order.", "rules-based order", "glorification"),
        ("Leaders of freedom-loving nations met.", "freedom-loving nations", "glorification"),
        ("Officials called it a surgical strike.", "surgical strike", "euphemism"),
        ("The raid caused collateral damage.", "collateral damage", "euphemism"),
        ("The drills show our unwavering commitment.", "unwavering commitment", "glorification"),
    ],
)
def test_official_and_allied_spin_is_tagged_like_adversary_invective(sentence, phrase, category):
    term = _term(analyze(sentence), phrase)
    assert term.category == category


@pytest.mark.parametrize(
    ("sentence", "phrase", "category"),
    [
        ("The puppet regime staged another farce.", "puppet regime", "pejorative_label"),
        ("The aggressive bloc is scheming again.", "aggressive bloc", "pejorative_label"),
        ("They are building a new Cold War.", "new Cold War", "analogy_label"),
        ("The enemy brazenly provokes us.", "brazenly provokes", "hyperbole"),
    ],
)
def test_state_media_invective_is_tagged(sentence, phrase, category):
    assert _term(analyze(sentence), phrase).category == category


def test_unnamed_official_speaker_is_resolved_to_the_dateline_country():
    term = _term(analyze(STATE_AGENCY), "Asian-version NATO")
    assert term.speaker_actor == "dprk"


def test_unnamed_speaker_without_a_dateline_stays_unresolved():
    text = '"The puppet regime will fall," a ministry spokesperson said.'
    assert _term(analyze(text), "puppet regime").speaker_actor is None


def test_named_speaker_beats_the_dateline():
    text = 'SEOUL, May 2 (Harbor Wire) - "We want talks," a North Korean official said.'
    (quote,) = analyze(text).quotes
    assert quote.speaker_actor == "dprk"


def test_a_second_language_is_just_another_lexicon_file():
    text = "Selon l'agence, « le régime fantoche a commis une provocation », a dit le ministère."
    analysis = analyze(text, language="fr")
    term = _term(analysis, "régime fantoche")
    assert term.category == "pejorative_label"
    assert term.voice == "quoted"


def test_pronoun_speaker_offsets_point_at_the_named_speaker():
    text = '"We are ready," the general said. He added: "The puppet regime will fall."'
    analysis = analyze(text)
    for quote in analysis.quotes:
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker == "the general"
    assert _term(analysis, "puppet regime").speaker == "the general"


PARTIAL_QUOTE = (
    "Norvia’s foreign ministry on Monday sharply criticised the convoy, calling it "
    "“a reckless provocation” that gravely threatens peace."
)


def test_terms_inside_a_partial_quote_keep_their_own_category_and_speaker():
    analysis = analyze(PARTIAL_QUOTE)
    assert "scare_quotes" not in {t.category for t in analysis.loaded_terms}
    inside = [t for t in analysis.loaded_terms if "reckless" in t.text]
    assert inside and inside[0].voice == "quoted"
    assert inside[0].speaker == "Norvia’s foreign ministry"


def test_term_in_a_quote_with_no_speaker_is_quoted_with_speaker_none():
    analysis = analyze(
        "The ferry left port.\n\n“This is a reckless provocation by hostile forces at sea.”"
    )
    term = _term(analysis, "hostile forces")
    assert term.voice == "quoted"
    assert term.speaker is None


def test_term_in_a_dismissed_as_quote_keeps_its_category_and_is_quoted():
    text = (
        "Interior Minister Dara Kostell rejected the findings on Tuesday. "
        "She dismissed the report as “a smear campaign” by hostile foreign media."
    )
    term = _term(analyze(text), "smear campaign")
    assert term.category == "moral_condemnation"
    assert term.voice == "quoted"
    assert term.speaker == "Interior Minister Dara Kostell"
