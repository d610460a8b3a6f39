"""What a report covers: sections, outlets, articles and the operating point."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from articles.models import OperatingPoint

# Key -> heading, in the order a report shows them.
SECTIONS: dict[str, str] = {
    "summary": "Summary",
    "outlets": "Outlets and articles",
    "findings": "Key differences",
    "charts": "Charts",
    "excerpts": "Side by side",
    "labels": "Competing labels",
    "sources": "Quote sources and relay chains",
    "omissions": "Omission matrix",
    "methodology": "Methodology",
}
MAX_TITLE = 200


@dataclass(frozen=True)
class ReportConfig:
    """Empty ``outlets``/``articles`` mean all of them; ``point`` "" means the event's."""

    title: str = ""
    sections: tuple[str, ...] = tuple(SECTIONS)
    outlets: tuple[int, ...] = ()
    articles: tuple[int, ...] = ()
    point: str = ""
    notes: list[str] = field(default_factory=list, compare=False)  # what parsing dropped

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "sections": list(self.sections),
            "outlets": list(self.outlets),
            "articles": list(self.articles),
            "point": self.point,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReportConfig:
        return cls(
            title=str(data.get("title", ""))[:MAX_TITLE],
            sections=tuple(s for s in data.get("sections", SECTIONS) if s in SECTIONS),
            outlets=tuple(int(i) for i in data.get("outlets", ())),
            articles=tuple(int(i) for i in data.get("articles", ())),
            point=str(data.get("point", "")),
        )


def config_from_query(query, *, known_outlets: set[int], known_articles: set[int]) -> ReportConfig:
    """Read the builder form (GET or POST). Ids of other events are dropped, never an error
    (a stale form may name a deleted article); what was dropped is said in ``notes``."""
    notes = []
    sections = tuple(s for s in SECTIONS if s in query.getlist("section"))
    if "section" not in query and "sections_sent" not in query:
        sections = tuple(SECTIONS)
    outlets = _ids(query.getlist("outlet"), known_outlets, notes, "outlet")
    articles = _ids(query.getlist("article"), known_articles, notes, "article")
    point = query.get("point", "")
    if point and point not in OperatingPoint.values:
        notes.append(f"Unknown operating point {point!r}: the event's is used.")
        point = ""
    title = query.get("title", "").strip()[:MAX_TITLE]
    return ReportConfig(title, sections, outlets, articles, point, notes)


def _ids(raw: list[str], known: set[int], notes: list[str], what: str) -> tuple[int, ...]:
    ids = [int(v) for v in raw if v.isdigit()]
    dropped = [i for i in ids if i not in known]
    if dropped or len(ids) != len(raw):
        notes.append(f"{len(raw) - len(ids) + len(dropped)} unknown {what} id(s) left out.")
    return tuple(dict.fromkeys(i for i in ids if i in known))
