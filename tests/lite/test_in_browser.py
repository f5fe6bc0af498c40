"""Run the course in the browser edition as a student would (see conftest.py): Run All on every lecture, the primer,
the glossary and every exercise notebook; move an explorer's slider; answer a check rightly and wrongly. Every
request that leaves the site is blocked, and each test asserts that there was none."""

from __future__ import annotations

import json
import statistics
import time
import zipfile

import nbformat
import pytest

from soviet_numbers import lite
from soviet_numbers.lite import course_notebooks

from .conftest import ROOT, SHOTS, Student, record

pytestmark = pytest.mark.lite
NOTEBOOKS = [site for site, _ in course_notebooks()]


def _local_seconds(rel: str) -> float:
    """The same notebook's Run-All time in a local kernel (nbclient), for the comparison in BENCHMARKS.md."""
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / rel, as_version=4)
    t0 = time.perf_counter()
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT / rel).rsplit("/", 1)[0]}}
    ).execute()
    return round(time.perf_counter() - t0, 2)


def test_the_notebook_list_is_the_course():
    assert "notebooks/glossary.ipynb" in NOTEBOOKS and "notebooks/00b_reading_python.ipynb" in NOTEBOOKS
    assert sum(r.startswith("exercises/") for r in NOTEBOOKS) == len(list((ROOT / "exercises").glob("*.ipynb"))) > 0
    assert not [r for r in NOTEBOOKS if r.startswith("solutions/")], "no answer key on the student site"


# In this module (not test_site.py), so that with --dist loadfile one worker builds the site and uses it.
def test_the_built_site(site):
    """The site serves everything itself: Pyodide, its lock (every file present and matching), the wheels, notebooks."""
    config = json.loads((site / "jupyter-lite.json").read_text())
    kernel = config["jupyter-config-data"]["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["pyodideUrl"].startswith("./static/pyodide/") and kernel["disablePyPIFallback"] is True
    assert all(u.startswith("./") for u in kernel["pipliteUrls"])
    served = site / "static" / "pyodide"
    lock = json.loads((served / "pyodide-lock.json").read_text())
    assert lock["info"]["version"] == lite.site_pins()["pyodide"][0]
    assert len(lite.verify_against_lock(served, lock)) == len(lock["packages"]), "every package in the lock is served"
    assert lock["packages"]["pandas"]["version"] == lite.site_pins()["pandas"][0]
    assert not [n for n in lite.NOT_SERVED if n in lock["packages"]]
    course = next((site / "pypi").glob("soviet_numbers-*.whl"))
    with zipfile.ZipFile(course) as z:
        assert any(n.startswith("soviet_numbers/course_data/") and n.endswith(".csv") for n in z.namelist())
    for rel, _ in lite.course_notebooks():
        assert (site / "files" / rel).is_file(), rel
    assert not (site / "files" / "solutions").exists()
    text = "".join(p.read_text(errors="ignore") for p in (site / "files").rglob("*.ipynb"))
    assert "cdn.jsdelivr" not in (site / "jupyter-lite.json").read_text() and "SOVIET_NUMBERS_WHEEL" not in text


@pytest.mark.parametrize("rel", NOTEBOOKS)
def test_run_all(browser, base, rel):
    """Every cell runs, no error output, every chart drawn, every explorer rendered; nothing leaves the site."""
    stored = nbformat.read(ROOT / rel, as_version=4)
    charts = sum("image/png" in o.get("data", {}) for c in stored.cells if c.cell_type == "code" for o in c.outputs)
    explorers = sum("_explorer(" in c.source for c in stored.cells if c.cell_type == "code")
    student = Student(browser, base)
    try:
        opened = student.open(rel)
        run = student.run_all()
        errors = student.errors()
        images = student.page.locator(".jp-OutputArea-output img").count()
        widgets = student.page.locator(".jp-OutputArea-output .jupyter-widgets.widget-vbox").count()
        text = student.page.inner_text(".jp-Notebook")
        if errors:
            student.page.screenshot(path=str(SHOTS / f"FAILED_{rel.replace('/', '_')}.png"), full_page=True)
    finally:
        student.close()
    record(f"run_all/{rel}", {**opened, **run, "images": images, "local": _local_seconds(rel)})
    assert not errors, f"{rel}: error output in the browser: {errors[0][-800:]}"
    assert "Error displaying widget" not in text
    assert images >= charts, f"{rel}: {images} pictures drawn, {charts} charts stored locally"
    assert widgets >= explorers, f"{rel}: {widgets} explorers rendered for {explorers}"
    assert not student.outside, f"{rel}: requests left the site: {sorted(set(student.outside))[:5]}"


def test_explorer_redraws_on_a_slider_move(browser, base):
    """Lecture 2's plan-path explorer: its first slider dragged, step by step, and its picture changes each time.
    The delay is timed in the page, from the drag to the new picture (goal: 150 ms)."""
    rel = "notebooks/02_capital_construction.ipynb"
    student = Student(browser, base)
    page = student.page
    try:
        student.open(rel)
        student.run_all()
        explorer = page.locator(".jupyter-widgets.widget-vbox", has=page.locator(".noUi-handle")).first
        explorer.scroll_into_view_if_needed()
        assert explorer.locator("img").count(), "the explorer shows a picture"
        delays = []
        for dx in (-40, -40, -40, 40, 40, 40):
            handle = explorer.locator(".noUi-handle").first.bounding_box()
            x, y = handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2
            explorer.evaluate(
                """el => { window.__before = el.querySelector('img').src; window.__t0 = null; window.__t1 = null;
                           document.addEventListener('pointermove', e => { if (e.buttons && window.__t0 === null)
                               window.__t0 = performance.now(); }, {capture: true, once: false});
                           const seen = () => { const img = el.querySelector('img');
                               if (img && img.src !== window.__before) { window.__t1 = performance.now(); return; }
                               requestAnimationFrame(seen); };
                           requestAnimationFrame(seen); }"""
            )  # from the slider's move (the pointer's first move with the button down) to the new picture
            page.mouse.move(x, y)
            page.mouse.down()
            page.mouse.move(x + dx, y, steps=1)
            page.wait_for_function("() => window.__t1 !== null", timeout=10_000)
            page.mouse.up()
            page.wait_for_timeout(500)  # the last redraw settles before the next move
            delays.append(page.evaluate("() => window.__t1 - window.__t0") / 1000)
        explorer.screenshot(path=str(SHOTS / "lite_explorer.png"))
    finally:
        student.close()
    redraw_ms = round(1000 * statistics.median(delays))
    record("explorer_redraw_ms", {"median": redraw_ms, "max": round(1000 * max(delays)), "moves": len(delays)})
    assert not student.outside, f"requests left the site: {sorted(set(student.outside))[:5]}"
    assert redraw_ms <= 500, f"the explorer took {redraw_ms} ms to redraw (goal 150 ms)"


def test_check_gives_feedback(browser, base):
    """Exercise 1.1 answered as a student would: the solution's line gets 'Correct', a wrong number 'Not yet'."""
    rel = "exercises/01_sources_of_accumulation.ipynb"
    exercise = nbformat.read(ROOT / rel, as_version=4)
    solution = nbformat.read(ROOT / "solutions" / rel.split("/")[1], as_version=4)
    answer_cell = next(c for c in exercise.cells if c.cell_type == "code" and 'check("1.1"' in c.source)
    right = next(c.source for c in solution.cells if c.get("id") == answer_cell.id)
    index = [c.id for c in exercise.cells if c.cell_type == "code"].index(answer_cell.id)
    wrong = answer_cell.source.replace("None  # ✎ your answer here", "123456.0")
    assert right != answer_cell.source and wrong != answer_cell.source
    student = Student(browser, base)
    try:
        student.open(rel)
        student.run_all()
        correct = student.run_cell(index, right)
        not_yet = student.run_cell(index, wrong)
    finally:
        student.close()
    assert "Correct" in correct, correct
    assert "Not yet" in not_yet and "Correct" not in not_yet, not_yet
    assert not student.outside, f"requests left the site: {sorted(set(student.outside))[:5]}"
