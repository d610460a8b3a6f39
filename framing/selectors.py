from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Right, Substr

from articles.models import Event, TextRevision
from framing.analysis_services import builtin_model_version
from framing.engine.relays import (
    HEAD_CHARS,
    credit_excerpt,
    describe,
    is_own_outlet,
    relay_path,
    same_source,
    wire_origin,
)
from framing.frame_services import FRAME_CODEBOOKS
from framing.models import (
    Analysis,
    Annotation,
    AnnotationStatus,
    ArticleFrame,
    CodebookVersion,
    Label,
    ModelVersion,
    QuoteSpan,
)


def events_on_outdated_builtin() -> QuerySet[Event]:
    """Events whose pages show a built-in model row other than the current one: analysed by
    earlier packaged weights or earlier engine rules (``event_upgrade_builtin`` moves them)."""
    return (
        Event.objects.filter(analysis_model__workspace__isnull=True)
        .exclude(analysis_model=builtin_model_version())
        .order_by("pk")
    )


def models_for_workspaces(*, workspace_ids) -> QuerySet[ModelVersion]:
    """The models pages and the API list for these workspaces (ids or a values("pk")
    queryset): the current built-in model, the workspaces' own, and an older built-in row
    only while one of their events still shows it (until its upgrade task has re-analysed
    the event: one built-in row per engine version would pile up otherwise)."""
    shown = Event.objects.filter(workspace_id__in=workspace_ids).values("analysis_model")
    return ModelVersion.objects.filter(
        Q(workspace_id__in=workspace_ids)
        | Q(pk=builtin_model_version().pk)
        | Q(workspace__isnull=True, pk__in=shown)
    )


def workspace_labels(*, workspace_id: int) -> QuerySet[Label]:
    """Labels of the current version of each of the workspace's codebooks."""
    latest = (
        CodebookVersion.objects.filter(codebook=OuterRef("codebook"))
        .order_by("-number")
        .values("pk")[:1]
    )
    current = CodebookVersion.objects.filter(
        codebook__workspace_id=workspace_id, pk=Subquery(latest)
    )
    return Label.objects.filter(codebook_version__in=current).select_related(
        "codebook_version__codebook"
    )


def visible_annotations(*, revision, event) -> list[Annotation]:
    """What the article page shows: analysts' spans, the suggestions of the model the event
    shows (not every model's) at its operating point, and suggestions an analyst accepted
    under an earlier model (a decision is the analyst's, it does not go with the model)."""
    from framing.operating_points import score_floor

    rows = revision.annotations.select_related("label", "author_user", "author_model")
    shown = Q(author_model__isnull=True) | Q(status=AnnotationStatus.ACCEPTED)
    if event.analysis_model_id:
        shown |= Q(author_model_id=event.analysis_model_id)
        floor = score_floor(event.analysis_model.metrics, event.operating_point)
    else:
        shown |= Q(author_model__isnull=False)
        floor = 0.0
    # Suggestions below the event's operating point stay stored but are not shown.
    hidden = Q(status=AnnotationStatus.SUGGESTED, author_model__isnull=False, score__lt=floor)
    result, seen = [], set()
    # The shown model's rows first, so an accepted span both models found appears once.
    ordered = sorted(rows.filter(shown).exclude(hidden), key=lambda a: _shown_first(a, event))
    for a in ordered:
        key = (a.start, a.end, a.label.key, a.author_user_id)
        if a.author_model_id is not None and key in seen:
            continue
        seen.add(key)
        result.append(a)
    return sorted(result, key=lambda a: (a.start, a.end, a.pk))


def _shown_first(a: Annotation, event) -> int:
    return 0 if a.author_model_id in (None, event.analysis_model_id) else 1


def article_memos(*, article, revision) -> list:
    """Memos on the article and on the spans of the revision shown."""
    from framing.models import Memo

    rows = Memo.objects.filter(Q(article=article) | Q(annotation__revision=revision))
    return list(rows.select_related("author", "annotation__label"))


def event_memos(*, event) -> list:
    from framing.models import Memo

    return list(Memo.objects.filter(event=event).select_related("author"))


@dataclass(frozen=True, slots=True)
class ArticleRelays:
    """What an article visibly relays: its dateline's wire credit and its quotes' relays."""

    path: tuple[str, ...]  # outermost first: ("TASS", "KCNA")
    origin: str  # the dateline's wire credit, "" if none
    share: float = 1.0  # of the article's quotes and reported clauses, those relayed

    @property
    def summary(self) -> str:
        text = describe(self.path)
        return text if self.suggested_origin or not text else f"partly {text}"

    @property
    def suggested_origin(self) -> str:
        """The source the outlet took the text from: the outermost relay, offered only when
        the dateline credits it or most of the article's attributed words come through it
        (a state agency that quotes another agency once has not republished it)."""
        if not self.path or (not self.origin and self.share < RELAYED_ORIGIN_SHARE):
            return ""
        return self.path[0]


# Share of an article's quotes that must come through a relay before the relay is offered as
# the article's origin.
RELAYED_ORIGIN_SHARE = 0.5


def article_relays(
    *, revision_ids: list[int], model_version_id: int | None
) -> dict[int, ArticleRelays]:
    """revision id -> its relays, for revisions that relay anything (two queries).

    Chains come from the stored quotes of the analysis by ``model_version_id``; the wire
    credit from the first few hundred characters of the text, cut in SQL.
    """
    if not revision_ids:
        return {}
    chains: dict[int, list[list[str]]] = defaultdict(list)
    attributed: dict[int, int] = defaultdict(int)
    quotes = QuoteSpan.objects.filter(analysis__revision_id__in=revision_ids).exclude(kind="scare")
    if model_version_id is not None:
        quotes = quotes.filter(analysis__model_version_id=model_version_id)
    for revision_id, chain in quotes.values_list("analysis__revision_id", "chain"):
        attributed[revision_id] += 1
        if chain and len(chain) >= 2:
            chains[revision_id].append(chain)
    heads = (
        TextRevision.objects.filter(pk__in=revision_ids)
        # a credit stands in the dateline or byline, or closes the text ("— dpa")
        .annotate(head=Substr("text", 1, HEAD_CHARS), tail=Right("text", 300))
        .values_list("pk", "head", "tail", "article__outlet__name")
    )
    out = {}
    for revision_id, head, tail, outlet in heads:
        # a credit naming the outlet itself is its own copy ("(CNN) —" on CNN), not a relay
        origin = _credited_origin(credit_excerpt(head or "", tail or ""), outlet or "")
        path = relay_path(chains.get(revision_id, ()), origin or None)
        # An agency's own dateline credit ("VELMARA (VCNA) —" in VCNA's copy) relays nothing.
        path = tuple(link for link in path if not _is_own(link, outlet))
        if path:
            share = len(chains.get(revision_id, ())) / max(attributed[revision_id], 1)
            out[revision_id] = ArticleRelays(path, origin, share)
    return out


@lru_cache(maxsize=8192)
def _credited_origin(excerpt: str, outlet: str) -> str:
    """The credit's origin for one article's head and tail, "" for none. Kept per process: the
    learned credit detector doubles the rules' 0.5 ms per article, and a page of 2,000
    articles asks again at every view (8,192 excerpts of at most 1.3 KB: about 11 MB)."""
    credit = wire_origin(excerpt, outlet)
    return credit.name if credit else ""


def quote_relay(chain: list[str] | tuple[str, ...], outlet: str) -> str:
    """ "relays KCNA via TASS" for one quote's chain, leaving out links that are the article's
    own outlet ('"…," she told CNN' on CNN is the channel's own reporting); "" for none."""
    links = [link for link in chain[:-1] if not _is_own(link, outlet)]
    return describe(relay_path([[*links, chain[-1]]])) if links else ""


def speaks_as_outlet(speaker: str | None, outlet: str) -> bool:
    """Whether a quote's speaker is the article's own outlet, whose words are its own voice:
    its full name, or "the" and words of its name ("The Ministry notes …" in the Ministry of
    Defence's own release, "the Ledger" in The Kestria Ledger). A bare word of the name is not
    ("Kestria said …" in The Kestria Ledger is the country)."""
    words = (speaker or "").split()
    if not words or not outlet:
        return False
    if words[0].lower() == "the" and len(words) > 1:
        return is_own_outlet(" ".join(words[1:]), outlet)
    return same_source(speaker or "", outlet)


def _is_own(link: str, outlet: str) -> bool:
    """Whether a relay link is the article's own outlet, by name, initials or masthead word
    ("Many told the Ledger" in The Kestria Ledger is the paper's own reporting)."""
    return is_own_outlet(link, outlet)


@dataclass(frozen=True, slots=True)
class FrameRow:
    """One frame of an article: the model's probability and the analysts' decision."""

    label: Label
    probability: float | None  # None: the shown model has not analysed this text
    chosen_by_model: bool
    decision: str  # "" | "accepted" | "rejected"

    @property
    def in_article(self) -> bool:
        """Whether the frame is in the article's label set: the analysts' decision when
        there is one, otherwise the model's."""
        return self.decision == "accepted" if self.decision else self.chosen_by_model


def article_frame_rows(*, revision, event) -> list[FrameRow]:
    """Every frame label of the workspace's frame codebooks for the article's text."""
    labels = [
        lab
        for lab in workspace_labels(workspace_id=event.workspace_id)
        if lab.codebook_version.codebook.key in FRAME_CODEBOOKS
    ]
    model_id = event.analysis_model_id or builtin_model_version().pk
    analysis = Analysis.objects.filter(revision=revision, model_version_id=model_id).first()
    scored = {
        (book, f["key"]): f
        for book, frames in (analysis.frames if analysis else {}).items()
        for f in frames
    }
    decided = dict(ArticleFrame.objects.filter(revision=revision).values_list("label_id", "status"))
    rows = []
    for lab in sorted(labels, key=lambda x: (x.codebook_version.codebook.key, x.position)):
        f = scored.get((FRAME_CODEBOOKS[lab.codebook_version.codebook.key], lab.key))
        rows.append(
            FrameRow(lab, f["p"] if f else None, bool(f and f.get("in")), decided.get(lab.pk, ""))
        )
    return rows
