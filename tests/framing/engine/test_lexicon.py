from framing.engine.codebooks import CATEGORY_KEYS
from framing.engine.lexicon import Entry, Lexicon, load_lexicon, parse_tsv, spellings
from framing.engine.text import normalise


def _found(text: str, lexicon: Lexicon | None = None) -> list[str]:
    lex = lexicon or load_lexicon("en")
    return [text[m.start : m.end] for m in lex.find(normalise(text))]


def test_noun_entries_match_their_plural():
    assert "puppet regimes" in _found("Both puppet regimes were condemned.")


def test_verb_entries_match_inflected_forms():
    assert "scheming" in _found("They are scheming again.")
    assert "plotted" in _found("Officials plotted the coup.")


def test_hyphen_and_space_spellings_both_match():
    assert _found("a rules based order") == ["rules based order"]
    assert _found("a rules-based order") == ["rules-based order"]


def test_multiword_entry_matches_across_a_line_break():
    assert "collateral\ndamage" in _found("some collateral\ndamage occurred")


def test_matches_need_word_boundaries():
    assert _found("The plotline was thin.") == []


def test_word_glued_into_a_hyphenated_compound_is_not_matched():
    assert "hegemonic" not in _found("an anti-hegemonic coalition")


def test_context_exception_cancels_a_match():
    assert _found("The sanctions regime was tightened.") == []


def test_claimed_responsibility_is_not_a_loaded_attribution():
    assert _found("The group claimed responsibility for the blast.") == []


def test_claimed_as_a_speech_verb_is_matched():
    assert _found("The spokesman claimed the drills were routine.") == ["claimed"]


def test_government_alone_is_not_in_the_lexicon():
    assert _found("The government said the talks went well.") == []


def test_unknown_language_gets_an_empty_lexicon():
    assert load_lexicon("xx").size == 0
    assert load_lexicon("xx").find("anything") == []


def test_tsv_parsing_reads_weight_pos_and_exceptions():
    (entry,) = parse_tsv("plot\thostile_intent\t0.6\tv\tprev=land;next=of,twist\tnote here\n")
    assert entry == Entry(
        "plot",
        "hostile_intent",
        0.6,
        "v",
        "note here",
        frozenset({"land"}),
        frozenset({"of", "twist"}),
    )


def test_spellings_include_doubled_consonant_forms():
    assert {"plotted", "plotting", "plots"} <= spellings("plot", "v")


def test_a_lexicon_built_from_entries_finds_them():
    lex = Lexicon([Entry("paper tiger", "pejorative_label", 0.9, "n", "")])
    assert _found("They are paper-tigers.", lex) == ["paper-tigers"]


def test_lexicon_covers_official_spin_as_well_as_invective():
    cats = {e.term: e.category for e in load_lexicon("en").entries}
    assert cats["ironclad commitment"] == "glorification"
    assert cats["collateral damage"] == "euphemism"
    assert cats["puppet regime"] == "pejorative_label"
    assert cats["surgical strike"] == "euphemism"


def test_every_category_has_entries_and_spin_is_well_covered():
    entries = load_lexicon("en").entries
    counts = {c: sum(e.category == c for e in entries) for c in CATEGORY_KEYS}
    assert min(counts.values()) >= 10
    spin = counts["glorification"] + counts["euphemism"]
    assert spin / len(entries) >= 0.2


def test_lexicon_rows_use_codebook_categories_and_valid_weights():
    for entry in load_lexicon("en").entries:
        assert entry.category in CATEGORY_KEYS, entry
        assert 0.0 < entry.weight <= 1.0, entry
        assert entry.pos in {"n", "v", "x"}, entry


def test_multiword_entry_matches_across_a_crlf_line_break_and_double_spaces():
    text = "Officials denied any collateral\r\ndamage.  Critics saw a  puppet   regime."
    found = _found(text)
    assert "collateral\r\ndamage" in found
    assert "puppet   regime" in found
