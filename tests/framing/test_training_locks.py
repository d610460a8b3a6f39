"""Training must not lock other users out (SQLite has one writer): while the train_model task
is half-way through adapting the tagger, another user saves a tag and it lands at once."""

from __future__ import annotations

import threading
import time

from django.db import connection
from django.urls import reverse

from framing import training_services
from framing.models import Annotation, Label, ModelVersion
from framing.services import annotation_create, codebooks_install_defaults
from framing.tasks import train_model
from tests.factories import EventFactory, MembershipFactory, make_article

TEXTS = [f"Officials in town {i} denounced the sham vote staged by the junta." for i in range(6)]
STALL = 10.0


def test_another_users_tag_saves_within_a_second_while_a_model_trains(
    file_database, client, monkeypatch
):
    trainer = MembershipFactory(role="analyst")
    workspace = trainer.workspace
    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    label = Label.objects.get(
        codebook_version__codebook__workspace=workspace, key="pejorative_label"
    )
    for text in TEXTS:
        revision = make_article(event=event, text=text).current_revision
        start = text.index("junta")
        annotation_create(
            revision=revision, start=start, end=start + 5, label=label, author_user=trainer.user
        )
    annotator = MembershipFactory(workspace=workspace, role="annotator").user
    client.force_login(annotator)
    client.get(event.get_absolute_url())  # templates compiled: the timing below is the lock's

    adapting, release = threading.Event(), threading.Event()
    adapt = training_services.adapt_tagger

    def stalled(*args, **kwargs):
        adapting.set()
        release.wait(STALL)
        return adapt(*args, **kwargs)

    monkeypatch.setattr(training_services, "adapt_tagger", stalled)
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = train_model.call(workspace.pk, trainer.user.pk)
        except BaseException as err:  # reported by the test, not lost in the thread
            outcome["error"] = err
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    target = Annotation.objects.filter(author_user=trainer.user).first().revision
    try:
        assert adapting.wait(60), outcome.get("error")
        began = time.perf_counter()
        saved = client.post(
            reverse("annotation_add", args=[target.pk]), {"start": 0, "end": 9, "label": label.pk}
        )
        seconds = time.perf_counter() - began
    finally:
        release.set()
        thread.join(300)
    assert saved.status_code == 302
    assert seconds < 1.0, f"tag save took {seconds:.1f} s during training"
    assert "error" not in outcome, outcome.get("error")
    version = ModelVersion.objects.get(pk=outcome["value"])
    assert version.metrics["workspace_cv"]["documents"] == len(TEXTS)
