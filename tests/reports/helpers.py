"""Store analyses by hand so report tests do not depend on what the engine finds.

`store_analysis` writes exactly the sentences, frames and loaded terms a test names, in the
same packed form `framing.analysis_services` stores, with the workspace's real labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from articles.models import Article, Event
from framing.engine.codebooks import POLICY_FRAMES
from framing.models import Analysis, Annotation, Label, ModelVersion, QuoteSpan
from framing.services import codebooks_install_defaults

# The revision text as a selected column (first in the list or after a comma), as opposed to
# the argument of an SQL function such as LENGTH(...) or SUBSTR(...).
SELECTED_TEXT = re.compile(r'(?:SELECT|,)\s*"articles_textrevision"\."text"')
SENTENCE_RE = re.compile(r"[^.!?\s][^.!?]*[.!?]")
POLICY_KEYS = [d.key for d in POLICY_FRAMES]


@dataclass(frozen=True)
class Term:
    phrase: str
    category: str
    score: float = 0.9
    voice: str = "own"
    speaker: str = ""


def use_test_model(event: Event) -> ModelVersion:
    model, _ = ModelVersion.objects.get_or_create(
        workspace=None, sha256="test-model", defaults={"name": "Test", "engine_version": "t"}
    )
    if event.analysis_model_id != model.pk:
        event.analysis_model = model
        event.save(update_fields=["analysis_model"])
    return model


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SENTENCE_RE.finditer(text)]


def store_analysis(
    article: Article,
    *,
    terms: tuple[Term, ...] = (),
    frames: list[str] | None = None,
    tone: float = 0.0,
    quotes: tuple[tuple[str, str, str], ...] = (),
) -> Analysis:
    """Analysis of the article's current revision: `frames[i]` is sentence i's frame."""
    codebooks_install_defaults(workspace=article.event.workspace)
    model = use_test_model(article.event)
    revision = article.current_revision
    spans = sentence_spans(revision.text)
    matrix = np.full((len(spans), len(POLICY_KEYS)), 0.01, dtype="<f4")
    for i, key in enumerate(frames or []):
        matrix[i, POLICY_KEYS.index(key)] = 0.9
    analysis = Analysis.objects.create(
        revision=revision,
        model_version=model,
        engine_version="t",
        tone=tone,
        frames={"policy": [{"key": k, "p": 0.5, "cues": []} for k in sorted(set(frames or []))]},
        sentences=np.array(spans, dtype="<i4").tobytes(),
        sentence_tone=np.zeros(len(spans), dtype="<f4").tobytes(),
        sentence_frames=matrix.tobytes(),
        frame_keys={"policy": POLICY_KEYS},
        tone_evidence=b"",
    )
    labels = {
        lab.key: lab
        for lab in Label.objects.filter(
            codebook_version__codebook__workspace=article.event.workspace,
            codebook_version__codebook__key="loaded-terms",
        )
    }
    for term in terms:
        start = revision.text.index(term.phrase)
        Annotation.objects.create(
            revision=revision,
            start=start,
            end=start + len(term.phrase),
            label=labels[term.category],
            author_model=model,
            analysis=analysis,
            score=term.score,
            source="lexicon",
            voice=term.voice,
            speaker=term.speaker,
            explanation=f"lexicon entry '{term.phrase.lower()}'",
        )
    for speaker, actor, verb in quotes:
        QuoteSpan.objects.create(
            analysis=analysis,
            start=0,
            end=5,
            kind="reported",
            speaker=speaker,
            speaker_actor=actor,
            verb=verb,
        )
    return analysis


def client_for(user):
    """A test client signed in as ``user``."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


@contextmanager
def query_counter() -> Iterator[list[int]]:
    """Counts the queries run inside the block into ``counter[0]`` (an execute wrapper: the
    debug query log can be full and lie)."""
    from django.db import connection

    counter = [0]

    def counting(execute, sql, params, many, context):
        counter[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        yield counter


def count_queries(client, url: str) -> int:
    """Queries one GET runs."""
    with query_counter() as counter:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return counter[0]
