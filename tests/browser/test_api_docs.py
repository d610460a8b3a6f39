"""The API's docs page works under our Content Security Policy, from our own static files."""

from __future__ import annotations


def test_api_docs_render_the_schema_without_csp_violations(page, live_server):
    violations, outside = [], []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(live_server.url) else None,
    )
    page.set_default_timeout(60_000)  # Swagger UI's bundle is 1.5 MB, served one request at a time
    response = page.goto("/api/docs/")
    assert "script-src" in response.headers["content-security-policy"]
    page.wait_for_selector(".swagger-ui .info .title")
    assert "Parallax API" in page.locator(".swagger-ui .info .title").inner_text()
    page.wait_for_selector(".opblock-tag-section")  # the operations, read from /api/schema/
    assert page.locator(".opblock").count() > 20
    assert violations == []
    assert [u for u in outside if not u.startswith("data:")] == []
