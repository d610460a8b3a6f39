"""The API does what the pages do: import with preview and confirm, read analyses at the
event's operating point, annotate with the pages' conflict rules."""

from __future__ import annotations

from articles.models import Article, ImportStatus
from framing.analysis_services import builtin_model_version
from framing.models import Annotation, AnnotationStatus
from framing.operating_points import score_floor
from tests.api.conftest import bearer
from tests.articles.imports.helpers import STORY, STORY_2, jsonl, record, upload

V1 = "/api/v1"


def _import(client, world, data: bytes, name: str = "batch.jsonl"):
    url = f"{V1}/events/{world.event.pk}/imports/"
    return client.post(url, {"file": upload(name, data)}, format="multipart")


def test_import_previews_then_confirm_creates_the_articles(world):
    client = bearer(world.users["analyst"])
    rows = jsonl(record(STORY, title="One"), record(STORY_2, title="Two", outlet="Harbour"))
    job = _import(client, world, rows).json()
    assert job["status"] == ImportStatus.PREVIEW and job["counts"]["new"] == 2
    assert not Article.objects.filter(title__in=["One", "Two"]).exists()
    items = client.get(f"{V1}/imports/{job['id']}/items/").json()["results"]
    assert [i["title"] for i in items] == ["One", "Two"]
    change = {str(items[1]["id"]): {"decision": "create", "title": "Two, corrected"}}
    done = client.post(f"{V1}/imports/{job['id']}/confirm/", {"decisions": change}, format="json")
    assert done.json()["status"] == ImportStatus.SUCCEEDED
    assert set(world.event.articles.values_list("title", flat=True)) >= {"One", "Two, corrected"}


def test_import_rejections_name_the_row_and_field(world):
    client = bearer(world.users["analyst"])
    job = _import(client, world, jsonl(record(STORY), {"title": "No text", "outlet": "X"})).json()
    items = client.get(f"{V1}/imports/{job['id']}/items/").json()["results"]
    rejected = [i for i in items if i["kind"] == "rejected"]
    assert len(rejected) == 1 and rejected[0]["field"] and rejected[0]["message"]
    assert rejected[0]["location"]


def test_a_confirmed_import_cannot_be_confirmed_twice(world):
    client = bearer(world.users["analyst"])
    job = _import(client, world, jsonl(record(STORY))).json()
    client.post(f"{V1}/imports/{job['id']}/confirm/", {}, format="json")
    again = client.post(f"{V1}/imports/{job['id']}/confirm/", {}, format="json")
    assert again.status_code == 400
    assert "already confirmed" in again.json()["detail"]


def test_a_csv_file_imports_with_its_header_row(world):
    client = bearer(world.users["analyst"])
    data = 'title,outlet,text\nHarbour calm,Veloria Daily,"' + STORY + '"\n'
    job = _import(client, world, data.encode(), "rows.csv").json()
    assert job["counts"]["new"] == 1


def test_analysis_lists_terms_with_voice_speaker_and_score(world):
    body = bearer(world.users["viewer"]).get(f"{V1}/articles/{world.article.pk}/analysis/").json()
    assert body["sentences"] and body["frames"]
    model_terms = [t for t in body["loaded_terms"] if t["source"] != "analyst"]
    assert model_terms, "the engine finds loaded terms in the fixture text"
    for t in model_terms:
        assert t["voice"] in ("own", "quoted", "attributed") and t["score"] is not None
    text = world.article.current_revision.text
    assert all(text[t["start"] : t["end"]] == t["text"] for t in body["loaded_terms"])
    assert any(q["speaker"] for q in body["quotes"])


def test_analysis_follows_the_events_operating_point(world):
    client = bearer(world.users["owner"])
    url = f"{V1}/articles/{world.article.pk}/analysis/"
    scores = {}
    for point in ("recall", "precision"):
        client.post(f"{V1}/events/{world.event.pk}/operating-point/", {"operating_point": point})
        terms = client.get(url).json()["loaded_terms"]
        scores[point] = [t["score"] for t in terms if t["source"] != "analyst"]
    floor = score_floor(builtin_model_version().metrics, "precision")
    assert floor > 0
    assert all(score >= floor for score in scores["precision"])
    assert len(scores["precision"]) <= len(scores["recall"])


def test_terms_filter_by_voice_and_score(world):
    client = bearer(world.users["viewer"])
    everything = client.get(f"{V1}/terms/", {"event": world.event.pk}).json()["results"]
    high = client.get(f"{V1}/terms/", {"event": world.event.pk, "min_score": 0.9}).json()
    assert all(t["score"] is None or t["score"] >= 0.9 for t in high["results"])
    own = client.get(f"{V1}/terms/", {"event": world.event.pk, "voice": "own"}).json()
    assert all(t["voice"] == "own" for t in own["results"])
    assert len(own["results"]) <= len(everything)


def test_annotator_tags_the_current_text(world):
    client = bearer(world.users["annotator"])
    revision = world.article.current_revision
    body = {"start": 4, "end": 10, "label": world.label.pk, "quote": revision.text[4:10]}
    response = client.post(f"{V1}/revisions/{revision.pk}/annotations/", body, format="json")
    assert response.status_code == 201
    tag = Annotation.objects.get(pk=response.json()["id"])
    assert tag.author_user == world.users["annotator"] and tag.status == AnnotationStatus.ACCEPTED


def test_a_quote_that_does_not_match_the_text_is_refused(world):
    client = bearer(world.users["annotator"])
    revision = world.article.current_revision
    body = {"start": 4, "end": 10, "label": world.label.pk, "quote": "other words"}
    response = client.post(f"{V1}/revisions/{revision.pk}/annotations/", body, format="json")
    assert response.status_code == 400
    assert "quote" in response.json()["fields"]


def test_an_old_revision_takes_no_new_tags(world):
    from articles.services import article_revise

    old = world.article.current_revision
    article_revise(
        article=world.article, user=world.users["owner"], text=old.text + " More.",
        base_revision=old.pk,
    )  # fmt: skip
    client = bearer(world.users["annotator"])
    body = {"start": 0, "end": 3, "label": world.label.pk}
    response = client.post(f"{V1}/revisions/{old.pk}/annotations/", body, format="json")
    assert response.status_code == 409
    assert response.json()["current"]["revision"] != old.pk


def test_a_stale_decision_is_a_409_with_the_current_state(world):
    suggestion = Annotation.objects.filter(author_model__isnull=False).first()
    first, second = bearer(world.users["annotator"]), bearer(world.users["owner"])
    url = f"{V1}/annotations/{suggestion.pk}/decide/"
    assert first.post(url, {"status": "accepted", "version": 1}).status_code == 200
    stale = second.post(url, {"status": "rejected", "version": 1})
    assert stale.status_code == 409
    assert stale.json()["current"] == {
        "id": suggestion.pk, "status": "accepted", "version": 2,
    }  # fmt: skip
    suggestion.refresh_from_db()
    assert suggestion.status == AnnotationStatus.ACCEPTED


def test_only_the_author_or_an_owner_deletes_a_tag(world):
    other = bearer(world.users["annotator"])
    url = f"{V1}/annotations/{world.annotation.pk}/"
    assert other.delete(url).status_code == 403
    assert bearer(world.users["owner"]).delete(url).status_code == 204
    assert not Annotation.objects.filter(pk=world.annotation.pk).exists()


def test_training_without_enough_annotated_texts_says_what_is_missing(world):
    client = bearer(world.users["analyst"])
    response = client.post(f"{V1}/workspaces/{world.workspace.pk}/models/train/")
    assert response.status_code == 400
    assert "at least 3 annotated texts" in response.json()["detail"]


def test_an_export_is_made_in_the_background_and_downloaded(world):
    client = bearer(world.users["viewer"], scope="read")  # exporting reads: allowed
    job = client.post(f"{V1}/events/{world.event.pk}/exports/", {"kind": "csv_spans"})
    assert job.status_code == 202
    state = client.get(f"{V1}/exports/{job.json()['id']}/").json()
    assert state["status"] == "succeeded" and state["download"]
    download = client.get(state["download"])
    assert download["Content-Type"].startswith("text/csv")
    body = b"".join(download.streaming_content).decode()
    assert body.lstrip("\ufeff").splitlines()[0].startswith("tag,article,outlet")
    assert len(body.splitlines()) >= 2  # the analyst's tag at least


def test_an_unknown_export_kind_is_a_400(world):
    client = bearer(world.users["viewer"])
    response = client.post(f"{V1}/events/{world.event.pk}/exports/", {"kind": "nope"})
    assert response.status_code == 400
    assert "nope" in response.json()["detail"]


def test_an_unfinished_export_is_a_409(world):
    from reports.models import ExportJob, ExportStatus

    ExportJob.objects.filter(pk=world.export.pk).update(status=ExportStatus.RUNNING)
    response = bearer(world.users["viewer"]).get(f"{V1}/exports/{world.export.pk}/download/")
    assert response.status_code == 409
    assert response.json()["error"] == "conflict"


def test_an_upload_past_the_request_limit_is_refused_whole(world, settings):
    settings.PARALLAX_IMPORT = {"MAX_REQUEST_BYTES": 1000}
    client = bearer(world.users["analyst"])
    big = jsonl(*[record(STORY, title=f"Row {n}") for n in range(10)])
    response = _import(client, world, big)
    assert response.status_code == 400
    assert "limit" in " ".join(response.json()["fields"]["file"])
    assert not world.event.import_jobs.exclude(pk=world.job.pk).exists()


def test_labels_are_added_changed_and_retired_as_new_codebook_versions(world):
    client = bearer(world.users["owner"])
    codebook = world.label.codebook_version.codebook_id
    before = client.get(f"{V1}/codebooks/{codebook}/").json()
    added = client.post(f"{V1}/codebooks/{codebook}/labels/", {"name": "Siege metaphor"})
    assert added.status_code == 201
    assert added.json()["version"] == before["version"] + 1
    assert "siege_metaphor" in {lab["key"] for lab in added.json()["labels"]}
    changed = client.patch(
        f"{V1}/codebooks/{codebook}/labels/siege_metaphor/",
        {"name": "Siege and encirclement", "colour": "#aa3300"},
    ).json()
    label = next(lab for lab in changed["labels"] if lab["key"] == "siege_metaphor")
    assert (label["name"], label["colour"]) == ("Siege and encirclement", "#aa3300")
    retired = client.delete(f"{V1}/codebooks/{codebook}/labels/siege_metaphor/").json()
    assert "siege_metaphor" not in {lab["key"] for lab in retired["labels"]}
    assert retired["version"] == before["version"] + 3


def test_adding_a_label_twice_names_the_key_field(world):
    client = bearer(world.users["owner"])
    codebook = world.label.codebook_version.codebook_id
    response = client.post(
        f"{V1}/codebooks/{codebook}/labels/", {"name": "x", "key": world.label.key}
    )
    assert response.status_code == 400
    assert "key" in response.json()["fields"]
    unknown = client.delete(f"{V1}/codebooks/{codebook}/labels/no_such_label/")
    assert unknown.status_code == 400
