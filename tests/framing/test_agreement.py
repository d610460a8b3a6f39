import pytest
from django.urls import reverse

from framing.agreement import Doc, agreement, disagreements, unit_distance, unitizing_alpha
from framing.models import Annotation, Label
from framing.services import annotation_create, codebooks_install_defaults
from framing.team_services import event_agreement
from tests.factories import EventFactory, MembershipFactory, make_article


def test_identical_layers_agree_fully():
    doc = Doc(key=1, text="a b c d", layers={1: [(0, 3, "L")], 2: [(0, 3, "L")]})
    label, overall = agreement([doc], ["L"])
    assert (label.kappa, label.alpha, label.span_agreement) == (1.0, 1.0, 1.0)
    assert overall.alpha == 1.0


def test_token_scores_match_the_hand_computed_values():
    # Tokens a b c d: coder 1 marks a, b; coder 2 marks a. κ = (3/4 − 1/2)/(1 − 1/2) = 0.5;
    # α: coincidences o11=2, o10=o01=1, o00=4 → 1 − (2/8)/(2·3·5/(8·7)) = 8/15.
    doc = Doc(key=1, text="a b c d", layers={1: [(0, 3, "L")], 2: [(0, 1, "L")]})
    label = agreement([doc], ["L"])[0]
    assert label.kappa == pytest.approx(0.5)
    assert label.alpha == pytest.approx(8 / 15)
    assert label.span_agreement == 1.0  # the two spans overlap


def test_span_level_kappa_and_alpha_count_each_marked_passage_once():
    # Passages a b (both L), c (M by coder 1 only), d (L by 1, M by 2): values L M L / L – M.
    # κ: observed 1/3, chance (2/3)(1/3) + (1/3)(1/3) = 1/3 → 0. α: 6 values, 4 of the
    # ordered pairs disagree → D_o = 4/6, D_e = (36 − 9 − 4 − 1)/30 → α = 1/11.
    doc = Doc(
        key=1,
        text="a b c d e",
        layers={1: [(0, 3, "L"), (4, 5, "M"), (6, 7, "L")], 2: [(0, 1, "L"), (6, 7, "M")]},
    )
    overall = agreement([doc], ["L", "M"])[-1]
    assert overall.units == 3
    assert overall.span_kappa == pytest.approx(0.0)
    assert overall.span_alpha == pytest.approx(1 / 11)


def test_the_agreement_page_shows_span_level_kappa_and_alpha(client, two_coders):
    event, _, a, _ = two_coders
    client.force_login(a)
    page = client.get(reverse("event_agreement", args=[event.pk])).content.decode()
    assert "Span κ" in page and "Span α" in page
    # "junta" marked by both, "sham" by one: two passages in the overall row.
    assert event_agreement(event=event).scores[-1].units == 2


def test_a_text_only_one_coder_tagged_is_not_compared():
    docs = [
        Doc(key=1, text="a b", layers={1: [(0, 1, "L")], 2: [(0, 1, "L")]}),
        Doc(key=2, text="c d", layers={1: [(0, 1, "L")]}),
    ]
    assert agreement(docs, ["L"])[0].tokens == 2
    assert disagreements(docs) == []


def test_disagreements_name_who_has_the_span_and_who_lacks_it():
    doc = Doc(key=7, text="a b c d", layers={1: [(0, 1, "L"), (4, 5, "M")], 2: [(0, 1, "L")]})
    [d] = disagreements([doc])
    assert (d.doc, d.start, d.end, d.label, d.have, d.lack) == (7, 4, 5, "M", (1,), (2,))


# Through the database and the pages ----------------------------------------------------

TEXT = "The junta staged a sham vote."


@pytest.fixture
def two_coders(db, workspace):
    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    revision = make_article(event=event, text=TEXT).current_revision
    a = MembershipFactory(workspace=workspace, role="annotator").user
    b = MembershipFactory(workspace=workspace, role="annotator").user
    label = Label.objects.filter(codebook_version__codebook__workspace=workspace)
    pej = label.get(key="pejorative_label")
    for user in (a, b):
        annotation_create(revision=revision, start=4, end=9, label=pej, author_user=user)
    annotation_create(revision=revision, start=19, end=23, label=pej, author_user=a)
    return event, revision, a, b


def test_event_agreement_reads_each_annotators_layer(two_coders):
    event, revision, a, b = two_coders
    report = event_agreement(event=event)
    assert set(report.coders) == {a.pk, b.pk}
    [d] = report.disagreements
    assert (revision.text[d.start : d.end], d.have, d.lack) == ("sham", (a.pk,), (b.pk,))


def test_curating_builds_a_gold_layer_that_is_nobodys_layer(client, two_coders, analyst):
    event, revision, a, b = two_coders
    client.force_login(analyst)
    url = reverse("event_curate", args=[event.pk])
    assert client.post(url, {"action": "agreed"}).status_code == 302
    data = {"revision": revision.pk, "start": 19, "end": 23, "label": "pejorative_label"}
    assert client.post(url, {**data, "choice": "include"}).status_code == 302
    gold = Annotation.objects.filter(curated=True)
    assert sorted(revision.text[g.start : g.end] for g in gold) == ["junta", "sham"]
    assert set(event_agreement(event=event).coders) == {a.pk, b.pk}  # the curator is no coder
    client.post(url, {**data, "choice": "exclude"})
    assert [g.text for g in Annotation.objects.filter(curated=True)] == ["junta"]
    page = client.get(reverse("event_agreement", args=[event.pk])).content.decode()
    assert "Gold layer: 1 curated tag(s)." in page


def test_annotators_see_agreement_but_may_not_curate(client, two_coders):
    event, _, a, _ = two_coders
    client.force_login(a)
    assert client.get(reverse("event_agreement", args=[event.pk])).status_code == 200
    url = reverse("event_curate", args=[event.pk])
    assert client.post(url, {"action": "agreed"}).status_code == 403
    assert not Annotation.objects.filter(curated=True).exists()


def test_viewer_is_refused_and_outsider_gets_404(client, two_coders, viewer, outsider):
    event = two_coders[0]
    client.force_login(viewer)
    assert client.get(reverse("event_agreement", args=[event.pk])).status_code == 403
    client.force_login(outsider)
    assert client.get(reverse("event_agreement", args=[event.pk])).status_code == 404
    assert client.post(reverse("event_curate", args=[event.pk]), {}).status_code == 404


def test_curating_a_span_of_another_event_is_refused(client, two_coders, workspace, analyst):
    _, revision, _, _ = two_coders
    other = EventFactory(workspace=workspace)
    client.force_login(analyst)
    data = {"revision": revision.pk, "start": 4, "end": 9, "label": "pejorative_label"}
    response = client.post(reverse("event_curate", args=[other.pk]), {**data, "choice": "include"})
    assert response.status_code == 400
    assert not Annotation.objects.filter(curated=True).exists()


def test_event_page_links_to_agreement_for_annotators_not_viewers(client, two_coders, viewer):
    event, _, a, _ = two_coders
    url = reverse("event_agreement", args=[event.pk])
    client.force_login(a)
    assert url in client.get(event.get_absolute_url()).content.decode()
    client.force_login(viewer)
    assert url not in client.get(event.get_absolute_url()).content.decode()


# Krippendorff (2004), Content Analysis, 2nd ed., p. 254: a continuum [150, 450), two coders,
# labels c and k; the book gives D_o(c) = .0144, D_e(c) = .0532, α_u(c) = .7286, α_u(k) = 1
# and α_u = .8591 over both labels. Shifted to start at 0.
K2004 = [
    [(225, 295, "c"), (370, 400, "c"), (180, 240, "k"), (300, 350, "k")],
    [(220, 300, "c"), (355, 375, "c"), (400, 420, "c"), (180, 240, "k"), (300, 350, "k")],
]


def _shifted(layers, by=150):
    return [[(s - by, e - by, lab) for s, e, lab in spans] for spans in layers]


def test_unit_distances_match_krippendorffs_worked_values():
    assert unit_distance((225, 70, True), (220, 80, True)) == 50
    assert unit_distance((370, 30, True), (355, 20, True)) == 850
    assert unit_distance((400, 50, False), (400, 20, True)) == 400  # a unit inside a gap
    assert unit_distance((5, 6, True), (4, 7, False)) == 36
    assert unit_distance((2, 3, False), (4, 3, True)) == 0  # only partly inside the gap


def test_unitizing_alpha_reproduces_the_books_worked_example():
    alpha = unitizing_alpha(300, _shifted(K2004), ["c", "k"])
    assert alpha["c"] == pytest.approx(0.7286, abs=5e-4)
    assert alpha["k"] == pytest.approx(1.0)
    assert alpha[""] == pytest.approx(0.8591, abs=5e-4)


def test_unitizing_alpha_is_one_for_identical_layers_and_none_for_an_unused_label():
    spans = [(3, 9, "L"), (20, 26, "L")]
    alpha = unitizing_alpha(40, [spans, list(spans)], ["L", "M"])
    assert alpha["L"] == pytest.approx(1.0) and alpha["M"] is None


def test_unitizing_alpha_falls_as_one_coders_boundaries_drift():
    exact = [(10, 20, "L"), (40, 50, "L")]
    near = [(11, 20, "L"), (40, 52, "L")]
    far = [(14, 30, "L"), (44, 58, "L")]
    close = unitizing_alpha(80, [exact, near], ["L"])["L"]
    loose = unitizing_alpha(80, [exact, far], ["L"])["L"]
    assert 1.0 > close > loose


def test_the_agreement_table_reports_unitizing_alpha_over_texts_both_coders_tagged():
    text = "x" * 300
    docs = [
        Doc(key=1, text=text, layers={1: _shifted(K2004)[0], 2: _shifted(K2004)[1]}),
        Doc(key=2, text="not compared", layers={1: [(0, 3, "c")]}),  # one coder only
    ]
    rows = {r.label: r for r in agreement(docs, ["c", "k"])}
    assert rows["c"].unitizing_alpha == pytest.approx(0.7286, abs=5e-4)
    assert rows[""].unitizing_alpha == pytest.approx(0.8591, abs=5e-4)
