"""The console in a real browser (Debian's chromium driven by Playwright) against a real uvicorn
server on 127.0.0.1 with the demo data: screen a name, decide an alert, open the timeline, and
prove that an article's ``<script>`` is shown as text and never runs."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_web_support import article_id_titled, console_server, demo_store

from watchfloor.store import SqlStore

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MIN_SCREENSHOT_BYTES = 10_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed"),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    store, _ = demo_store(tmp_path_factory.mktemp("browser-demo"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def base_url(demo: SqlStore) -> Iterator[str]:
    with console_server(demo) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(60_000)  # the first screening builds the matcher's name data
    yield opened
    context.close()


def _screenshot(page: Any, path: Path) -> None:
    page.screenshot(path=str(path), full_page=True)
    assert path.exists() and path.stat().st_size > MIN_SCREENSHOT_BYTES
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_analyst_screens_a_name_and_reads_the_explanation(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/console/screen")
    page.get_by_label("Name", exact=True).fill("Nicolas Maduro")
    page.get_by_label("Birth date").fill("1962-11-23")
    page.get_by_role("button", name="Screen").click()
    row = page.locator("tr.hit").filter(has_text="MADURO MOROS, Nicolas")
    row.wait_for()
    assert "birth date 1962-11-23 matches" in row.inner_text()
    assert row.locator(".status-effective").first.is_visible()
    _screenshot(page, tmp_path / "screen.png")


def test_analyst_decides_an_alert_with_a_reason(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/console/alerts")
    assert page.get_by_label("Reviewer").count() == 0  # the reviewer is who is signed in, never typed
    form = page.locator("form.decide").first
    legend = form.locator("legend").inner_text()
    alert_id = legend.rsplit(" ", 1)[-1]
    form.get_by_label("False positive").check()
    form.get_by_label("Whitelist the pair").uncheck()  # one reviewer may record it alone
    form.get_by_label("Reason").fill("Different person: date of birth differs")
    form.get_by_role("button", name="Record decision").click()
    notice = page.get_by_role("status")
    notice.wait_for()
    assert f"Decision on alert {alert_id} recorded." in notice.inner_text()
    page.goto(f"{base_url}/console/alerts?status=decided")
    decided = page.locator(f"#alert-{alert_id}")
    assert "false positive" in decided.inner_text()
    assert getpass.getuser() in decided.inner_text()
    _screenshot(page, tmp_path / "alerts.png")


def test_a_true_match_waits_for_a_second_reviewer(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/console/alerts")
    form = page.locator("form.decide").first
    alert_id = form.locator("legend").inner_text().rsplit(" ", 1)[-1]
    form.get_by_label("True match").check()
    form.get_by_label("Reason").fill("Same passport number")
    form.get_by_role("button", name="Record decision").click()
    notice = page.get_by_role("status")
    notice.wait_for()
    assert "takes effect when a second reviewer approves it" in notice.inner_text()
    page.goto(f"{base_url}/console/alerts?status=proposed")
    row = page.locator(f"#alert-{alert_id}")
    assert "Proposed: true match" in row.inner_text()
    # the proposer is offered no approval (the server refuses one too: tests/test_web_pages.py)
    assert row.get_by_role("button", name="Approve").count() == 0
    assert "a second, different reviewer approves or rejects it" in row.inner_text()
    assert row.get_by_role("button", name="Withdraw").is_visible()
    _screenshot(page, tmp_path / "proposed.png")
    page.goto(f"{base_url}/console/alerts/{alert_id}")
    page.get_by_label("Comment", exact=True).fill("Passport copy requested from the branch")
    page.get_by_role("button", name="Add comment").click()
    page.get_by_role("status").wait_for()
    assert "Passport copy requested from the branch" in page.locator("ol.comments").inner_text()
    assert "days ago" in page.locator(".age").inner_text()


def test_report_page_lists_blocked_parties_and_offers_the_csv(
    page: Any, base_url: str, tmp_path: Path
) -> None:
    page.goto(f"{base_url}/console/report")
    assert page.get_by_role("heading", level=1).inner_text() == "Blocked parties and their alerts"
    assert page.locator("table.report tbody tr").count() >= 1
    assert "MADURO MOROS, Nicolas" in page.locator("table.report").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as CSV").click()
    saved = tmp_path / "report.csv"
    download.value.save_as(str(saved))
    assert saved.read_text(encoding="utf-8").startswith("entity_id,caption,alert_id,")
    _screenshot(page, tmp_path / "report.png")


def test_analyst_opens_the_timeline_chart(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/console/timeline")
    chart = page.get_by_role("img", name="Events per day and reported casualty figures")
    assert chart.is_visible()
    assert page.locator("svg rect.bar").count() > 0
    assert page.locator("svg g.claim").count() >= 3
    _screenshot(page, tmp_path / "timeline.png")


def test_article_script_is_shown_as_text_and_never_runs(
    page: Any, base_url: str, demo: SqlStore, tmp_path: Path
) -> None:
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{base_url}/console/articles/{article_id_titled(demo, 'Forged')}")
    heading = page.get_by_role("heading", level=1)
    assert "<script>alert(1)</script>" in heading.inner_text()
    assert page.get_by_text("<script>alert(1)</script> in its headline").is_visible()
    assert page.locator("mark.ent").count() >= 2
    page.wait_for_timeout(300)
    assert dialogs == []
    assert errors == []  # no Content-Security-Policy violation: the page needs no inline code
    _screenshot(page, tmp_path / "article.png")


def test_entity_graph_is_keyboard_reachable(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/console/entities/demo-co-orinoco-bunkering")
    assert page.get_by_text("Blocked by ownership").is_visible()
    node = page.locator("svg a.node-designated").first
    node.focus()
    assert page.evaluate("document.activeElement.classList.contains('node-designated')")
    _screenshot(page, tmp_path / "entity.png")
