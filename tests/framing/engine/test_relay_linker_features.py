"""Round 14 of the learned relay link: a medium opening the sentence before the speaker's own
apposition is a candidate, sentence-opening prepositions are read as words, and classes of the
words around a name (a kind noun, a role, a programme) reach the model."""

from __future__ import annotations

from framing import engine
from framing.engine import relay_linker as rl
from framing.engine.pipeline import prepare


def _tag(text: str, speaker: str):
    doc = prepare(text)
    q = next(q for q in doc.quotes if q.speaker is not None and speaker in q.speaker.text)
    a, b = next((a, b) for a, b in doc.sentences if a <= q.speaker.start < b)
    return doc, q, a, b


def _features(text: str, speaker: str, name: str) -> dict[str, float]:
    doc, q, a, b = _tag(text, speaker)
    c = next(c for c in rl.candidates(text, a, b, q) if c.text == name)
    return rl.features(text, a, b, q, c, rl.speaker_words(doc.quotes), rl.relay_words(doc.quotes))


OPENING = (
    "Per Harbour Wire, a spokesman for the Tarn refinery, Femi Ojo, said the refinery had "
    "cut its price twice in November."
)


def test_a_medium_before_the_speakers_own_apposition_is_a_candidate():
    _, q, a, b = _tag(OPENING, "Femi Ojo")
    names = [c.text for c in rl.candidates(OPENING, a, b, q)]
    assert "Harbour Wire" in names  # the apposition describes the speaker, not the medium
    f = _features(OPENING, "Femi Ojo", "Harbour Wire")
    assert f["appos_to_speaker"] == 1.0
    # the person told something keeps its apposition filter
    text = "Ruiz told Carlos Mendes, a local councillor, that the clinic would stay open."
    _, q, a, b = _tag(text, "Ruiz")
    assert "Carlos Mendes" not in [c.text for c in rl.candidates(text, a, b, q)]


def test_sentence_opening_prepositions_are_read_as_words():
    f = _features(OPENING, "Femi Ojo", "Harbour Wire")
    assert f.get("p1=per") == 1.0 and "p1=<C>" not in f
    text = "On Kestrel FM, Mayor Dana Voss said the bridge would reopen in May."
    assert _features(text, "Dana Voss", "Kestrel FM").get("p1=on") == 1.0


def test_word_classes_around_the_name():
    text = (
        "A Kestrel Herald spokeswoman, Alison Reyes, said that the company would appeal against "
        "the ruling."
    )
    assert _features(text, "Alison Reyes", "Kestrel Herald").get("n1_role") == 1.0
    text = "“The sample looked genuine,” said Tom Ade, a threat analyst at the firm Sentinel Grid."
    assert _features(text, "Tom Ade", "Sentinel Grid").get("p1_org_noun") == 1.0
    text = (
        "Speaking on the evening programme of Tarn Television, Mayor Dana Voss said that the "
        "bridge would reopen in May."
    )
    f = _features(text, "Dana Voss", "Tarn Television")
    assert f.get("programme_before") == 1.0 and f.get("vclass=say") == 1.0


def test_a_name_relaying_elsewhere_is_marked_but_not_by_its_own_link():
    text = (
        "Kestrel Radio reported that the mayor had resigned. "
        "Council leader Dana Voss told Kestrel Radio that a vote would follow."
    )
    doc, q, a, b = _tag(text, "Dana Voss")
    relays = rl.relay_words(doc.quotes)
    cands = {c.text: c for c in rl.candidates(text, a, b, q)}
    f = rl.features(text, a, b, q, cands["Kestrel Radio"], rl.speaker_words(doc.quotes), relays)
    own = [(s, e, ws) for s, e, ws in relays if s == cands["Kestrel Radio"].start]
    alone = rl.features(text, a, b, q, cands["Kestrel Radio"], frozenset(), tuple(own))
    assert "relays_elsewhere" not in alone  # its own link says nothing
    assert f.get("relays_elsewhere") == 1.0 or not [r for r in relays if r not in own]


def test_the_packaged_model_links_the_opening_medium():
    chains = [q.chain for q in engine.analyze(OPENING).quotes if q.kind != "scare"]
    assert [c[:-1] for c in chains] == [("Harbour Wire",)]
