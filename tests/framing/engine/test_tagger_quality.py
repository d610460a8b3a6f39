"""Tagger quality behaviours of issue 8: scare quotes that are quotations, names or headings;
curated support in the calibration; operating points chosen per dev source; literal and
neutral words in ordinary reporting."""

from types import SimpleNamespace

import numpy as np
import pytest

from framing.engine import analyze
from framing.engine.artifacts import default_model
from framing.engine.blob import pack, unpack
from framing.engine.candidates import prepare
from framing.engine.tagger import (
    DEFAULT_TAGGER_PATH,
    MAGIC,
    SPAN_FEATURES,
    Tagger,
    _close,
    _word_static,
    default_tagger,
    dumps,
    loads,
    span_features,
    token_parts,
)
from framing.engine.tagger_training import (
    Doc,
    Params,
    _source_weights,
    choose_points,
    dev_span_rows,
    fit_crf,
    out_of_fold_rows,
    train_tagger,
)


def _scare(text: str):
    return [c for c in prepare(text).candidates if c.category == "scare_quotes"]


def test_a_bare_quoted_word_in_running_prose_is_a_strong_scare_quote_candidate():
    (cand,) = _scare('The allies began their "defensive" drills on Monday.')
    assert cand.weight >= 0.5


def test_a_quoted_word_after_a_verb_of_chanting_is_not_distancing():
    cands = _scare('Outside the embassy, the crowd chanted "shame" for an hour.')
    assert all(c.weight < 0.5 for c in cands)
    assert all("not distancing" in c.explanation for c in cands)


def test_quoted_words_in_a_heading_are_not_distancing():
    text = 'Minister defends "reforms"\n\nThe minister spoke to reporters on Monday.'
    cands = _scare(text)
    assert cands and all(c.weight < 0.5 for c in cands)


def test_quote_marks_around_a_lexicon_term_keep_the_terms_category():
    text = "Velmar to ‘aggressive bloc’: stop the drills\n\nThe ministry spoke on Friday."
    (cand,) = [c for c in prepare(text).candidates if "aggressive" in text[c.start : c.end]]
    assert cand.category == "pejorative_label"


def test_a_weak_scare_quote_never_names_the_category():
    text = 'Outside the embassy, the crowd chanted "traitors" for an hour.'
    tagged = default_tagger().tag(prepare(text), min_score=0.0)
    assert all(t.category != "scare_quotes" for t in tagged)


def test_the_category_model_never_answers_scare_quotes_from_words_alone():
    tagger = default_tagger()
    prep = prepare("The self-righteous senator gave a self-serving speech.")
    ids = list(range(len(prep.tokens.words)))
    assert tagger.category(prep, ids) != "scare_quotes"


def test_curated_support_raises_the_calibrated_score():
    tagger = default_tagger()
    assert tagger.calib_s > 0
    assert tagger.calibrate(0.2, 0.9) > tagger.calibrate(0.2, 0.0)


def test_support_calibration_survives_the_byte_format():
    tagger = default_tagger()
    assert loads(dumps(tagger)).calib_s == pytest.approx(tagger.calib_s)


def test_a_dateline_place_gets_name_features_not_rarity():
    prep = prepare("HARLOW, Sept 3 (Coastal News Agency) -- The ministry said on Wednesday.")
    own = token_parts(prep)[0][0][0]
    names = {n for n, _ in own}
    assert "propn" in names
    assert not any(n.startswith("zipf") for n in names)


def test_a_lexicon_word_in_a_literal_domain_carries_the_lexdom_feature():
    prep = prepare("The trail along the ridge is treacherous after rain.")
    words = prep.tokens.words
    k = words.index("treacherous")
    extra = token_parts(prep)[0][k][2]
    assert ("lexdom", 1.0) in extra


class _FixedTagger:
    """Stands in for a tagger: returns the same spans for every text, by text."""

    def __init__(self, spans_by_text):
        self.spans_by_text = spans_by_text

    def tag(self, prep, min_score=0.0, legacy=None):
        return [
            SimpleNamespace(start=s, end=e, score=p) for s, e, p in self.spans_by_text[prep.text]
        ]


def test_operating_points_weigh_each_dev_source_equally():
    # Source "a": one document, its span right; source "b": nine documents whose only span
    # is wrong. Pooled, b's nine false positives would put precision at 0.1; averaged per
    # source it is (1 + 0) / 2.
    right = Doc("Alpha beta gamma.", ((0, 5, "loaded"),), "a", "dev")
    wrong = [Doc(f"Delta {k} epsilon.", ((0, 5, "loaded"),), "b", "dev") for k in range(9)]
    spans = {right.text: [(0, 5, 0.9)], **{d.text: [(8, 15, 0.3)] for d in wrong}}
    points = choose_points(_FixedTagger(spans), [right, *wrong], use_legacy=False)
    assert points["balanced"]["precision"] == pytest.approx(0.5)
    assert points["balanced"]["recall"] == pytest.approx(0.5)


def test_source_weights_give_every_source_the_same_total():
    docs = [Doc("x", (), "babe", "dev")] * 3 + [Doc("y", (), "passages", "dev")]
    w = _source_weights(docs, [0, 1, 2, 3, 3])
    assert sum(w[:3]) == pytest.approx(sum(w[3:]))


NEUTRAL_REPORT = (
    "The ferry's skipper said the crew had spent the morning mending nets and checking the "
    "engine while the harbour stayed closed. The fishing grounds lie about twenty miles "
    "offshore, and the annual regatta, held every August since 1952, has been postponed. "
    "Photographs of the patrol boats are available to accredited media, the port office said. "
    "A crowd gathered on the quay to watch the frigate take on fuel."
)


def test_ordinary_maritime_reporting_gets_at_most_two_tags_at_the_default_point():
    # Written for this test, never trained on: trade words, places that "lie" somewhere,
    # events "held" every year. Nothing in it judges anyone. (Before this round the engine
    # tagged "mending nets" here too; "lie" and "fuel" still pass the balanced point.)
    threshold = default_model().operating_points()["balanced"]["threshold"]
    tagged = [t.text for t in analyze(NEUTRAL_REPORT).loaded_terms if t.score >= threshold]
    assert len(tagged) <= 2, tagged


def test_a_number_beside_a_word_is_a_neighbour_feature():
    prep = prepare("The reef lies 30 metres down.")
    k = prep.tokens.words.index("lies")
    _own, nbs, _extra = token_parts(prep)[0][k]
    assert "num+1" in nbs[2]


def test_unused_tagger_fields_default_to_no_support_offset():
    bare = Tagger(
        attrs=[], state=default_tagger().state[:0], transitions=default_tagger().transitions
    )
    assert bare.calibrate(0.5, 1.0) == pytest.approx(0.5)


def test_span_feature_calibration_survives_the_byte_format():
    tagger = default_tagger()
    assert set(tagger.calib_x) == set(SPAN_FEATURES)
    assert loads(dumps(tagger)).calib_x == pytest.approx(tagger.calib_x)


def test_span_features_read_the_strongest_valence_and_the_commonest_word():
    plain, charged = span_features(["the", "harbour"]), span_features(["vile", "harbour"])
    assert charged["valence"] > plain["valence"] == 0.0
    assert span_features(["said"])["common"] > span_features(["harbour"])["common"]


def test_span_features_change_the_calibrated_score_only_through_their_slopes():
    bare = Tagger(
        attrs=[], state=default_tagger().state[:0], transitions=default_tagger().transitions
    )
    feats = {"valence": 0.5, "common": 0.2}
    assert bare.calibrate(0.4, 0.0, feats) == pytest.approx(0.4)
    bare.calib_x = {"valence": 1.0}
    assert bare.calibrate(0.4, 0.0, feats) > bare.calibrate(0.4, 0.0, {**feats, "valence": 0.0})


def test_edge_tokens_far_below_the_spans_best_are_trimmed():
    text = "an invincible spirit"
    toks = SimpleNamespace(
        words=["an", "invincible", "spirit"], starts=[0, 3, 14], ends=[2, 13, 20]
    )
    inside = [0.1, 0.9, 0.3]
    assert _close([1, 2], inside, toks, set(), text, trim=0.5)[:2] == (3, 13)
    assert _close([1, 2], inside, toks, set(), text, trim=0.0)[:2] == (3, 20)


def test_a_hyphenated_word_is_never_cut_in_two_by_trimming():
    text = "a latter-day crusade"
    toks = SimpleNamespace(
        words=["a", "latter", "day", "crusade"], starts=[0, 2, 9, 13], ends=[1, 8, 12, 20]
    )
    inside = [0.1, 0.2, 0.9, 0.9]
    assert _close([1, 2, 3], inside, toks, set(), text, trim=0.5)[:2] == (2, 20)


# Written for this test before the model it checks was trained; never trained on. Harbour,
# council and ferry business: nothing in it judges anyone.
NEUTRAL_PARAGRAPHS = (
    "The harbour board met on Thursday evening to approve next year's budget for the port of "
    "Ellisford. Members agreed to spend about 1.4 million on dredging the inner basin, which "
    "has silted up since the last survey, and on replacing two navigational buoys at the "
    "entrance to the channel.\n\n"
    "The board's chair said the work would be carried out in February, when traffic is "
    "lightest. Fishing boats will be moved to the outer pontoons for three weeks, and the "
    "ferry timetable will not change. A visiting sail training ship, due in March, will moor "
    "at the north quay as planned.\n\n"
    "Several residents asked about the old customs house, which belongs to the town council "
    "and has stood empty for six years. Council officers said a charity running humanitarian "
    "courses for volunteers had asked to rent the ground floor, and that the request would be "
    "considered next month.\n\n"
    "The meeting also heard that passenger numbers on the island ferry rose by 8 per cent last "
    "summer, helped by good weather and a new evening sailing. The operator plans to repaint "
    "both vessels during the winter and to add bicycle racks on the car deck."
)


def test_a_neutral_multi_paragraph_report_gets_at_most_one_tag_at_the_default_point():
    threshold = default_model().operating_points()["balanced"]["threshold"]
    tagged = [t.text for t in analyze(NEUTRAL_PARAGRAPHS).loaded_terms if t.score >= threshold]
    assert len(tagged) <= 1, tagged


def test_a_real_rare_word_gets_a_frequency_bucket_and_an_unknown_word_its_own_feature():
    rare, unknown = dict(_word_static("silted")[0]), dict(_word_static("tumbrick")[0])
    assert "zipf=1" in rare and "rare" in rare
    assert "zipf=unk" in unknown and "rare" not in unknown


def test_an_unknown_word_does_not_count_as_the_rarest_in_span_features():
    assert span_features(["tumbrick"])["common"] > span_features(["silted"])["common"]


INVENTED_WORDS = {
    "quendle": "The workshop repaired the quendle before the morning shift began.",
    "brastow": "Farmers in the valley store their grain in a brastow near the road.",
    "tumbrick": "The museum has added a tumbrick to its collection of old farm tools.",
}


@pytest.mark.parametrize("word", ["brastow", "quendle", "tumbrick"])
def test_an_invented_lower_case_word_in_a_neutral_sentence_is_not_tagged(word):
    # Words no frequency list knows (written for this test, never trained on): unknown is
    # not the same as rare, and neither says anything about loaded language.
    threshold = default_model().operating_points()["balanced"]["threshold"]
    tagged = [t.text for t in analyze(INVENTED_WORDS[word]).loaded_terms if t.score >= threshold]
    assert not any(word in text for text in tagged), tagged


def test_a_tagger_stored_before_trimming_and_span_features_reads_without_them():
    # Workspace models store their tagger's bytes; older ones lack both header fields.
    header, arrays = unpack(DEFAULT_TAGGER_PATH.read_bytes(), MAGIC, "tagger")
    del header["trim"], header["calibration"]["extra"], header["arrays"]
    old = loads(pack(MAGIC, header, {k: np.array(v) for k, v in arrays.items()}))
    assert old.trim == 0.0
    assert old.calib_x == {}
    assert old.tag(prepare("The regime's thugs stormed the square."), min_score=0.0)


def test_a_bare_span_is_one_no_lexicon_valence_or_curated_entry_vouches_for():
    assert span_features(["viaduct"])["bare"] == 1.0
    assert span_features(["vile", "viaduct"])["bare"] == 0.0
    assert span_features(["viaduct"], support=0.8)["bare"] == 0.0
    assert span_features(["viaduct"])["common_bare"] == span_features(["viaduct"])["common"]


def test_out_of_fold_rows_score_each_training_document_with_a_crf_that_never_saw_it():
    # Two folds: documents 0 and 2 are scored by a CRF trained on 1 and 3, which never saw
    # "grotesque farce"; trained on document 0 itself, a CRF is surer of its own phrase.
    docs = [
        Doc("Officials called it a grotesque farce.", ((22, 37, "loaded"),), "p", "train"),
        Doc("The mayor denounced the shameful scheme.", ((24, 39, "loaded"),), "p", "train"),
        Doc("Officials called it a routine check.", (), "p", "train"),
        Doc("The mayor opened the new library.", (), "p", "train"),
    ]
    params = Params(iterations=50, minfreq=0.0, passage_copies=1, calib_folds=2)
    in_sample = fit_crf(docs, params, [1] * 4)
    seen = max(r[1] for r in dev_span_rows(in_sample, docs) if r[0] == 0)
    unseen = [r[1] for r in out_of_fold_rows(docs, [1] * 4, params) if r[0] == 0]
    assert max(unseen, default=0.0) < seen - 0.2


def test_training_on_the_dev_split_is_refused_without_out_of_fold_calibration():
    # With the dev split in the CRF's training data, only out-of-fold spans are unseen text
    # to calibrate on; refused before any CRF is fitted.
    with pytest.raises(ValueError, match="out-of-fold"):
        train_tagger(Params(train_on_dev=True, calib_folds=0))


def test_the_packaged_tagger_was_trained_on_the_dev_split_and_calibrated_out_of_fold():
    meta = default_tagger().meta
    assert meta["params"]["train_on_dev"] is True
    assert meta["calibrated_on"] == "out-of-fold spans of the train and dev splits"


def _parts_of(text: str, word: str):
    prep = prepare(text)
    k = prep.tokens.words.index(word)
    flat = [part for seq in token_parts(prep) for part in seq]
    own, _nbs, extra = flat[k]
    return {n for n, _ in own}, {n for n, _ in extra}


def test_a_loaded_word_in_a_title_case_headline_is_read_as_in_sentence_case():
    # Issue 11: in "Minister Slams Crazed Protesters" every capital used to read as a name,
    # so the word's valence and rarity were lost and headlines could not be tagged.
    head_own, head_extra = _parts_of(
        "Minister Slams Crazed Protesters After Shock Defeat", "crazed"
    )
    prose_own, _prose_extra = _parts_of(
        "Minister slams crazed protesters after shock defeat", "crazed"
    )
    assert head_own == prose_own
    assert "propn" not in head_own
    assert "cap" not in head_extra


def test_a_gazetteer_name_in_a_title_case_headline_stays_a_name():
    own, extra = _parts_of("Minister Slams Crazed Protesters In Beijing After Defeat", "beijing")
    assert "propn" in own
    assert "cap" in extra


def test_a_word_the_article_capitalises_in_prose_stays_a_name_in_its_headline():
    text = (
        "Minister Slams Crazed Rivals After Shock Defeat\n\n"
        "The minister said on Monday that Rivals, the opposition party, had lost."
    )
    own, _extra = _parts_of(text, "rivals")
    assert "propn" in own


def test_names_in_a_sentence_case_sentence_keep_name_features():
    own, extra = _parts_of("Ministers met Angela Merkel and Emmanuel Macron in Berlin.", "merkel")
    assert "propn" in own
    assert "cap" in extra


def test_an_all_capitals_line_is_not_read_as_a_title_case_headline():
    own, _extra = _parts_of("HARLOW, Sept 3 -- THE MINISTRY SAID CRAZED THINGS.", "crazed")
    assert "propn" in own


def test_a_title_case_headline_is_not_trimmed_away_as_one_long_name():
    # The actor reader takes "Minister Slams Crazed Protesters After Shock" for one
    # capitalised name; its words must still be proposed as in sentence case.
    def proposed(text):
        spans = default_tagger().tag(prepare(text), min_score=0.0)
        return [text[t.start : t.end].lower() for t in spans]

    head = proposed("Minister Slams Crazed Protesters After Shock Defeat")
    assert head
    assert head == proposed("Minister slams crazed protesters after shock defeat")
