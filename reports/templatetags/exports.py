"""``{% export_panel event membership %}``: the Export panel on the event page.

A template tag rather than context from ``articles.views``: the articles app must not
import the reports app above it, while its page may still show the reports app's panel.
"""

from __future__ import annotations

from django import template

from accounts.models import Membership
from articles.models import Event
from reports.exports import jobs
from reports.exports.config import conf
from reports.exports.registry import kinds
from reports.exports.selectors import event_exports

register = template.Library()
GROUPS = (("report", "Report"), ("data", "Data"))


@register.inclusion_tag("reports/_export_panel.html", takes_context=True)
def export_panel(context: template.Context, event: Event, membership: Membership) -> dict:
    can_export = membership.can_export
    groups = []
    for group, title in GROUPS:
        shown = [k for k in kinds(group, listed=True) if membership.can(k.capability)]
        if shown:
            groups.append({"title": title, "kinds": shown})
    states = [jobs.export_state(j) for j in event_exports(event=event)] if can_export else []
    return {
        "event": event,
        "can_export": can_export,
        "groups": groups,
        "states": states,
        "ttl_hours": conf("TTL_HOURS"),
        "csrf_token": context.get("csrf_token"),
    }
