"""The course in a real browser: JupyterLab + Debian's chromium, driven by Playwright.

For every notebook in notebooks/ and exercises/: open it (the first loads JupyterLab with ?reset; the others come
through File > Open from Path in the same page, each with its own kernel), clear outputs, Run All Cells, wait until
every cell has run, then assert no error output (except in cells tagged raises-exception), no "Error displaying
widget", and every widget of the notebook rendered. In lectures, move one control of each explorer and assert that
its output changes. axe-core (newest, experimental rules on: tests/accessibility.py) scans the notebook's output
elements, after asserting that they hold the charts, quotations and sliders the notebook makes. Each explorer is then
read through the accessibility tree: every slider, value box and menu named, presets exposing aria-pressed, readouts
polite live regions; a slider stepped with the keyboard changes the chart's alt and the readout, and a menu's arrow
key changes its value (JupyterLab must not take the key). SN_A11Y_TREES=1 writes each explorer's tree to
build/screenshots/.
Screenshots of each lecture's first explorer go to build/screenshots/.

Needs /usr/bin/chromium (apt-get install chromium) and the playwright package (requirements-dev.txt); never
`playwright install`. Without chromium the tests skip with a message, except under CI=1, where they fail.
"""

import contextlib
import functools
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from accessibility import scan, serious
from helpers import CHROMIUM, require_chromium

from soviet_numbers.course import ROOT

SHOTS = ROOT / "build" / "screenshots"
README_SHOTS = ROOT / "docs" / "img"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# What the course itself puts on the page: every output element (JupyterLab's own interface is not the course's to
# fix). In JupyterLab 4.6 the renderer's classes sit on this same element, so the scope is the output itself; the
# scan asserts that it holds the charts, quotations and sliders the notebook makes (see expected_in_outputs).
COURSE_OUTPUTS = [".jp-OutputArea-output"]
# What must be inside that scope, by what the notebook's code makes: a CSS selector for each.
SCOPE_PARTS = {
    "charts": ".jp-OutputArea-output img",
    "quotations": ".jp-OutputArea-output figure.course-quotation",
    "sliders": ".jp-OutputArea-output [role='slider']",
}
ERROR_RE = re.compile(r"Traceback \(most recent call last\)|^\w+(Error|Exception)\b", re.M)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    require_chromium("the browser tests")
    playwright = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements-dev.txt")
    settings = tmp_path_factory.mktemp("lab-settings")
    news = settings / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    tracker = settings / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    # Render every cell (no windowing), so that the test sees all prompts and outputs.
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    docmanager = settings / "@jupyterlab" / "docmanager-extension"
    docmanager.mkdir(parents=True)
    (docmanager / "plugin.jupyterlab-settings").write_text(json.dumps({"autosave": False}))
    workspaces = tmp_path_factory.mktemp("lab-workspaces")
    # Serve copies: running a notebook in the browser must never rewrite the repository's notebooks.
    served = tmp_path_factory.mktemp("served")
    for folder in ("notebooks", "exercises"):
        shutil.copytree(ROOT / folder, served / folder)
    port = _free_port()
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings), JUPYTERLAB_WORKSPACES_DIR=str(workspaces))
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            f"--port={port}",
            "--ip=127.0.0.1",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            "--ServerApp.allow_root=True",
            "--ServerApp.disable_check_xsrf=True",
            f"--ServerApp.root_dir={served}",
        ],
        cwd=served,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("jupyter lab did not start")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = {"page": None}  # one page for all notebooks: JupyterLab boots once (about 3 s a notebook saved)
        yield base, browser, tab
        browser.close()
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


def _accept_kernel_dialog(page):
    """If JupyterLab asks which kernel to use (it can, late, on a fresh server), keep the notebook's own."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count():
        text = dialog.first.inner_text()
        SHOTS.mkdir(parents=True, exist_ok=True)
        (SHOTS / "last_dialog.txt").write_text(text)
        buttons = dialog.first.locator(".jp-Dialog-footer button")
        # The accept button is the last one ("Select", "OK", "Restart" ...): keep the notebook's own kernel.
        buttons.nth(buttons.count() - 1).click()
        page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=90000)


def _menu(page, menu: str, item: str) -> None:
    """Click a menu item (Run ▸ Run All Cells ...), accepting a kernel dialog that may pop up at any moment."""
    for attempt in range(10):
        _accept_kernel_dialog(page)
        try:
            page.get_by_text(menu, exact=True).first.click(timeout=3000)
            page.get_by_text(item, exact=True).click(timeout=3000)
            return
        except Exception:  # noqa: BLE001 - a dialog got in the way: accept it and try again
            if attempt == 9:
                raise


def _one_run(page, prompts_js, n_code, deadline):
    """Click Run All once and watch the prompts. (True, prompts) when every code cell got a number in one run.

    False, to run again, when the click started nothing (no prompt changed within 4 s), when the run stopped
    part-way (nothing moved for 20 s), or when the numbers restart part-way ([1] [2] [1] [2] ...): a late kernel
    dialog swapped the kernel mid-run, and later cells ran without the first ones; or when the run ended with cells
    left unnumbered (a kernel swap cancels the queue). Outputs are cleared first: lectures are stored with [1]..[n].
    """
    _clear_all_outputs(page, prompts_js)
    at_click = last = page.evaluate(prompts_js)
    _menu(page, "Run", "Run All Cells")
    clicked = last_change = time.time()
    started, idle_since = False, None
    while time.time() < deadline:
        time.sleep(0.25)
        _accept_kernel_dialog(page)
        prompts = page.evaluate(prompts_js)
        started = started or prompts != at_click
        if prompts != last or any("*" in p for p in prompts):
            last, last_change = prompts, time.time()
        numbers = [int(m.group(1)) for p in prompts if (m := re.fullmatch(r"\[(\d+)\]:?", p.strip()))]
        if started and len(prompts) == len(numbers) == n_code:
            return numbers == list(range(numbers[0], numbers[0] + n_code)), prompts
        # nothing queued or running, yet cells without a number: the run was cut short (for 1 s, to be sure)
        idle_since = (idle_since or time.time()) if started and not any("*" in p for p in prompts) else None
        if (
            (not started and time.time() - clicked > 4)
            or time.time() - last_change > 20
            or (idle_since and time.time() - idle_since > 1)
        ):
            return False, prompts
    return False, last


def _clear_all_outputs(page, prompts_js):
    """Edit > Clear Outputs of All Cells: outputs and numbers go, so a new run is told apart from the stored one.

    On a fresh, busy server the first click can be lost (a late kernel dialog, a menu still building): a student
    would click again, and so do we, up to four times.
    """
    for attempt in range(4):
        _menu(page, "Edit", "Clear Outputs of All Cells")
        try:
            page.wait_for_function(f"() => ({prompts_js})().every(p => !/\\d|\\*/.test(p))", timeout=8000)
            return
        except Exception:  # noqa: BLE001 - not cleared yet: accept any dialog and click again
            _accept_kernel_dialog(page)
            if page.locator(".lm-Menu").count():  # a menu left open by the lost click
                page.keyboard.press("Escape")
            if attempt == 3:
                raise


def open_notebook(page, base, rel):
    """The first notebook loads JupyterLab (?reset: a clean workspace); later ones use File > Open from Path."""
    if not page.url.startswith(f"{base}/lab"):
        page.goto(f"{base}/lab/tree/{rel}?reset")
    else:
        _menu(page, "File", "Open from Path…")
        page.fill(".jp-Dialog input", rel)
        page.keyboard.press("Enter")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60000)


def close_notebook(page):
    """File > Close Tab, discarding the run's changes (the kernel is left to the server, which ends them all)."""
    _menu(page, "File", "Close Tab")
    discard = page.get_by_role("button", name="Discard")
    with contextlib.suppress(Exception):  # nothing to discard
        discard.click(timeout=3000)
    page.wait_for_function(
        "() => !document.querySelector('.jp-Notebook') && !document.querySelector('.jp-Dialog')", timeout=10000
    )


def run_all(page, base, rel):
    open_notebook(page, base, rel)
    # On a fresh server the kernel list can load after the notebook, and JupyterLab then asks which kernel to
    # use (a student would press "Select"). Wait until the kernel is idle, accepting that dialog if it comes.
    page.wait_for_function(
        """() => document.querySelector('.jp-Dialog') ||
                 document.querySelector('.jp-Notebook-ExecutionIndicator[data-status="idle"]')""",
        timeout=90000,
    )
    _accept_kernel_dialog(page)
    page.wait_for_function(
        "() => document.querySelector('.jp-Notebook') && !document.body.innerText.includes('Kernel Connecting')",
        timeout=60000,
    )
    nb = nbformat.read(ROOT / rel, as_version=4)
    # a folded cell (the install cell: source_hidden) shows no input prompt in JupyterLab, so it is not counted
    n_code = sum(c.cell_type == "code" and not c.metadata.get("jupyter", {}).get("source_hidden") for c in nb.cells)
    prompts_js = "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(e => e.innerText)"
    # Run All, then wait until every code cell has a number from one unbroken run (see _one_run). On a fresh
    # server JupyterLab can get in the way; a student would simply run all again, and so do we, up to four times.
    deadline = time.time() + 240
    for _ in range(4):
        ok, prompts = _one_run(page, prompts_js, n_code, deadline)
        if ok:
            break
        print(f"{rel}: running all again; the prompts were {' '.join(p.strip() for p in prompts)}")
    else:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"FAILED_{Path(rel).stem}.png"), full_page=True)
        pytest.fail(f"{rel}: not every cell ran in one run ({prompts})")
    time.sleep(0.3)  # let widget views finish rendering
    return nb


def widget_cells(nb):
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "_explorer(" in c.source]


def _state(widget):
    """What the explorer shows: its text and the source of its plot image, if any."""
    imgs = widget.locator("img")
    return widget.inner_text() + "|" + "".join(imgs.nth(i).get_attribute("src")[-200:] for i in range(imgs.count()))


def move_a_control(page, widget, rel, k):
    widget.scroll_into_view_if_needed()
    before = _state(widget)
    handles = widget.locator(".noUi-handle")
    selects = widget.locator("select")
    toggles = widget.locator(".widget-toggle-buttons button")
    if handles.count():
        box = handles.first.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.down()
        page.mouse.move(box["x"] - 120, box["y"] + box["height"] / 2, steps=8)
        page.mouse.up()
    elif selects.count():
        options = selects.first.locator("option")
        selects.first.select_option(index=options.count() - 1)
    elif toggles.count() > 1:
        toggles.nth(1).click()
    else:
        pytest.fail(f"{rel}: explorer {k} has no control to move")
    for _ in range(100):
        time.sleep(0.1)
        if _state(widget) != before:
            break
    assert _state(widget) != before, f"{rel}: explorer {k} did not change when its control moved"
    if os.environ.get("SN_UPDATE_README_SHOTS") and k == 0:
        README_SHOTS.mkdir(parents=True, exist_ok=True)
        widget.screenshot(path=str(README_SHOTS / f"{Path(rel).stem}_explorer.png"))


def expected_in_outputs(nb) -> list[str]:
    """What the notebook's outputs must show, by its code: charts, quotations, sliders (keys of SCOPE_PARTS)."""
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    parts = []
    if "charts.show(" in code or "_explorer(" in code:
        parts.append("charts")
    if "quote(" in code or "show_passage(" in code:
        parts.append("quotations")
    if any(name in code for name in slider_explorers()):
        parts.append("sliders")
    return parts


@functools.cache
def slider_explorers() -> list[str]:
    """The explorer functions (``name(``) whose box holds a slider, found by building each one."""
    import ipywidgets as w

    from soviet_numbers.explorers import lecture1, lecture2, lecture3, lecture4

    names = []
    for module in (lecture1, lecture2, lecture3, lecture4):
        for name in dir(module):
            if name.endswith("_explorer") and callable(getattr(module, name)):
                box = getattr(module, name)()
                if any(isinstance(c, w.FloatSlider) for c in box._all(w.DOMWidget)):
                    names.append(name + "(")
    return names


# An explorer's parts as the accessibility tree names them (read through the real tree, not the DOM).
ALT_JS = "e => [...e.querySelectorAll('img')].map(i => i.alt).join('|')"
STATUS_JS = "e => [...e.querySelectorAll('[role=status]')].map(s => s.getAttribute('aria-live') + ':' + s.innerText)"


def check_explorer_accessible(page, widget, rel, k):
    """Every slider, value box and menu named; presets expose aria-pressed; readouts are polite live regions;
    a keyboard move changes the chart's alt and the readout; a menu's arrow key changes its value."""
    widget.scroll_into_view_if_needed()
    tree = widget.aria_snapshot()
    if os.environ.get("SN_A11Y_TREES"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        (SHOTS / f"{Path(rel).stem}_explorer{k}_tree.yaml").write_text(tree)
    sliders, selects = widget.get_by_role("slider"), widget.locator("select")
    assert sliders.count() == widget.locator(".noUi-handle").count()
    for i in range(sliders.count()):
        name = sliders.nth(i).get_attribute("aria-label") or ""
        assert name.strip(), f"{rel}: explorer {k}: slider {i} has no accessible name"
        assert widget.get_by_role("slider", name=name, exact=True).count() >= 1, f"{rel}: explorer {k}: {name!r}"
    boxes = widget.locator(".widget-readout")
    for i in range(boxes.count()):
        assert (boxes.nth(i).get_attribute("aria-label") or "").strip(), f"{rel}: explorer {k}: value box {i}"
    for i in range(selects.count()):
        label = page.locator(f"label[for='{selects.nth(i).get_attribute('id')}']")
        assert label.count() and label.first.inner_text().strip(), f"{rel}: explorer {k}: menu {i} has no name"
        assert widget.get_by_role("combobox", name=label.first.inner_text().strip()).count()
    for group in widget.locator(".widget-toggle-buttons").all():
        pressed = [b.get_attribute("aria-pressed") for b in group.locator("button").all()]
        assert pressed.count("true") == 1 and pressed.count("false") == len(pressed) - 1, (rel, k, pressed)
    statuses = widget.evaluate(STATUS_JS)
    assert statuses and all(s.startswith("polite:") for s in statuses), f"{rel}: explorer {k}: no live readout"
    # The keyboard: a slider moved with the arrow keys changes the chart's alt and the live readout.
    if sliders.count():
        alt, status = widget.evaluate(ALT_JS), widget.evaluate(STATUS_JS)
        handle = sliders.first
        handle.focus()
        at_min = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemin")
        page.keyboard.press("ArrowRight" if at_min else "ArrowLeft")  # one step, away from an end
        page.wait_for_function(
            f"([e, s]) => JSON.stringify(({STATUS_JS})(e)) !== JSON.stringify(s)",
            arg=[widget.element_handle(), status],
            timeout=10000,
        )
        assert widget.evaluate(STATUS_JS) != status, f"{rel}: explorer {k}: the readout did not change"
        if alt:
            page.wait_for_function(
                "([e, a]) => [...e.querySelectorAll('img')].map(i => i.alt).join('|') !== a",
                arg=[widget.element_handle(), alt],
                timeout=10000,
            )
        assert page.evaluate("document.activeElement.getAttribute('role')") == "slider", "focus left the slider"
    # A menu's down arrow chooses the next item (JupyterLab must not take the key).
    for i in range(selects.count()):
        select = selects.nth(i)
        if select.locator("option").count() < 2:
            continue
        select.focus()
        before = select.input_value()
        page.keyboard.press("ArrowUp" if select.evaluate("s => s.selectedIndex") else "ArrowDown")
        page.wait_for_function("([s, v]) => s.value !== v", arg=[select.element_handle(), before], timeout=5000)
        assert page.evaluate("document.activeElement.tagName") == "SELECT", f"{rel}: explorer {k}: focus left menu {i}"


def readme_pictures(page, path):
    """The README's pictures, taken from the running course (set SN_UPDATE_README_SHOTS=1)."""
    README_SHOTS.mkdir(parents=True, exist_ok=True)
    if path.name == "00_start_here.ipynb":
        from soviet_numbers.data import figures  # exercise 0.1 counts them: the answer is derived, not typed

        feedback = page.locator(".jp-OutputArea-output", has_text=f"Correct: {len(figures())}").first
        feedback.scroll_into_view_if_needed()
        feedback.screenshot(path=str(README_SHOTS / "exercise_feedback.png"))
    if path.name == "03_output_growth.ipynb" and path.parent.name == "notebooks":
        chart = page.locator(".jp-OutputArea-output img").nth(4)
        chart.scroll_into_view_if_needed()
        chart.screenshot(path=str(README_SHOTS / "chart_with_source_line.png"))


def check_notebook(lab, path):
    """Open, Run All, and assert the notebook ran cleanly with every explorer rendered and responsive."""
    base, browser, tab = lab
    rel = f"{path.parent.name}/{path.name}"
    if tab["page"] is None:
        tab["page"] = browser.new_page(viewport={"width": 1400, "height": 1000})
    page = tab["page"]
    started, clean = time.perf_counter(), False
    try:
        nb = run_all(page, base, rel)
        allowed = {i for i, c in enumerate(nb.cells) if "raises-exception" in c.metadata.get("tags", [])}
        texts = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").all_inner_texts()
        errors = [t for t in texts if ERROR_RE.search(t)]
        assert not errors or allowed, f"error output in {rel}: {errors[:1]}"
        assert "Error displaying widget" not in page.inner_text(".jp-Notebook")
        # The course's own outputs (quotation boxes, tables, feedback lines, explorers), read by axe-core; first,
        # the scope must hold what the notebook makes (a scan of nothing finds nothing).
        for part in expected_in_outputs(nb):
            assert page.locator(SCOPE_PARTS[part]).count(), f"{rel}: the axe scope holds no {part}"
        findings = serious(scan(page, include=COURSE_OUTPUTS)["violations"])
        assert not findings, f"{rel}: accessibility findings in the course's outputs: {findings}"
        if os.environ.get("SN_UPDATE_README_SHOTS"):
            readme_pictures(page, path)
        cells = widget_cells(nb)
        rendered = page.locator(".jp-OutputArea-output .jupyter-widgets.widget-vbox")
        assert rendered.count() >= len(cells), f"{rel}: {rendered.count()} widgets for {len(cells)} cells"
        if cells:
            SHOTS.mkdir(parents=True, exist_ok=True)
            rendered.first.scroll_into_view_if_needed()
            rendered.first.screenshot(path=str(SHOTS / f"{path.stem}_first_widget.png"))
            for k in range(rendered.count()):
                move_a_control(page, rendered.nth(k), rel, k)
            for k in range(rendered.count()):
                check_explorer_accessible(page, rendered.nth(k), rel, k)
        close_notebook(page)
        clean = True
    finally:
        print(f"{rel}: {time.perf_counter() - started:.1f} s in the browser")
        if not clean:  # a failure leaves the page as it is: the next notebook starts in a new one
            page.close()
            tab["page"] = None
