from framing.engine.actors import find_actors
from framing.engine.text import split_sentences


def _actors(text: str):
    return find_actors(text, {s for s, _ in split_sentences(text)})


def test_aliases_merge_under_one_key():
    found = _actors("The US and the United States, that is Washington, agreed.")
    assert {m.actor for m in found} == {"usa"}
    assert [m.text for m in found] == ["US", "the United States", "Washington"]


def test_korean_aliases_merge():
    found = _actors("ROK officials in Seoul said South Korea would join.")
    assert {m.actor for m in found} == {"south_korea"}


def test_longest_alias_wins():
    (m,) = _actors("North Korean state media reported the launch.")
    assert (m.text, m.actor, m.kind) == ("North Korean", "dprk", "country")


def test_lowercase_common_word_is_not_an_alias():
    assert _actors("Tell us what happened.") == []


def test_title_is_stripped_and_person_detected():
    (m,) = [
        a for a in _actors("He met Defence Minister Park Min-ho on Monday.") if a.kind == "person"
    ]
    assert m.text == "Park Min-ho"


def test_surname_alone_later_merges_with_the_full_name():
    found = _actors("Talks with Minister Park Min-ho ended. Later, Park said no deal was near.")
    people = [m for m in found if m.kind == "person"]
    assert [m.text for m in people] == ["Park Min-ho", "Park"]
    assert len({m.actor for m in people}) == 1


def test_organisation_words_mark_unknown_organisations():
    (m,) = _actors("A report by the Hallasan Institute for Peace was published.")
    assert (m.kind, m.actor) == ("organisation", "hallasan_institute_for_peace")


def test_single_capitalised_word_at_sentence_start_is_not_an_actor():
    assert _actors("Officials declined to comment.") == []


def test_a_capitalised_group_noun_and_its_connector_are_not_part_of_a_place_actor():
    from framing.engine.actors import find_actors

    text = "The mayor spoke. Residents of Halden Bridge said they were worried."
    names = [m.text for m in find_actors(text, {0, 17})]
    assert "Halden Bridge" in names
    assert not any(n.startswith("of ") for n in names)
