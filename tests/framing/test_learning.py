"""Learning from analysts: article frames, the activation guard, the annotate-next queue."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from framing import engine
from framing.active_learning import event_annotation_queue, uncertainty
from framing.analysis_services import builtin_model_version, engine_model_for, event_switch_model
from framing.engine.artifacts import default_model
from framing.frame_services import article_frame_decide
from framing.model_checks import workspace_comparison
from framing.models import Annotation, ArticleFrame, Label, ModelVersion
from framing.services import annotation_create, codebooks_install_defaults
from framing.training_services import annotated_text_count, model_train, training_data
from tests.factories import EventFactory, MembershipFactory, WorkspaceFactory, make_article

pytestmark = pytest.mark.django_db

TEXT = (
    "Tariffs hit exporters hard. Troops crossed the border at dawn. "
    "Crews of the puppet regime sailed."
)


@pytest.fixture
def event(workspace):
    codebooks_install_defaults(workspace=workspace)
    return EventFactory(workspace=workspace)


@pytest.fixture
def revision(event):
    return make_article(event=event, text=TEXT).current_revision


def _label(workspace, key):
    return Label.objects.get(codebook_version__codebook__workspace=workspace, key=key)


def _metrics(model_f1: float, builtin_f1: float) -> dict:
    return {
        "workspace_cv": {
            "chosen": "stacked",
            "folds": 5,
            "documents": 40,
            "scores": {
                "stacked": {"partial": {"f1": model_f1}, "per_label": {}},
                "shipped": {"partial": {"f1": builtin_f1}},
            },
        }
    }


def _version(workspace, model_f1, builtin_f1):
    return ModelVersion.objects.create(
        workspace=workspace, name="Ours", engine_version="x", sha256="f" * 64,
        metrics=_metrics(model_f1, builtin_f1),
    )  # fmt: skip


# Article frames -------------------------------------------------------------------------


def test_an_article_frame_is_accepted_then_rejected_then_cleared(workspace, revision, annotator):
    label = _label(workspace, "economic")
    article_frame_decide(revision=revision, label=label, status="accepted", user=annotator)
    article_frame_decide(revision=revision, label=label, status="rejected", user=annotator)
    assert ArticleFrame.objects.get(revision=revision).status == "rejected"
    article_frame_decide(revision=revision, label=label, status="", user=annotator)
    assert not ArticleFrame.objects.exists()


def test_a_loaded_term_label_is_not_an_article_frame(workspace, revision, annotator):
    with pytest.raises(ValidationError):
        article_frame_decide(
            revision=revision, label=_label(workspace, "pejorative_label"), status="accepted",
            user=annotator,
        )  # fmt: skip


def test_another_workspaces_frame_is_refused(workspace, revision, annotator):
    other = WorkspaceFactory()
    codebooks_install_defaults(workspace=other)
    with pytest.raises(ValidationError):
        article_frame_decide(
            revision=revision, label=_label(other, "economic"), status="accepted", user=annotator
        )


def test_article_frames_become_article_layer_training_examples(workspace, revision, annotator):
    article_frame_decide(
        revision=revision, label=_label(workspace, "economic"), status="accepted", user=annotator
    )
    article_frame_decide(
        revision=revision, label=_label(workspace, "security_defense"), status="rejected",
        user=annotator,
    )  # fmt: skip
    sents, _, groups, articles, _ = training_data(workspace=workspace).frames["policy"]
    assert len(sents) == 3
    assert articles == [([0, 1, 2], {"economic"})]
    assert len(set(groups)) == 1  # one article, one cross-validation group


def test_sentences_of_an_article_labelled_only_as_a_whole_inherit_its_frames_weakly(
    workspace, revision, annotator
):
    # Not "no frame" (which taught the sentence models to miss exactly these frames): each
    # sentence may hold the article's frame, with the weight of one sentence in three.
    article_frame_decide(
        revision=revision, label=_label(workspace, "economic"), status="accepted", user=annotator
    )
    _, labels, _, _, weights = training_data(workspace=workspace).frames["policy"]
    assert labels == [{"economic"}] * 3
    assert weights == [pytest.approx(1 / 3)] * 3


def test_an_article_decision_alone_makes_a_text_count_for_training(workspace, revision, annotator):
    assert annotated_text_count(workspace=workspace) == 0
    article_frame_decide(
        revision=revision, label=_label(workspace, "economic"), status="accepted", user=annotator
    )
    assert annotated_text_count(workspace=workspace) == 1


def test_annotator_accepts_an_article_frame_in_the_view(client, workspace, revision, annotator):
    client.force_login(annotator)
    label = _label(workspace, "economic")
    url = reverse("article_frame", args=[revision.pk])
    response = client.post(url, {"label": label.pk, "status": "accepted"})
    assert response.status_code == 302
    assert ArticleFrame.objects.get(revision=revision, label=label).decided_by == annotator


def test_viewer_may_not_decide_an_article_frame(client, workspace, revision, viewer):
    client.force_login(viewer)
    url = reverse("article_frame", args=[revision.pk])
    response = client.post(url, {"label": _label(workspace, "economic").pk, "status": "accepted"})
    assert response.status_code == 403
    assert not ArticleFrame.objects.exists()


def test_outsider_gets_404_deciding_an_article_frame(client, workspace, revision, outsider):
    client.force_login(outsider)
    url = reverse("article_frame", args=[revision.pk])
    response = client.post(url, {"label": _label(workspace, "economic").pk, "status": "accepted"})
    assert response.status_code == 404


def test_the_article_page_lists_frames_with_the_analysts_decision(
    client, workspace, revision, annotator
):
    article_frame_decide(
        revision=revision, label=_label(workspace, "economic"), status="accepted", user=annotator
    )
    client.force_login(annotator)
    page = client.get(revision.article.get_absolute_url()).content.decode()
    assert 'id="frame-table"' in page
    assert 'data-frame="economic" class="in-article"' in page


# Activation guard -----------------------------------------------------------------------


def test_switching_to_a_model_worse_than_the_built_in_is_refused(workspace, event):
    worse = _version(workspace, 0.30, 0.45)
    with pytest.raises(ValidationError, match="below the built-in"):
        event_switch_model(event=event, model_version=worse)
    event.refresh_from_db()
    assert event.analysis_model_id is None


def test_switching_to_a_worse_model_is_allowed_when_forced(workspace, event):
    worse = _version(workspace, 0.30, 0.45)
    event_switch_model(event=event, model_version=worse, force=True)
    assert event.analysis_model == worse


def test_a_better_model_switches_without_force(workspace, event):
    better = _version(workspace, 0.50, 0.45)
    event_switch_model(event=event, model_version=better)
    assert event.analysis_model == better


def test_the_built_in_model_has_no_workspace_comparison(db):
    assert workspace_comparison(builtin_model_version().metrics) is None


def test_switch_view_refuses_a_worse_model_with_the_reason(client, workspace, event, analyst):
    worse = _version(workspace, 0.30, 0.45)
    client.force_login(analyst)
    url = reverse("event_model", args=[event.pk])
    response = client.post(url, {"model": worse.pk, "action": "switch"}, follow=True)
    assert "below the built-in model" in response.content.decode()
    assert 'id="force-switch"' in response.content.decode()
    event.refresh_from_db()
    assert event.analysis_model_id is None


def test_switch_view_switches_a_worse_model_when_the_box_is_ticked(
    client, workspace, event, analyst
):
    worse = _version(workspace, 0.30, 0.45)
    client.force_login(analyst)
    url = reverse("event_model", args=[event.pk])
    client.post(url, {"model": worse.pk, "action": "switch", "force": "1"})
    event.refresh_from_db()
    assert event.analysis_model == worse


def test_viewer_may_not_switch_models(client, workspace, event, viewer):
    worse = _version(workspace, 0.30, 0.45)
    client.force_login(viewer)
    url = reverse("event_model", args=[event.pk])
    response = client.post(url, {"model": worse.pk, "action": "switch", "force": "1"})
    assert response.status_code == 403


def test_models_page_shows_the_cross_validated_score_against_the_built_in(
    client, workspace, viewer
):
    _version(workspace, 0.30, 0.45)
    client.force_login(viewer)
    page = client.get(reverse("model_list", args=[workspace.pk])).content.decode()
    assert "<strong>0.30</strong> vs built-in 0.45" in page
    assert "worse than built-in" in page


def test_models_page_says_when_texts_were_the_built_ins_training_text(client, workspace, viewer):
    version = _version(workspace, 0.45, 0.45)
    version.metrics["workspace_cv"]["seen_by_base"] = 12
    version.save(update_fields=["metrics"])
    client.force_login(viewer)
    page = client.get(reverse("model_list", args=[workspace.pk])).content.decode()
    assert "12 of them are the built-in tagger's own training text, not used to choose" in page


def test_outsider_gets_404_on_the_models_page(client, workspace, outsider):
    client.force_login(outsider)
    assert client.get(reverse("model_list", args=[workspace.pk])).status_code == 404


# Annotate next --------------------------------------------------------------------------


def test_uncertainty_peaks_at_the_threshold():
    assert uncertainty(0.3, 0.3) == 1.0
    assert uncertainty(0.3, 0.3) > uncertainty(0.5, 0.3) > uncertainty(0.95, 0.3)
    assert uncertainty(0.2, 0.3) > uncertainty(0.01, 0.3)


def _analysed(revision):
    from framing.analysis_services import analysis_run

    return analysis_run(revision=revision, model_version=builtin_model_version()).analysis


def test_queue_puts_coder_disagreements_before_model_uncertainty(workspace, event, revision):
    _analysed(revision)
    a, b = (MembershipFactory(workspace=workspace, role="annotator").user for _ in range(2))
    label = _label(workspace, "pejorative_label")
    start = TEXT.index("puppet regime")
    annotation_create(revision=revision, start=start, end=start + 13, label=label, author_user=a)
    other = make_article(event=event, text="The rogue fleet was sighted.").current_revision
    annotation_create(revision=other, start=4, end=15, label=label, author_user=b)
    annotation_create(revision=revision, start=0, end=7, label=label, author_user=b)
    queue = event_annotation_queue(event=event)
    assert queue and "coders disagree" in queue[0].reasons[0]


def test_queue_orders_suggestions_by_closeness_to_the_threshold(workspace, event, revision):
    analysis = _analysed(revision)
    label = _label(workspace, "hyperbole")
    Annotation.objects.filter(revision=revision).delete()
    for start, end, score in ((0, 7, 0.99), (28, 34, 0.31)):
        Annotation.objects.create(
            revision=revision, start=start, end=end, label=label, score=score,
            author_model=builtin_model_version(), analysis=analysis,
        )  # fmt: skip
    floor = builtin_model_version().metrics["operating_points"]["balanced"]["threshold"]
    assert floor < 0.6  # 0.31 is then the closer call, in log-odds, than 0.99
    queue = event_annotation_queue(event=event)
    assert [i.start for i in queue] == [28, 0]  # the sentences holding the two suggestions


def test_annotator_sees_the_queue_page(client, workspace, event, revision, annotator):
    _analysed(revision)
    client.force_login(annotator)
    response = client.get(reverse("event_queue", args=[event.pk]))
    assert response.status_code == 200
    assert "What to annotate next" in response.content.decode()


def test_viewer_may_not_open_the_queue(client, event, viewer):
    client.force_login(viewer)
    assert client.get(reverse("event_queue", args=[event.pk])).status_code == 403


def test_outsider_gets_404_on_the_queue(client, event, outsider):
    client.force_login(outsider)
    assert client.get(reverse("event_queue", args=[event.pk])).status_code == 404


# Frame models: the cross-validated choice ------------------------------------------------
# Every sentence names the place: texts sharing a sentence would be one story for the folds.
FERRY = (
    "The {p} ferry left the quay at dawn with forty passengers aboard. Its {p} timetable now "
    "lists a second crossing on weekday afternoons. The {p} skipper said the swell was calm."
)
CHOIR = (
    "The {p} choir rehearsed new carols in the chapel hall on Tuesday. Its {p} conductor "
    "asked the tenors to hold the final note longer. The {p} singers will perform at the fair."
)
PLACES = ["Aldmoor", "Brisk Hollow", "Cape Varran", "Dunmere", "Eastwick", "Fenby", "Holt"]


@pytest.fixture
def convention(workspace, event, annotator):
    """A workspace that codes ferry stories as morality and choir stories as legality (the
    built-in calls both "other")."""
    for place in PLACES:
        for template, key in ((FERRY, "morality"), (CHOIR, "legality")):
            text = template.format(p=place)
            revision = make_article(event=event, text=text).current_revision
            article_frame_decide(
                revision=revision, label=_label_in(workspace, "policy-frames", key),
                status="accepted", user=annotator,
            )  # fmt: skip
    return workspace


def _label_in(workspace, codebook, key):
    return Label.objects.get(
        codebook_version__codebook__workspace=workspace,
        codebook_version__codebook__key=codebook,
        key=key,
    )


@pytest.fixture
def fast_frames(monkeypatch):
    """Retraining without our seed data (seconds, not the ~15 s of CPU per fold the seed
    data costs); the choice and what is stored are the app's own."""
    from framing import training_services
    from framing.engine.frame_training import train_frame_model

    calls = []

    def train(examples):
        calls.append(len(connection.atomic_blocks))
        shipped = default_model().frames
        s, labels, groups, articles, weights = examples["policy"]
        policy = train_frame_model(
            s, labels, shipped["policy"].labels, groups=groups, articles=articles, weak=weights
        )
        return {**shipped, "policy": policy}

    monkeypatch.setattr(training_services, "train_frame_models", train)
    return calls


def test_frame_models_are_chosen_outside_any_transaction(convention, fast_frames):
    depth = len(connection.atomic_blocks)  # the test's own transaction
    model_train(workspace=convention, user=None)
    assert fast_frames and set(fast_frames) == {depth}


def test_a_consistent_frame_convention_is_kept_and_recorded(convention, fast_frames):
    version = model_train(workspace=convention, user=None)
    cv = version.metrics["frames_cv"]
    assert cv["chosen"] == "trained" and version.training_summary["frames"] == "trained"
    assert cv["documents"] == 2 * len(PLACES)
    assert cv["scores"]["trained"]["f1"] > cv["scores"]["shipped"]["f1"]
    text = FERRY.format(p="Quenby")
    frames = engine.analyze(text, model=engine_model_for(version)).frames["policy"]
    assert {f.key for f in frames if f.selected} == {"morality"}


def test_models_page_shows_the_frame_choice_against_the_built_in(client, workspace, viewer):
    metrics = {
        "frames_cv": {
            "chosen": "shipped", "folds": 3, "documents": 300,
            "scores": {"shipped": {"f1": 0.72}, "trained": {"f1": 0.42}},
        }
    }  # fmt: skip
    ModelVersion.objects.create(
        workspace=workspace, name="Ours", engine_version="x", sha256="e" * 64, metrics=metrics
    )
    client.force_login(viewer)
    page = client.get(reverse("model_list", args=[workspace.pk])).content.decode()
    assert "<strong>0.72</strong> vs built-in 0.72" in page
    assert "built-in kept, retrained scored 0.42" in page
