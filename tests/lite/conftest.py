"""The browser edition as a student uses it: build the JupyterLite site, serve it with a static server, open it in
Debian's chromium with every request that leaves the site blocked (and counted), and run the course there.

The site is built once per session into a temporary folder (``soviet-numbers lite``); set SN_LITE_SITE=DIR to test a
site built beforehand. Each notebook opens in a fresh browser context (its own browser storage, as on a new
machine). Timings go to build/lite/timings.json (BENCHMARKS.md's "lite" section is written from them).

Needs /usr/bin/chromium and `pip install -r requirements-lite.txt`; never `playwright install`.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import threading
import time
from pathlib import Path

import pytest
from helpers import CHROMIUM, require_chromium

ROOT = Path(__file__).resolve().parents[2]
TIMINGS = ROOT / "build" / "lite" / "timings.json"
SHOTS = ROOT / "build" / "lite"
ERROR_RE = re.compile(r"Traceback \(most recent call last\)|^\w+(Error|Exception)\b", re.M)
PROMPTS_JS = "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(e => e.innerText)"

_timings: dict = {}


def record(key: str, value) -> None:
    """Keep one measurement; written to build/lite/timings.json at the end of the session."""
    _timings[key] = value


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    if os.environ.get("SN_LITE_SITE"):
        return Path(os.environ["SN_LITE_SITE"])
    from soviet_numbers.lite import build_site

    out = tmp_path_factory.mktemp("lite") / "site"
    summary = build_site(out)
    record("build", {k: summary[k] for k in ("seconds", "bytes", "pyodide_bytes", "files", "packages", "sources")})
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, *args):  # the test reports what matters
        pass


@pytest.fixture(scope="session")
def base(site):
    """A static server for the site (Python's http.server, in a thread): the URL it serves the site at."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    require_chromium("the lite tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements-lite.txt")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()
    if _timings:
        TIMINGS.parent.mkdir(parents=True, exist_ok=True)
        old = json.loads(TIMINGS.read_text()) if TIMINGS.exists() else {}
        TIMINGS.write_text(json.dumps({**old, **_timings}, indent=1))


class Student:
    """One browser context on the site: every request that leaves the site is blocked and listed in ``outside``."""

    def __init__(self, browser, base: str):
        self.base = base
        self.outside: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base + "/") or url.startswith(("data:", "blob:")):
            return route.continue_()
        self.outside.append(url)
        return route.abort()

    def close(self):
        self.context.close()

    def open(self, rel: str) -> dict:
        """Open a notebook of the site in JupyterLab: seconds until it is on screen, and until its kernel is idle
        (Pyodide loaded: the notebook is interactive)."""
        t0 = time.perf_counter()
        self.page.goto(f"{self.base}/lab/index.html?path={rel}")
        self.page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
        shown = time.perf_counter() - t0
        self.page.get_by_text("Python (Pyodide) | Idle").wait_for(timeout=180_000)
        return {"shown": round(shown, 1), "idle": round(time.perf_counter() - t0, 1)}

    def menu(self, menu: str, item: str) -> None:
        self.page.locator(".lm-MenuBar-itemLabel", has_text=menu).first.click()
        self.page.locator(".lm-Menu-itemLabel", has_text=item).first.click()

    def prompts(self) -> list[str]:
        return self.page.evaluate(PROMPTS_JS)

    def run_all(self, timeout: float = 400) -> dict:
        """Run ▸ Run All Cells; wait until every code cell has its number. Seconds to the first cell done (the
        packages and the course installed) and to the last. A click that starts nothing is repeated (a student
        would click again)."""
        # A folded cell (the install cell: source_hidden) shows no input prompt, so only the prompts shown count.
        n = len(self.prompts())
        t0 = time.perf_counter()
        first, clicked = None, None
        while time.perf_counter() - t0 < timeout:
            prompts = self.prompts()
            started = any(re.search(r"\[(\d+|\*)\]", p) for p in prompts)
            if not started and (clicked is None or time.perf_counter() - clicked > 15):
                self.menu("Run", "Run All Cells")
                clicked = time.perf_counter()
            numbered = [p for p in prompts if re.search(r"\[\d+\]", p)]
            if first is None and prompts and re.search(r"\[\d+\]", prompts[0]):
                first = time.perf_counter() - t0
            if len(numbered) == n and not any("*" in p for p in prompts):
                return {"first_cell": round(first or 0, 1), "all": round(time.perf_counter() - t0, 1), "cells": n}
            time.sleep(0.25)
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / "FAILED_run_all.png"), full_page=True)
        raise AssertionError(f"not every cell ran within {timeout} s: {self.prompts()}")

    def errors(self) -> list[str]:
        texts = self.page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        return [t for t in texts.all_inner_texts() if ERROR_RE.search(t)]

    def run_cell(self, index: int, source: str, timeout: float = 60) -> str:
        """Replace the source of code cell ``index`` as a student types it, run it (Shift+Enter), return its output."""
        cell = self.page.locator(".jp-CodeCell").nth(index)
        cell.scroll_into_view_if_needed()
        before = cell.locator(".jp-InputArea-prompt").inner_text()
        cell.locator(".cm-content").click()
        self.page.keyboard.press("Control+A")
        self.page.keyboard.insert_text(source)  # no auto-closed brackets
        self.page.keyboard.press("Shift+Enter")
        self.page.wait_for_function(
            """([i, before]) => { const p = document.querySelectorAll('.jp-CodeCell')[i]
                                   .querySelector('.jp-InputArea-prompt').innerText;
                                  return p !== before && /\\[\\d+\\]/.test(p); }""",
            arg=[index, before],
            timeout=timeout * 1000,
        )
        return cell.locator(".jp-OutputArea").inner_text()
