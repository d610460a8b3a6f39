"""Both span explorers share their label, voice and source selects and keep the choices."""

import pytest
from django.urls import reverse

from tests.reports.helpers import client_for


@pytest.mark.parametrize("name", ["spans", "workspace_spans"])
def test_span_filter_form_keeps_label_voice_and_source(analysed, viewer, name):
    event = analysed["event"]
    pk = event.workspace_id if name == "workspace_spans" else event.pk
    url = reverse(f"reports:{name}", args=[pk])
    html = client_for(viewer).get(f"{url}?label=fear_appeal&voice=quoted&source=analyst")
    html = html.content.decode()
    assert '<option value="fear_appeal" selected>' in html
    assert '<option value="quoted" selected>' in html
    assert '<option value="analyst" selected>' in html


def test_vocabulary_page_loads_its_chart_without_options(analysed, viewer):
    url = reverse("reports:vocabulary", args=[analysed["event"].pk])
    html = client_for(viewer).get(url).content.decode()
    assert f'data-src="/events/{analysed["event"].pk}/compare/charts/vocabulary.json"' in html
