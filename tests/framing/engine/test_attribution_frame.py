"""The attribution frame of a sentence (issue 10, part 4): who says it and the verb of saying,
left out of what aligned facts compare, so two statements of one speaker do not meet through
the speaker's name and "said"."""

from __future__ import annotations

from framing.engine.contrast.attribution_frame import attribution_spans, without_attribution
from framing.engine.contrast.similarity import FEATURES, PairFeatures, _tokens


def _frames(sentence: str) -> list[str]:
    return [sentence[s:e].strip(" ,.") for s, e in attribution_spans(sentence)]


def test_a_closing_attribution_is_the_frame():
    assert _frames("The road will stay closed for three weeks, the regional government said.") == [
        "the regional government said"
    ]


def test_a_speaker_named_after_a_quotation_is_the_frame():
    sentence = "“We sent photographs of the cracks,” said Mara Olin, who runs the village bakery."
    assert _frames(sentence) == ["said Mara Olin"]


def test_a_speaker_and_verb_opening_a_clause_are_the_frame():
    assert _frames("Ministry officials said that the fund would pay crews.") == [
        "Ministry officials said that"
    ]
    assert _frames("According to the energy ministry, the mines lose money.") == [
        "According to the energy ministry"
    ]


def test_a_passive_verb_of_telling_reports_a_fact_not_a_speaker():
    assert _frames("Civilian vessels have been told to stay clear of the area.") == []


def test_a_short_sentence_about_a_count_keeps_its_count():
    assert without_attribution("Police said 23 people were arrested.").split() == [
        "23",
        "people",
        "were",
        "arrested.",
    ]


def test_verbs_of_saying_are_not_compared_as_words():
    assert "said" not in _tokens("Solheim said the cut was needed.")
    assert "told" not in _tokens("Solheim told reporters the cut was needed.")


def test_a_speaker_named_in_both_frames_is_not_a_shared_name():
    a = "The ministry chose 40 percent after consulting the industry, Solheim said."
    b = "Solheim said the police, not the ministry, were responsible for the harbour."
    block = PairFeatures([[a], [b]]).pair(0, 1)[0, 0]
    assert block[FEATURES.index("shared_names")] == 0.0
    a, b = (
        "In Tromvik, " + a[0].lower() + a[1:],
        "Solheim said the police in Tromvik were to blame.",
    )
    same_place = PairFeatures([[a], [b]]).pair(0, 1)[0, 0]
    assert same_place[FEATURES.index("shared_names")] > 0
