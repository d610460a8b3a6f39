"""`manage.py import_articles` with a file that is not UTF-8: refused, then read as chosen."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from tests.articles.imports.helpers import STORY
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

CSV = f'title,text,outlet\nNaïve plan,"The naïve plan. {STORY}",Ostrel Post\n'


def _run(path, event, *args):
    out = io.StringIO()
    call_command(
        "import_articles", str(path), "--event", str(event.pk), *args, stdout=out, stderr=out
    )
    return out.getvalue()


def test_cp1252_file_is_refused_pointing_at_the_encoding_option(tmp_path, workspace):
    event = EventFactory(workspace=workspace)
    path = tmp_path / "a.csv"
    path.write_bytes(CSV.encode("cp1252"))
    with pytest.raises(CommandError, match=r"not valid UTF-8.*--encoding"):
        _run(path, event)
    assert not Article.objects.exists()


def test_cp1252_file_imports_with_the_chosen_encoding(tmp_path, workspace):
    event = EventFactory(workspace=workspace)
    path = tmp_path / "a.csv"
    path.write_bytes(CSV.encode("cp1252"))
    _run(path, event, "--encoding", "cp1252")
    assert Article.objects.get(event=event).title == "Naïve plan"
