from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from tests.browser.conftest import log_in


def test_demo_user_signs_in_and_opens_the_demo_event(page, demo_event):
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.get_by_role("link", name="Demo workspace").click()
    page.get_by_role("link", name=demo_event.title).click()
    rows = page.locator("#articles tbody tr")
    assert rows.count() == demo_event.articles.count() >= 5
    assert page.get_by_role("heading", name=demo_event.title).is_visible()


def test_article_page_shows_text_without_csp_violations(page, demo_event):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    article = demo_event.articles.first()
    page.goto(article.get_absolute_url())
    assert article.current_revision.text[:40] in page.locator("#article-text").inner_text()
    assert not [e for e in errors if "Content Security Policy" in e]


def test_wrong_password_shows_an_error(page, demo_event):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(DEMO_EMAIL)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("alert").first.is_visible()
