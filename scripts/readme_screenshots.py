"""Take the README screenshots from a running Parallax (`make run` in another shell).

Usage: .venv/bin/python scripts/readme_screenshots.py [BASE_URL]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.playwright_harness import CHROMIUM_FLAGS, chromium_path

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 820}, base_url=BASE)
        page.goto("/accounts/login/")
        page.get_by_label("E-mail").fill("demo@parallax.example")
        page.get_by_label("Password").fill("parallax-demo")
        page.get_by_role("button", name="Log in").click()
        page.get_by_role("link", name="Demo workspace").click()
        page.get_by_role("link", name="Tidewater Shield").first.click()
        page.screenshot(path=OUT / "screenshot-event.png")
        for name, link in (("screenshot-compare.png", "Compare"),):
            if page.get_by_role("link", name=link).count():
                page.get_by_role("link", name=link).first.click()
                page.wait_for_load_state("networkidle")
                page.screenshot(path=OUT / name)
        browser.close()


if __name__ == "__main__":
    main()
