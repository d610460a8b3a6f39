"""Who relays whom: the event's republication links as a small layered graph.

Two kinds of edge, both recorded at ingestion: an article *relays* an outlet or agency
(``Article.origin``) and an article *republishes* another article
(``Article.republication_of``). The layout is computed here and drawn as plain SVG by the
template (no script), left to right: relayed sources, original articles, then copies by
how many hops they are from the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

NODE_W, NODE_H, GAP_X, GAP_Y, PAD = 230, 40, 70, 14, 10


@dataclass
class Node:
    key: str
    label: str
    sub: str
    kind: str  # "source" (an outlet relayed) or "article"
    layer: int
    url: str
    x: int = 0
    y: int = 0


@dataclass
class Edge:
    source: Node
    target: Node
    kind: str  # "relays" or "republishes"

    @property
    def path(self) -> str:
        x1, y1 = self.source.x + NODE_W, self.source.y + NODE_H // 2
        x2, y2 = self.target.x, self.target.y + NODE_H // 2
        mid = (x1 + x2) // 2
        return f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2 - 6},{y2}"


@dataclass
class Graph:
    nodes: list[Node]
    edges: list[Edge]
    width: int
    height: int
    unlinked: int  # articles that neither relay, republish nor are republished


def republication_graph(payload: dict[str, Any]) -> Graph:
    """Nodes and edges of the event's relay and republication links, laid out in layers."""
    articles = {a["id"]: a for a in payload["articles"]}
    outlets, origins = payload["outlets"], payload.get("origins", {})
    copied = {a["republication_of"] for a in articles.values() if a["republication_of"]}
    linked = [
        a for a in articles.values() if a["origin"] or a["republication_of"] or a["id"] in copied
    ]
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    for a in linked:
        nodes[f"a{a['id']}"] = Node(
            f"a{a['id']}",
            outlets[str(a["outlet"])]["name"],
            _short(a["title"]) + (f" · {a['published']}" if a["published"] else ""),
            "article",
            1 + _depth(a, articles),
            reverse("article_detail", args=[a["id"]]),
        )
    for a in linked:
        target = nodes[f"a{a['id']}"]
        if a["origin"]:
            key = f"o{a['origin']}"
            name = origins.get(str(a["origin"])) or f"outlet #{a['origin']}"
            url = reverse("outlet_detail", args=[a["origin"]])
            source = nodes.setdefault(key, Node(key, name, "relayed source", "source", 0, url))
            edges.append(Edge(source, target, "relays"))
        parent = a["republication_of"]
        if parent:
            key = f"a{parent}"
            if key not in nodes:  # the original belongs to another event
                url = reverse("article_detail", args=[parent])
                nodes[key] = Node(key, f"article #{parent}", "another event", "article", 1, url)
            edges.append(Edge(nodes[key], target, "republishes"))
    height = _place(list(nodes.values()))
    layers = max((n.layer for n in nodes.values()), default=-1) + 1
    width = PAD * 2 + layers * NODE_W + max(layers - 1, 0) * GAP_X
    return Graph(list(nodes.values()), edges, width, height, len(articles) - len(linked))


def _depth(article: dict[str, Any], articles: dict[int, dict[str, Any]]) -> int:
    """Hops from the original within the event (a cycle in bad data stops the count)."""
    depth, seen, parent = 0, {article["id"]}, article["republication_of"]
    while parent:
        depth += 1
        if parent not in articles or parent in seen:
            break
        seen.add(parent)
        parent = articles[parent]["republication_of"]
    return depth


def _place(nodes: list[Node]) -> int:
    rows: dict[int, int] = {}
    for node in sorted(nodes, key=lambda n: (n.layer, n.label.lower(), n.key)):
        row = rows.get(node.layer, 0)
        node.x = PAD + node.layer * (NODE_W + GAP_X)
        node.y = PAD + row * (NODE_H + GAP_Y)
        rows[node.layer] = row + 1
    return PAD * 2 + max(rows.values(), default=0) * (NODE_H + GAP_Y)


def _short(text: str, width: int = 34) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
