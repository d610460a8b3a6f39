"""A hostile outlet name in a real plotly chart: shown as typed, never a link."""

from __future__ import annotations

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from framing.analysis_services import event_analyse
from tests.browser.conftest import log_in

HOSTILE = '<a href="https://evil.example/x">Click</a>'


def test_hostile_outlet_name_is_text_in_axis_and_hover_not_a_link(page, demo_event):
    outlet = demo_event.articles.first().outlet
    outlet.name = HOSTILE
    outlet.save()
    event_analyse(event=demo_event)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{demo_event.pk}/compare/charts/")
    page.wait_for_selector("#chart-density[data-ready='1'] .plot .main-svg")
    plot = page.locator("#chart-density .plot")
    assert any(HOSTILE in t for t in plot.locator(".ytick").all_text_contents())
    hover = page.evaluate(
        """() => {
            const plot = document.querySelector("#chart-density .plot");
            const trace = plot.data.findIndex((t) => t.y.some((y) => y.includes("evil")));
            const point = plot.data[trace].y.findIndex((y) => y.includes("evil"));
            window.Plotly.Fx.hover(plot, [{ curveNumber: trace, pointNumber: point }]);
            return {
                text: plot.querySelector(".hoverlayer").textContent,
                name: plot.data[trace].name,
            };
        }"""
    )
    assert HOSTILE in hover["text"]  # the name as typed, from the escaped label
    assert hover["name"] in hover["text"]  # %{fullData.name} filled in with the category
    assert page.locator('#chart-density a[href*="evil.example"]').count() == 0
    assert page.locator('a[href*="evil.example"], [*|href*="evil.example"]').count() == 0
