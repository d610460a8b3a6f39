"""Property tests: whatever the text, every span is a valid slice of it."""

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.engine import analyze

# Text mixing loaded phrases, quote marks, names and arbitrary Unicode (emoji, combining marks,
# right-to-left scripts, CR/LF) so the quote, lexicon and actor layers all get exercised.
PIECES = st.sampled_from(
    [
        "the puppet regime",
        "Asian-version NATO",
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        "\r\n",
        "\n\n",
        " said ",
        "According to TASS, ",
        " so-called ",
        "ironclad commitment",
        "Seoul",
        "US",
        ". ",
        " He added: ",
        ", she said. ",
        "İ",
        "e\u0301",
        "שלום",
        "مرحبا",
        "🙂",
        "\u200b",
        "Mr. ",
        " — ",
        "grossly violates",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=30).map("".join)


def _spans(analysis):
    yield from analysis.loaded_terms
    yield from analysis.quotes
    yield from analysis.actors


@settings(deadline=None)
@given(TEXT)
def test_every_span_is_a_slice_of_the_input(text):
    analysis = analyze(text)
    for span in _spans(analysis):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text


@settings(deadline=None)
@given(TEXT)
def test_sentences_and_speakers_lie_inside_the_text(text):
    analysis = analyze(text)
    for s in analysis.sentences:
        assert 0 <= s.start < s.end <= len(text)
    for q in analysis.quotes:
        if q.speaker is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker


@settings(deadline=None)
@given(st.text(), st.sampled_from(["en", "fr", "ar", "zh", "", "xx-YY"]))
def test_any_unicode_text_in_any_language_analyses(text, language):
    analysis = analyze(text, language=language)
    assert analysis.text_length == len(text)
    assert len(analysis.sentence_frames["policy"]) == len(analysis.sentences)


def test_a_one_megabyte_article_analyses_with_valid_spans():
    paragraph = (
        "\u201cThe US-led Asian-version NATO is a grave threat,\u201d the ministry said. "
        "According to TASS, officials in Seoul called the drills 'routine'. The so-called "
        '"defensive" exercise grossly violates the accord.\r\n\r\n'
    )
    text = paragraph * (1_000_000 // len(paragraph) + 1)
    analysis = analyze(text)
    assert analysis.text_length >= 1_000_000
    assert len(analysis.loaded_terms) > 1000
    for span in _spans(analysis):
        assert text[span.start : span.end] == span.text


@given(TEXT)
def test_token_offsets_recover_each_token(text):
    from framing.engine.text import normalise, split_sentences, tokenize

    low = text.lower() if len(text.lower()) == len(text) else normalise(text)
    tokens = tokenize(text, split_sentences(text))
    for start, end, word in zip(tokens.starts, tokens.ends, tokens.words, strict=True):
        assert low[start:end] == word
    assert tokens.starts == sorted(tokens.starts)
