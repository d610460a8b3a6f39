import pytest
from django.urls import reverse

from framing.models import Annotation, Memo
from framing.services import annotation_create, codebooks_install_defaults
from tests.factories import EventFactory, MembershipFactory, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(workspace):
    codebooks_install_defaults(workspace=workspace)
    return make_article(event=EventFactory(workspace=workspace), text="The junta spoke.")


@pytest.fixture
def span(article, annotator):
    from framing.models import Label

    label = Label.objects.filter(key="pejorative_label").first()
    return annotation_create(
        revision=article.current_revision, start=4, end=9, label=label, author_user=annotator
    )


def _add(client, kind, pk, text="Check the wire copy.", **extra):
    return client.post(reverse("memo_add", args=[kind, pk]), {"text": text, **extra})


def test_annotator_adds_memos_on_article_event_and_span_and_sees_them(
    client, article, span, annotator
):
    client.force_login(annotator)
    assert _add(client, "article", article.pk).status_code == 302
    assert _add(client, "event", article.event_id, "Outlets disagree.").status_code == 302
    assert _add(client, "article", article.pk, "Why junta?", span=span.pk).status_code == 302
    assert Memo.objects.get(annotation=span).text == "Why junta?"
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Check the wire copy." in page and "Why junta?" in page
    assert "Outlets disagree." in client.get(article.event.get_absolute_url()).content.decode()


def test_a_span_of_another_article_is_404(client, article, span, annotator):
    other = make_article(event=article.event, text="Another text.")
    client.force_login(annotator)
    assert _add(client, "article", other.pk, span=span.pk).status_code == 404
    assert not Memo.objects.exists()


def test_memo_text_is_escaped(client, article, annotator):
    client.force_login(annotator)
    _add(client, "article", article.pk, "<script>alert(1)</script>")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_viewer_may_not_add_and_outsider_gets_404(client, article, viewer, outsider):
    client.force_login(viewer)
    assert _add(client, "article", article.pk).status_code == 403
    client.force_login(outsider)
    assert _add(client, "article", article.pk).status_code == 404
    assert _add(client, "event", article.event_id).status_code == 404
    assert not Memo.objects.exists()


def test_only_the_author_or_an_owner_deletes_a_memo(client, workspace, article, annotator, owner):
    client.force_login(annotator)
    _add(client, "article", article.pk)
    memo = Memo.objects.get()
    other = MembershipFactory(workspace=workspace, role="annotator").user
    client.force_login(other)
    assert client.post(reverse("memo_delete", args=[memo.pk])).status_code == 403
    client.force_login(owner)
    assert client.post(reverse("memo_delete", args=[memo.pk])).status_code == 302
    assert not Memo.objects.exists()


def test_deleting_a_span_deletes_its_memos(client, article, span, annotator):
    client.force_login(annotator)
    _add(client, "article", article.pk, span=span.pk)
    Annotation.objects.filter(pk=span.pk).delete()
    assert not Memo.objects.exists()
