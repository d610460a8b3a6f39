"""The origin an editor may confirm from a relay chain the engine read."""

from __future__ import annotations

from django import template

from articles.names import same_source_name

register = template.Library()


@register.filter
def origin_offer(relays: object, article: object) -> str:
    """The relay to offer as the article's origin, or "" when its origin on record or its own
    outlet already is that source (under its full name or its acronym)."""
    suggested = getattr(relays, "suggested_origin", "")
    if not suggested:
        return ""
    for known in (getattr(article, "origin", None), getattr(article, "outlet", None)):
        if known is not None and same_source_name(known.name, suggested):
            return ""
    return suggested
