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
