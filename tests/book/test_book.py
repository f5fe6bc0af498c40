"""The book edition, built and then read in Debian's chromium: structure, text alternatives and axe-core.

A separate step of .ci/run (`pip install -r requirements-book.txt && python -m pytest -m book`), so that the README's
test command stays fast; the default run deselects it (pyproject.toml). Needs /usr/bin/chromium.
"""

import functools
import html
import http.server
import re
import threading
import time
from pathlib import Path

import nbformat
import pytest
from helpers import CHROMIUM, require_chromium

from soviet_numbers import course
from soviet_numbers.course import ROOT

pytestmark = pytest.mark.book
PLACEHOLDER = "No description has been provided for this image"
NOTEBOOKS = course.notebooks()  # in course order (course.yml)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    pytest.importorskip("myst_nb", reason="pip install -r requirements-book.txt")
    from soviet_numbers.book import build_book

    out = tmp_path_factory.mktemp("book")
    start = time.perf_counter()
    build_book(out)
    print(f"book built in {time.perf_counter() - start:.1f} s")
    return out


def pages(site: Path) -> list[Path]:
    """Every page a reader can reach (not the theme's template fragments under _static)."""
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("_"))


def chart_images(text: str) -> list[str]:
    """The <img> tags of a page's charts: inline (charts.show's HTML) or as files (explorers' still views)."""
    return [
        tag
        for tag in re.findall(r"<img[^>]*>", text)
        if "data:image/png" in tag or "_images/" in tag or "_static/charts/" in tag
    ]


def test_every_notebook_has_a_page_in_course_order(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    sidebar = index[index.index("bd-sidebar-primary") :]
    order = [sidebar.index(f'href="notebooks/{p.stem}.html"') for p in NOTEBOOKS]
    assert order == sorted(order), "the sidebar lists the notebooks in course order"
    assert sidebar.index('href="timeline.html"') > order[-1] and sidebar.index('href="data.html"') > order[-1]
    for name in ("search.html", "timeline.html", "data.html", "instructors.html", "genindex.html"):
        assert (site / name).exists(), name
    for path in NOTEBOOKS:
        assert (site / "notebooks" / f"{path.stem}.html").exists()


def test_every_page_has_a_language_and_charts_have_real_alt_text(site):
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        assert re.search(r"<html[^>]* lang=\"en\"", text), f"{page.name}: no lang"
        for image in chart_images(text):
            alt = html.unescape(re.search(r'alt="([^"]*)"', image).group(1)) if ' alt="' in image else ""
            assert len(alt) >= 40 and alt != PLACEHOLDER and "_images/" not in alt, (page.name, image[:300])


def test_each_chart_shows_its_alt_and_its_numbers(site):
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        text = (site / "notebooks" / f"{path.stem}.html").read_text(encoding="utf-8")
        charts = sum(  # each chart is stored once: an <img> inside charts.show's HTML (or a plain PNG output)
            "image/png" in o.get("data", {}) or "data:image/png" in o.get("data", {}).get("text/html", "")
            for c in nb.cells
            for o in c.get("outputs", [])
        )
        assert len(chart_images(text)) == charts, path.name
        inline = [tag for tag in chart_images(text) if "_static/charts/" in tag]  # charts.show's charts, as files
        links = re.findall(r'<a class="course-full-size" href="([^"]+)">Open this chart at full size</a>', text)
        assert len(links) == len(inline), path.name  # each links to itself at full size (legible text)
        for link in links:
            assert (site / "notebooks" / link).resolve().is_file(), link
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert text.count("The numbers in this chart") == sum("charts.show(" in c.source for c in code)


def test_lecture_pages_launch_download_and_fold_plotting_code(site):
    for path in NOTEBOOKS:
        text = (site / "notebooks" / f"{path.stem}.html").read_text(encoding="utf-8")
        assert (
            f"mybinder.org/v2/gh/soviet-numbers/soviet-industrialization-course/student?urlpath=lab/tree/notebooks/{path.name}"
            in text
        )
        assert (
            f"colab.research.google.com/github/soviet-numbers/soviet-industrialization-course/blob/student/notebooks/{path.name}"
            in text
        )
        assert f"_sources/notebooks/{path.name}" in text, "the .ipynb download"
        assert "course-setup" not in text and "SOVIET_NUMBERS_WHEEL" not in text, "the install cell is left out"
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        plotting = sum("charts.new_chart(" in c.source or "charts.show(" in c.source for c in code)
        assert text.count("hide-input") >= plotting
        if any("_explorer(" in c.source for c in nb.cells):
            assert "open this lecture in Binder to explore" in text


def test_data_page_links_every_file(site):
    import json

    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    text = html.unescape((site / "data.html").read_text(encoding="utf-8")).replace("’", "'").replace("“", '"')
    for resource in package["resources"]:
        name = Path(resource["path"]).name
        assert re.search(rf'href="_downloads/[0-9a-f]+/{re.escape(name)}"', text), name
        assert resource["title"][:30].replace('"', "'") in text.replace("”", "'").replace('"', "'")


@pytest.fixture(scope="module")
def browser(site):
    require_chromium("the book tests")
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        yield page, f"http://127.0.0.1:{server.server_address[1]}/"
        chromium.close()
    server.shutdown()


def _book_urls(site: Path) -> list[str]:
    return [str(p.relative_to(site)) for p in pages(site)] + ["search.html?q=steel"]


def _open(page, base: str, url: str) -> None:
    page.goto(base + url)
    page.wait_for_load_state("load")  # (not "networkidle": on a busy machine it can wait past the timeout)
    if url.startswith("search.html?"):
        page.wait_for_selector("#search-results p.search-summary, #search-results .search-summary", timeout=15000)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_axe_findings_on_any_page(site, browser, scheme):
    """The newest axe-core (tests/accessibility.py), experimental rules on, in the theme's light and dark modes (the
    theme follows the reader's system setting, so both are what readers see)."""
    from accessibility import scan, serious

    page, base = browser
    page.emulate_media(color_scheme=scheme)
    found, scanned = {}, 0
    try:
        for url in _book_urls(site):
            _open(page, base, url)
            assert page.evaluate("document.documentElement.dataset.theme") == scheme, url
            # the theme fades colours in when it sets the scheme: scan what the reader sees once the fades are over
            page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
            result = scan(page)
            scanned += 1
            if serious(result["violations"]):
                found[url] = serious(result["violations"])
    finally:
        page.emulate_media(color_scheme="light")
    assert scanned == len(_book_urls(site))
    assert not found, found


def test_no_page_scrolls_sideways_at_320_px(site, browser):
    """WCAG 1.4.10 (reflow): at 320 CSS pixels no page is wider than the window."""
    page, base = browser
    page.set_viewport_size({"width": 320, "height": 800})
    wide = {}
    try:
        for url in _book_urls(site):
            _open(page, base, url)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > page.evaluate("document.documentElement.clientWidth"):
                wide[url] = width
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})
    assert not wide, f"pages wider than 320 px: {wide}"


FOCUS_STYLE = """() => { const e = document.activeElement; const s = getComputedStyle(e);
  return {name: e.getAttribute('aria-label') || e.title || e.textContent.trim().slice(0, 40), tag: e.tagName,
          ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'}; }"""


def test_every_control_shows_focus(site, browser):
    """Tab through a lecture page: every control that takes focus shows a ring (the Launch and Download buttons too)."""
    page, base = browser
    _open(page, base, "notebooks/01_sources_of_accumulation.html")
    page.locator("body").focus()
    seen, unringed = [], []
    for _ in range(400):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STYLE)
        if state["tag"] == "BODY" or (seen and state == seen[0]):
            break
        seen.append(state)
        if not state["ring"]:
            unringed.append(state["name"])
    names = " ".join(s["name"] for s in seen)
    assert "Launch" in names and "Download" in names, "the tab order reaches the Launch and Download buttons"
    assert not unringed, f"controls without a visible focus ring: {unringed}"


def test_search_finds_a_lecture(site, browser):
    page, base = browser
    page.goto(base + "search.html?q=savings+deposits")
    page.wait_for_selector("ul.search li", timeout=15000)
    assert "Sources of accumulation" in page.inner_text("ul.search")
