"""Delete, undo, relabel, stale selections, rejected spans in the text, bulk decisions."""

import pytest
from django.urls import reverse

from accounts.models import AuditEntry
from articles.services import article_revise
from framing.analysis_services import analysis_run, builtin_model_version
from framing.models import Annotation, AnnotationStatus, Label, SpanDecision
from framing.services import annotation_create, codebooks_install_defaults
from tests.factories import EventFactory, MembershipFactory, make_article

pytestmark = pytest.mark.django_db

TEXT = "Crews of the puppet regime sailed at dawn."
JSON = {"Accept": "application/json"}


@pytest.fixture
def event(workspace):
    codebooks_install_defaults(workspace=workspace)
    return EventFactory(workspace=workspace)


@pytest.fixture
def revision(event):
    return make_article(event=event, text=TEXT).current_revision


def _label(workspace, key="pejorative_label"):
    return Label.objects.get(codebook_version__codebook__workspace=workspace, key=key)


def _own(revision, user, label, start=13, end=26):
    return annotation_create(revision=revision, start=start, end=end, label=label, author_user=user)


def _suggestion(revision, label, start=13, end=26, score=0.9):
    a = Annotation.objects.create(
        revision=revision,
        start=start,
        end=end,
        label=label,
        author_model=builtin_model_version(),
        score=score,
        source="lexicon",
    )
    return a


def _post(client, name, pk, data=None, headers=JSON):
    return client.post(reverse(name, args=[pk]), data or {}, headers=headers)


# Delete ---------------------------------------------------------------------------------


def test_annotator_deletes_own_tag_and_it_is_audited(client, workspace, revision, annotator):
    tag = _own(revision, annotator, _label(workspace))
    client.force_login(annotator)
    response = _post(client, "annotation_delete", tag.pk)
    assert response.status_code == 200
    assert not Annotation.objects.filter(pk=tag.pk).exists()
    assert AuditEntry.objects.filter(object_id=tag.pk, action="deleted").exists()


def test_annotator_may_not_delete_someone_elses_tag(client, workspace, revision, annotator):
    other = MembershipFactory(workspace=workspace, role="annotator").user
    tag = _own(revision, other, _label(workspace))
    client.force_login(annotator)
    response = _post(client, "annotation_delete", tag.pk)
    assert response.status_code == 403
    assert "Only its author" in response.json()["errors"]["__all__"][0]
    assert Annotation.objects.filter(pk=tag.pk).exists()


def test_owner_may_delete_anyones_tag(client, workspace, revision, annotator, owner):
    tag = _own(revision, annotator, _label(workspace))
    client.force_login(owner)
    assert _post(client, "annotation_delete", tag.pk).status_code == 200
    assert not Annotation.objects.filter(pk=tag.pk).exists()


def test_a_model_suggestion_cannot_be_deleted(client, workspace, revision, owner):
    tag = _suggestion(revision, _label(workspace))
    client.force_login(owner)
    assert _post(client, "annotation_delete", tag.pk).status_code == 403
    assert Annotation.objects.filter(pk=tag.pk).exists()


def test_viewer_may_not_delete(client, workspace, revision, annotator, viewer):
    tag = _own(revision, annotator, _label(workspace))
    client.force_login(viewer)
    assert _post(client, "annotation_delete", tag.pk).status_code == 403


def test_outsider_gets_404_when_deleting(client, workspace, revision, annotator, outsider):
    tag = _own(revision, annotator, _label(workspace))
    client.force_login(outsider)
    assert _post(client, "annotation_delete", tag.pk).status_code == 404
    assert Annotation.objects.filter(pk=tag.pk).exists()


# Undo -----------------------------------------------------------------------------------


def test_undo_takes_back_an_added_tag(client, workspace, revision, annotator):
    client.force_login(annotator)
    data = {"start": 13, "end": 26, "label": _label(workspace).pk, "quote": "puppet regime"}
    response = _post(client, "annotation_add", revision.pk, data)
    assert response.status_code == 201
    assert response.json()["annotation"]["own"] is True
    assert _post(client, "annotation_undo", revision.pk).status_code == 200
    assert not Annotation.objects.exists()
    # Nothing left to undo on this text: said, not silently ignored.
    response = _post(client, "annotation_undo", revision.pk)
    assert response.status_code == 400
    assert "Nothing to undo" in response.json()["errors"]["__all__"][0]


def test_undo_restores_a_deleted_tag(client, workspace, revision, annotator):
    tag = _own(revision, annotator, _label(workspace))
    client.force_login(annotator)
    _post(client, "annotation_delete", tag.pk)
    _post(client, "annotation_undo", revision.pk)
    restored = Annotation.objects.get()
    assert (restored.start, restored.end, restored.label, restored.author_user) == (
        13,
        26,
        _label(workspace),
        annotator,
    )


def test_undo_takes_back_a_decision_and_its_span_decision(client, workspace, revision, annotator):
    tag = _suggestion(revision, _label(workspace))
    client.force_login(annotator)
    response = _post(client, "annotation_decide", tag.pk, {"status": "rejected", "version": 1})
    assert response.json()["annotation"]["status"] == "rejected"
    assert SpanDecision.objects.filter(revision=revision).exists()
    _post(client, "annotation_undo", revision.pk)
    tag.refresh_from_db()
    assert tag.status == AnnotationStatus.SUGGESTED
    assert not SpanDecision.objects.filter(revision=revision).exists()


def test_undo_after_someone_else_decided_is_a_409(client, workspace, revision, annotator):
    tag = _suggestion(revision, _label(workspace))
    client.force_login(annotator)
    _post(client, "annotation_decide", tag.pk, {"status": "rejected", "version": 1})
    Annotation.objects.filter(pk=tag.pk).update(status="accepted", version=3)
    response = _post(client, "annotation_undo", revision.pk)
    assert response.status_code == 409
    tag.refresh_from_db()
    assert tag.status == "accepted"


def test_undo_is_refused_to_a_viewer_and_404_for_an_outsider(client, revision, viewer, outsider):
    client.force_login(viewer)
    assert _post(client, "annotation_undo", revision.pk).status_code == 403
    client.force_login(outsider)
    assert _post(client, "annotation_undo", revision.pk).status_code == 404


# Relabel --------------------------------------------------------------------------------


def test_relabelling_a_suggestion_rejects_it_and_adds_an_own_tag_undone_together(
    client, workspace, revision, annotator
):
    tag = _suggestion(revision, _label(workspace))
    hyperbole = _label(workspace, "hyperbole")
    client.force_login(annotator)
    assert _post(client, "annotation_relabel", tag.pk, {"label": hyperbole.pk}).status_code == 200
    tag.refresh_from_db()
    own = Annotation.objects.get(author_user=annotator)
    assert (tag.status, own.label, own.start, own.end) == ("rejected", hyperbole, 13, 26)
    _post(client, "annotation_undo", revision.pk)
    tag.refresh_from_db()
    assert tag.status == "suggested"
    assert not Annotation.objects.filter(author_user=annotator).exists()


def test_relabel_refused_to_viewer_and_404_for_outsider(
    client, workspace, revision, viewer, outsider
):
    tag = _suggestion(revision, _label(workspace))
    data = {"label": _label(workspace, "hyperbole").pk}
    client.force_login(viewer)
    assert _post(client, "annotation_relabel", tag.pk, data).status_code == 403
    client.force_login(outsider)
    assert _post(client, "annotation_relabel", tag.pk, data).status_code == 404


# Stale selections -----------------------------------------------------------------------


def test_a_selection_whose_text_does_not_match_is_refused(client, workspace, revision, annotator):
    client.force_login(annotator)
    # The page still held "puppet" from an earlier selection; the offsets now say otherwise.
    data = {"start": 13, "end": 26, "label": _label(workspace).pk, "quote": "puppet"}
    response = _post(client, "annotation_add", revision.pk, data)
    assert response.status_code == 400
    assert "does not match the text" in response.json()["errors"]["__all__"][0]
    assert not Annotation.objects.exists()


def test_tagging_a_revision_that_is_no_longer_current_is_a_409(
    client, workspace, revision, annotator
):
    article = revision.article
    article_revise(article=article, user=annotator, text=TEXT + " More.", base_revision=revision.pk)
    client.force_login(annotator)
    data = {"start": 13, "end": 26, "label": _label(workspace).pk, "quote": "puppet regime"}
    response = _post(client, "annotation_add", revision.pk, data)
    assert response.status_code == 409
    assert not Annotation.objects.filter(revision=revision).exists()


# Rejected suggestions in the text -------------------------------------------------------


def test_rejected_suggestions_are_hidden_from_the_text_unless_asked(
    client, workspace, revision, annotator
):
    tag = _suggestion(revision, _label(workspace))
    Annotation.objects.filter(pk=tag.pk).update(status="rejected")
    client.force_login(annotator)
    url = revision.article.get_absolute_url()
    page = client.get(url).content.decode()
    assert f'data-spans="a{tag.pk}"' not in page
    assert f'id="a{tag.pk}"' in page  # still listed in the table, with its status
    shown = client.get(url + "?rejected=1").content.decode()
    assert f'data-spans="a{tag.pk}"' in shown and "hl-rejected" in shown


def test_an_accepted_suggestion_stays_shown_after_the_event_switches_model(
    client, workspace, event, revision, annotator
):
    from framing.analysis_services import event_analyse, event_switch_model
    from framing.models import ModelVersion

    event_analyse(event=event)
    tag = Annotation.objects.filter(revision=revision, author_model__isnull=False).first()
    Annotation.objects.filter(pk=tag.pk).update(status="accepted")
    other = ModelVersion.objects.create(name="empty", engine_version="x", sha256="d" * 64)
    _empty_analysis(revision, other)
    event_switch_model(event=event, model_version=other)
    client.force_login(annotator)
    page = client.get(revision.article.get_absolute_url()).content.decode()
    assert f'data-spans="a{tag.pk}"' in page


def _empty_analysis(revision, model):
    """An analysis by ``model`` that suggested nothing (as a retrained model that learnt too
    high a threshold does), stored so that event_analyse_with does not recompute it."""
    base = analysis_run(revision=revision).analysis
    base.pk = None
    base.model_version = model
    base._state.adding = True
    base.save()
    return base


# Bulk decisions -------------------------------------------------------------------------


@pytest.fixture
def suggestions(event, workspace):
    label = _label(workspace)
    texts = ["The puppet regime fell.", "A Puppet Regime again.", "The regime fell."]
    rows = []
    for text in texts:
        rev = make_article(event=event, text=text).current_revision
        i = text.lower().find("puppet regime")
        if i >= 0:
            rows.append(_suggestion(rev, label, i, i + 13))
        rows.append(_suggestion(rev, _label(workspace, "hyperbole"), 0, 3))
    return rows


def test_bulk_preview_counts_by_term_and_label_and_confirm_decides(
    client, workspace, event, suggestions, analyst
):
    client.force_login(analyst)
    url = reverse("event_bulk_decide", args=[event.pk])
    query = {"status": "rejected", "label": "pejorative_label", "term": "puppet regime"}
    preview = client.get(url, query)
    assert preview.status_code == 200 and preview.context["count"] == 2
    assert not Annotation.objects.filter(status="rejected").exists()  # a preview changes nothing
    response = client.post(url, {**query, "expected": 2})
    assert response.status_code == 302
    rejected = Annotation.objects.filter(status="rejected")
    assert sorted(a.text.lower() for a in rejected) == ["puppet regime", "puppet regime"]
    assert SpanDecision.objects.filter(status="rejected").count() == 2


def test_bulk_confirm_with_a_changed_count_decides_nothing(
    client, workspace, event, suggestions, analyst
):
    client.force_login(analyst)
    url = reverse("event_bulk_decide", args=[event.pk])
    response = client.post(url, {"status": "accepted", "label": "hyperbole", "expected": 2})
    assert response.status_code == 409
    assert "3 now match" in response.content.decode()
    assert not Annotation.objects.filter(status="accepted").exists()


def test_bulk_needs_a_label_or_a_term(client, event, analyst):
    client.force_login(analyst)
    url = reverse("event_bulk_decide", args=[event.pk])
    response = client.get(url, {"status": "accepted"})
    assert response.status_code == 400
    assert "Choose a label, a term or both." in response.content.decode()


def test_bulk_is_refused_to_an_annotator_and_404_for_an_outsider(
    client, event, suggestions, annotator, outsider
):
    url = reverse("event_bulk_decide", args=[event.pk])
    data = {"status": "accepted", "label": "hyperbole", "expected": 3}
    client.force_login(annotator)
    assert client.post(url, data).status_code == 403
    client.force_login(outsider)
    assert client.post(url, data).status_code == 404
    assert not Annotation.objects.filter(status="accepted").exists()


def test_the_tag_list_json_is_404_for_an_outsider(client, revision, outsider, viewer):
    url = reverse("revision_annotations", args=[revision.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(viewer)
    assert client.get(url).json()["annotations"] == []
