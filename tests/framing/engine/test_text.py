from framing.engine.text import normalise, split_sentences, tokenize


def test_normalise_keeps_length_for_characters_that_lowercase_to_two_code_points():
    text = "İstanbul — “Quoted”"
    assert len(normalise(text)) == len(text)


def test_normalise_folds_curly_quotes_dashes_and_line_breaks():
    assert normalise("A\u2014B “c” d\u2019e\r\nf") == 'a-b "c" d\'e  f'


def test_sentences_split_on_terminal_punctuation():
    text = "First one. Second one! Third?"
    assert [text[s:e] for s, e in split_sentences(text)] == ["First one.", "Second one!", "Third?"]


def test_sentences_do_not_split_after_titles_or_initials():
    text = "Mr. Kim met J. Smith on Monday. They talked."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Mr. Kim met J. Smith on Monday.",
        "They talked.",
    ]


def test_line_breaks_end_sentences_even_without_punctuation():
    text = "HEADLINE WITHOUT STOP\nBody text here."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "HEADLINE WITHOUT STOP",
        "Body text here.",
    ]


def test_sentence_spans_are_trimmed_and_never_empty():
    text = "  \n\n  One.   \r\n\r\n   "
    assert [text[s:e] for s, e in split_sentences(text)] == ["One."]


def test_tokens_carry_offsets_into_the_original_text():
    text = "The ministry’s “aggressive” bloc"
    toks = tokenize(text, split_sentences(text))
    assert [text[s:e].lower() for s, e in zip(toks.starts, toks.ends, strict=True)] == toks.words
    assert toks.words == ["the", "ministry’s", "aggressive", "bloc"]


def test_tokens_know_their_sentence():
    text = "One two. Three four."
    toks = tokenize(text, split_sentences(text))
    assert toks.sentence.tolist() == [0, 0, 1, 1]


def _sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_times_of_day_do_not_end_a_sentence_before_what_qualifies_them():
    assert _sentences("The fire began at 11 p.m. on Sunday and was out by 2 a.m. Monday.") == [
        "The fire began at 11 p.m. on Sunday and was out by 2 a.m. Monday."
    ]
    assert _sentences("Trading opens at 9 a.m. GMT and closes at 5 p.m. local time.") == [
        "Trading opens at 9 a.m. GMT and closes at 5 p.m. local time."
    ]


def test_a_time_of_day_still_ends_a_sentence_before_a_new_one():
    assert _sentences("The talks began at 9 a.m. The ministers left at noon.") == [
        "The talks began at 9 a.m.",
        "The ministers left at noon.",
    ]
    assert _sentences('It ended at 5 p.m. "We won," he said.') == [
        "It ended at 5 p.m.",
        '"We won," he said.',
    ]


def test_country_initials_end_a_sentence_only_before_a_sentence_opener():
    assert _sentences("The U.S. Treasury said so. U.S. officials agreed with the U.N. envoy.") == [
        "The U.S. Treasury said so.",
        "U.S. officials agreed with the U.N. envoy.",
    ]
    assert _sentences("The drug is not sold in the U.S. It is sold in Canada.") == [
        "The drug is not sold in the U.S.",
        "It is sold in Canada.",
    ]


def test_numbers_titles_and_saints_do_not_end_sentences():
    assert _sentences("He lives at No. 10 Downing St. in London, said Gen. Ames.") == [
        "He lives at No. 10 Downing St. in London, said Gen. Ames."
    ]
    assert _sentences("Eng. Mariam Haddad met Brig. Omar Said on St. Patrick's Day.") == [
        "Eng. Mariam Haddad met Brig. Omar Said on St. Patrick's Day."
    ]
    assert _sentences("He said no. Then he left.") == ["He said no.", "Then he left."]
