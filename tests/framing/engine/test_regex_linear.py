"""The engine's regexes run in linear time on hostile article text (issue 9).

``analyze()`` runs on every uploaded article, so a crafted text must not make any pattern
rescan it from each position. Each case builds an input against one pattern (a long run of
punctuation, an opener repeated without its closer, one long word) and checks the pattern's
caller at two sizes; the sentence splitter took 100 s on 40,000 dots before the fix.
"""

from __future__ import annotations

import pytest

from framing.engine import analyze, relays
from framing.engine import attribution as att
from framing.engine.actors import find_actors
from framing.engine.contrast.vocabulary import terms
from framing.engine.lexicon import load_lexicon
from framing.engine.patterns import find_patterns
from framing.engine.quotes import pair_marks
from framing.engine.text import MAX_SENTENCE_CHARS, normalise, split_sentences, tokenize
from tests.timing import assert_linear


@pytest.fixture(scope="module", autouse=True)
def _engine_loaded():
    analyze("The model, lexicon and gazetteer load before anything is timed.")


@pytest.mark.parametrize(
    "unit",
    [".", "!?", "…", '."', ".)", "!”"],
    ids=["dots", "marks", "ellipses", "dot-quote", "dot-paren", "mark-quote"],
)
def test_sentence_splitting_is_linear(unit):
    assert_linear(split_sentences, lambda n: "a" + unit * n + "x", 4_000)


def test_analysis_of_a_text_of_dots_is_linear():
    assert_linear(analyze, lambda n: "The ministry said so" + "." * n + "x", 2_000)


@pytest.mark.parametrize("unit", [', " said ', "so-called ", "Asian-NATO "])
def test_analysis_of_one_endless_sentence_is_linear(unit):
    # One "sentence" of thousands of speech tags or overlapping candidates: the speaker and
    # candidate searches were quadratic in it (48 KB of ', " said ' took 22 s).
    # The ratio check is the linearity test; the absolute limit only has to stay far below the
    # quadratic code's time (~90 s at 96 KB). 5 s was within noise of this machine's 5.4-6.9 s.
    make = lambda n: "The minister spoke" + unit * n + "."  # noqa: E731
    assert_linear(analyze, make, 12_000 // len(unit), limit=10.0)


def test_very_long_runs_without_a_sentence_end_are_cut_into_bounded_sentences():
    text = ("word " * 1000).strip()
    spans = split_sentences(text)
    assert max(e - s for s, e in spans) <= MAX_SENTENCE_CHARS
    assert " ".join(text[s:e] for s, e in spans) == text  # cut only at spaces


@pytest.mark.parametrize("unit", ["a'", "a’b", "a-", "'"])
def test_tokenising_is_linear(unit):
    assert_linear(lambda text: tokenize(text, [(0, len(text))]), lambda n: unit * n, 4_000)


@pytest.mark.parametrize("unit", ["A", "Ab ", "A’", "Ab of the ", "Ab al-"])
def test_capitalised_name_detection_is_linear(unit):
    assert_linear(
        lambda text: find_actors(text, frozenset()), lambda n: unit * n, 8_000 // len(unit)
    )


@pytest.mark.parametrize("unit", ['"', "“", "”", "‘a", "'a ", "«", "„a "])
def test_quote_mark_pairing_is_linear(unit):
    assert_linear(pair_marks, lambda n: "x " + unit * n, 2_000)


@pytest.mark.parametrize(
    "unit",
    ["so-called ", "so-called a-", "self-styled 'a ", "asian-", "version of the "],
)
def test_pattern_rules_are_linear(unit):
    assert_linear(find_patterns, lambda n: normalise("x " + unit * n), 8_000 // len(unit))


def test_lexicon_lookup_over_runs_of_spaces_is_linear():
    lexicon = load_lexicon("en")
    assert_linear(lexicon.find, lambda n: "puppet" + " " * n + "regime", 4_000)


SENTENCE_REGEXES = {
    # patterns applied to a whole sentence, which a text without full stops makes long
    "relay hint": (att._RELAY_HINT.search, "cited   "),
    "according to": (lambda s: list(att.ACCORDING.finditer(s)), "according to Aa'"),
    "according to a long word": (
        lambda s: list(att.ACCORDING.finditer(s)),
        "according to " + "a" * 40 + " ",
    ),
    "citing": (lambda s: list(att.CITING.finditer(s)), "quoting US officials of "),
    "quoted by": (lambda s: list(att._QUOTED_VERB.finditer(s)), " quoted  "),
    "as saying": (att._AS_SAYING.search, "as "),
    "clause punctuation": (att._CLAUSE_PUNCT.search, ", a"),
    "word starts": (lambda s: list(att._WORD_START.finditer(s)), "a'"),
}


@pytest.mark.parametrize("case", SENTENCE_REGEXES.values(), ids=SENTENCE_REGEXES.keys())
def test_sentence_level_attribution_patterns_are_linear(case):
    search, unit = case
    assert_linear(search, lambda n: unit * n, 20_000 // len(unit))


@pytest.mark.parametrize("unit", ["a-", "a'-", "«a» "])
def test_contrast_vocabulary_is_linear(unit):
    assert_linear(lambda text: terms(text), lambda n: unit * n, 2_000)


@pytest.mark.parametrize("unit", ["abcd ", "abcd", "ab/", "ab/ "])
def test_closing_credit_lines_are_linear(unit):
    # A closing line opening with a medium's name and going on in lower case ("Kyodo News
    # reported that the transport ministry was examining …"): the desk sign-off's initials
    # ("AAP dh/jm") split each word every possible way (22 s on a 110-character line).
    assert_linear(
        lambda text: list(relays._CLOSING.finditer(text)),
        lambda n: "The end.\nReuters " + unit * n + ".",
        400 // len(unit),
    )


def test_runs_of_spaces_after_quotes_are_read_in_linear_time():
    # Pages copied from the web keep runs of spaces inside lines; the speech-tag patterns read
    # after each closing quote began with two optional space runs around an optional comma,
    # which tried every split of the run (90 ms per quote for 160 spaces).
    make = lambda n: ('"We will go," ' + " " * 150 + "the minister said. ") * n  # noqa: E731
    assert_linear(analyze, make, 8)
