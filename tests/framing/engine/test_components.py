"""Each pipeline component alone: run the layers it reads, then it, and check what it adds."""

import numpy as np

from framing.engine.artifacts import default_model
from framing.engine.codebooks import CODEBOOKS
from framing.engine.components.actors import Actors
from framing.engine.components.candidates import Candidates
from framing.engine.components.frames import Frames
from framing.engine.components.quotes import Quotes
from framing.engine.components.sentences import Sentences
from framing.engine.components.speakers import Speakers
from framing.engine.components.terms import LoadedTerms
from framing.engine.components.tone import Tone
from framing.engine.doc import make_doc
from framing.engine.pipeline import prepare

DPRK = (
    "PYONGYANG, June 28 (KCNA) -- The foreign ministry said the drills were a provocation "
    "by the puppet regime."
)
BERG = 'Minister Anna Berg said the talks had failed. "We will respond," she said.'


def _upto(text, *components, language="en"):
    doc = make_doc(text, language)
    for c in components:
        doc = c(doc)
    return doc


def test_sentences_adds_spans_and_each_tokens_sentence():
    doc = _upto("One here. Two more words!", Sentences())
    assert doc.sentences == [(0, 9), (10, 25)]
    assert doc.tokens.sentence.tolist() == [0, 0, 1, 1, 1]


def test_doc_tokens_keep_offsets_into_the_original_text():
    doc = make_doc("İstanbul’s “port” reopened")
    assert [doc.text[s:e] for s, e in zip(doc.tokens.starts, doc.tokens.ends, strict=True)] == [
        "İstanbul’s",
        "port",
        "reopened",
    ]
    assert len(doc.norm) == len(doc.text)


def test_quotes_adds_speech_verbs_and_the_speaker_its_own_sentence_names():
    doc = _upto(BERG, Sentences(), Quotes())
    assert [w for _, _, w in doc.verbs] == ["said", "said"]
    direct = next(q for q in doc.quotes if q.kind == "direct")
    assert BERG[direct.start : direct.end] == "We will respond,"
    assert direct.speaker.text == "she"


def test_speakers_resolves_a_pronoun_to_the_earlier_speaker():
    doc = _upto(BERG, Sentences(), Quotes(), Speakers())
    direct = next(q for q in doc.quotes if q.kind == "direct")
    assert direct.speaker.text == "Minister Anna Berg"


def test_actors_adds_mentions_and_resolves_an_unnamed_ministry_to_the_dateline_country():
    doc = _upto(DPRK, Sentences(), Quotes(), Speakers(), Actors())
    assert [a.actor for a in doc.actors] == ["kcna"]
    reported = next(q for q in doc.quotes if q.kind == "reported")
    assert reported.speaker.text == "The foreign ministry"
    assert doc.speaker_actor(reported.speaker.start, reported.speaker.end) == "dprk"


def test_candidates_adds_lexicon_spans_and_the_scorer_context():
    doc = _upto(DPRK, Sentences(), Quotes(), Speakers(), Actors(), Candidates())
    lexicon = {DPRK[c.start : c.end] for c in doc.candidates if c.source == "lexicon"}
    assert "puppet regime" in lexicon
    assert doc.context is not None and doc.context.tokens is doc.tokens


def test_loaded_terms_take_the_voice_and_speaker_of_the_reported_clause():
    doc = LoadedTerms(default_model())(prepare(DPRK))
    term = next(t for t in doc.loaded_terms if t.text == "puppet regime")
    assert (term.voice, term.speaker, term.speaker_actor) == (
        "attributed",
        "The foreign ministry",
        "dprk",
    )


def test_loaded_terms_fit_learns_a_word_only_the_analysts_tag():
    places = ["Varno", "Kessel", "Brin", "Ostra", "Lume", "Tarrow", "Quill", "Marsh"]
    texts = [
        f"Residents of {p} said the teapot council met on Tuesday to discuss roads."
        for p in places + places[:4]
    ]
    texts += [
        f"The council of {p} met on Tuesday to discuss roads and schools." for p in places[:4]
    ]
    golds = [[(t.index("teapot"), t.index("teapot") + 6)] if "teapot" in t else [] for t in texts]
    new = "Villagers in Pell said the teapot council ignored them again."
    before = LoadedTerms(default_model())(prepare(new)).loaded_terms
    fitted = LoadedTerms(default_model()).fit(texts, golds)
    after = fitted(prepare(new)).loaded_terms
    # Pages show the balanced point; below it analyze() keeps weak recall-point guesses,
    # which may include an unknown word.
    balanced = default_model().operating_points()["balanced"]["threshold"]
    assert not any("teapot" in t.text for t in before if t.score >= balanced)
    assert any("teapot" in t.text for t in after)


def test_frames_adds_every_codebook_and_a_dominant_policy_frame_per_sentence():
    doc = Frames.from_model(default_model())(prepare(DPRK))
    assert set(doc.frames) == set(CODEBOOKS)
    assert doc.sentence_frames["policy"].shape == (1, len(CODEBOOKS["policy"]))
    assert len(doc.dominant_frames) == len(doc.sentences)


def test_frames_fit_trains_on_labelled_sentences_alone():
    money = "Taxes will rise for the middle class next year, the budget office said."
    court = "The court jailed the man for fraud after a long trial."
    sentences, n = [money, court] * 6, 6
    frames = Frames.from_model(default_model()).fit(
        {
            "policy": (sentences, [{"economic"}, {"crime_punishment"}] * n),
            "generic": (sentences, [{"economic_consequences"}, {"responsibility"}] * n),
        },
        include_seed=False,
    )
    doc = frames(prepare("The court jailed a banker for fraud. Taxes will rise next year."))
    assert doc.dominant_frames == ["crime_punishment", "economic"]


def test_tone_scores_sentences_and_the_actors_in_them():
    doc = Tone()(prepare("Seoul suffered a terrible, deadly disaster. The weather was fine."))
    assert doc.tones.shape == (2,)
    assert doc.tones[0] < 0
    assert doc.actor_tone == {"south_korea": round(float(doc.tones[0]), 4)}


def test_tone_is_zero_outside_english():
    doc = Tone()(prepare("Une catastrophe terrible à Séoul.", "fr"))
    assert np.all(doc.tones == 0) and doc.tone_evidence == [[]]
