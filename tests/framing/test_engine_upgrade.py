"""An upgraded engine (new rules, same packaged weights) must not leave old analyses current."""

import shutil

import pytest
from django.core.management import call_command

from framing import engine
from framing.analysis_services import builtin_model_version, event_analyse, event_upgrade_builtin
from framing.engine.version import engine_version, fingerprint
from framing.models import Analysis, ModelVersion
from framing.selectors import events_on_outdated_builtin
from framing.services import codebooks_install_defaults
from framing.views import _models_for_workspace
from tests.api.conftest import bearer
from tests.factories import EventFactory, make_article

pytestmark = pytest.mark.django_db

TEXT = (
    "The ministry said the drills were a reckless provocation by an aggressive bloc, "
    "the state news agency KCNA reported."
)


@pytest.fixture
def old_event(workspace, monkeypatch):
    """An event analysed by this code's weights under an earlier rules fingerprint."""
    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    make_article(event=event, text=TEXT)
    make_article(event=event, text=TEXT + " Officials called it routine.")
    with monkeypatch.context() as patch:
        patch.setattr(engine, "ENGINE_VERSION", "0.1.0+000000000000")
        event_analyse(event=event)
    event.refresh_from_db()
    return event


def test_new_rules_make_a_new_builtin_row(old_event):
    old = old_event.analysis_model
    current = builtin_model_version()
    assert current.pk != old.pk
    assert current.sha256 == old.sha256  # same weights: only the rules differ
    assert current.engine_version == engine.ENGINE_VERSION != old.engine_version


def test_an_event_on_an_older_builtin_is_reanalysed_then_switched(old_event):
    old = old_event.analysis_model
    assert list(events_on_outdated_builtin()) == [old_event]
    assert event_upgrade_builtin(event=old_event) is True
    old_event.refresh_from_db()
    current = builtin_model_version()
    assert old_event.analysis_model_id == current.pk
    revisions = set(old_event.articles.values_list("current_revision", flat=True))
    assert (
        set(Analysis.objects.filter(model_version=current).values_list("revision", flat=True))
        == revisions
    )
    # The old analyses stay for reports that cite them.
    assert Analysis.objects.filter(model_version=old).count() == 2
    assert not events_on_outdated_builtin().exists()
    assert event_upgrade_builtin(event=old_event) is False


def test_an_event_on_a_workspace_model_is_left_alone(old_event, workspace):
    ours = ModelVersion.objects.create(
        workspace=workspace, name="ours", engine_version="0.1.0+000000000000", sha256="a" * 64
    )
    old_event.analysis_model = ours
    old_event.save()
    assert not events_on_outdated_builtin().exists()
    assert event_upgrade_builtin(event=old_event) is False


def test_the_command_queues_the_upgrade(old_event):
    # The test settings run tasks immediately, so queueing is doing.
    call_command("upgrade_analyses")
    old_event.refresh_from_db()
    assert old_event.analysis_model_id == builtin_model_version().pk


def test_model_list_hides_an_older_builtin_once_no_event_shows_it(old_event, workspace):
    old = old_event.analysis_model
    assert old in _models_for_workspace(workspace.pk)
    event_upgrade_builtin(event=old_event)
    listed = set(_models_for_workspace(workspace.pk))
    assert old not in listed and builtin_model_version() in listed


def _api_model_ids(user) -> set[int]:
    response = bearer(user, scope="read").get("/api/v1/models/")
    assert response.status_code == 200
    return {row["id"] for row in response.json()["results"]}


def test_api_model_list_hides_an_older_builtin_once_no_event_shows_it(
    old_event, workspace, viewer, outsider
):
    old, current = old_event.analysis_model, builtin_model_version()
    assert _api_model_ids(viewer) == {m.pk for m in _models_for_workspace(workspace.pk)}
    assert old.pk in _api_model_ids(viewer)
    assert old.pk not in _api_model_ids(outsider)  # no event of theirs shows it
    event_upgrade_builtin(event=old_event)
    assert current.pk in _api_model_ids(viewer) and old.pk not in _api_model_ids(viewer)


def test_fingerprint_follows_rule_files_but_not_training_data_or_weights(tmp_path):
    root = tmp_path / "engine"
    shutil.copytree(engine.__path__[0], root, ignore=shutil.ignore_patterns("*.bin", "train"))
    (root / "data" / "train").mkdir()
    (root / "data" / "train" / "corpus.jsonl").write_text("{}\n")
    (root / "data" / "tagger_en.bin").write_bytes(b"weights")
    before = fingerprint(root)
    (root / "data" / "train" / "corpus.jsonl").write_text('{"more": 1}\n')
    (root / "data" / "tagger_en.bin").write_bytes(b"other weights")
    assert fingerprint(root) == before
    media = root / "data" / "media.tsv"
    media.write_text(media.read_text() + "Sky TG24\tbroadcaster\n")
    changed = fingerprint(root)
    assert changed != before
    rules = root / "relays.py"
    rules.write_text(rules.read_text() + "\n# a new rule\n")
    assert fingerprint(root) != changed


def test_engine_version_names_release_and_fingerprint():
    assert engine_version() == engine.ENGINE_VERSION
    release, _, digest = engine.ENGINE_VERSION.partition("+")
    assert release and len(digest) == 12 and len(engine.ENGINE_VERSION) <= 40
