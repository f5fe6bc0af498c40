"""Benchmark the course: notebook run times against the kernel floor, imports, widget callbacks, tests, venv size.

    python benchmarks/run.py [--repeat 3] [--with-tests] [--with-venv]

Writes BENCHMARKS.md (a markdown table, with the machine and the date). Timings are wall-clock medians on this
machine: compare ratios, not seconds, across machines. Not a test: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from soviet_numbers import course

ROOT = course.ROOT
FLOOR_SOURCE = "import matplotlib.pyplot as plt\nimport pandas as pd\nimport ipywidgets\n%matplotlib inline"


def run_notebook(nb: nbformat.NotebookNode, cwd: Path) -> float:
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - start


def interleaved_runs(paths: list[Path], floor_nb, repeat: int) -> tuple[float, dict[Path, float]]:
    """Median seconds of the floor and of each notebook, runs interleaved.

    Each round runs the floor, then every notebook once: a slow spell of this shared machine then falls on the
    floor and the notebooks alike, instead of on whichever ran during it.
    """
    floor, times = [], {path: [] for path in paths}
    for _ in range(repeat):
        floor.append(run_notebook(nbformat.from_dict(floor_nb), ROOT / "notebooks"))
        for path in paths:
            times[path].append(run_notebook(nbformat.read(path, as_version=4), path.parent))
    return statistics.median(floor), {path: statistics.median(t) for path, t in times.items()}


def import_time(repeat: int) -> tuple[float, float, float]:
    """Median seconds for a fresh interpreter: bare, importing the libraries only, and importing the helper package."""
    libraries = "import pandas, matplotlib.pyplot, ipywidgets"
    package = (
        "import soviet_numbers.data, soviet_numbers.passages, soviet_numbers.charts, "
        "soviet_numbers.explorers.lecture1, soviet_numbers.assignments, soviet_numbers.claims"
    )

    def timed(c):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", c], check=True, cwd=ROOT)
        return time.perf_counter() - t

    return tuple(statistics.median(timed(c) for _ in range(repeat)) for c in ("pass", libraries, package))


def _median_ms(step, repeat: int, before=None) -> float:
    step(0)  # warm caches, as a student's first interaction does
    times = []
    for k in range(1, repeat + 1):
        if before:
            before()
        t = time.perf_counter()
        step(k)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def widget_callbacks(repeat: int = 20) -> dict[str, tuple[float, float | None]]:
    """Median milliseconds from a control change to the new picture, for each explorer (no browser).

    First number: moving a real explorer's control through a few values (observer, text, chart redrawn into the
    image widget's PNG). Second: the same chart when nothing can be reused (a new axis range or a first view), i.e. a
    full drawing of the figure.
    """
    import matplotlib

    matplotlib.use("Agg")
    from types import SimpleNamespace

    from soviet_numbers import arithmetic, charts
    from soviet_numbers.explorers import lecture1, lecture2, lecture3, lecture4

    W = SimpleNamespace(
        **{
            k: v
            for m in (arithmetic, lecture1, lecture2, lecture3, lecture4)
            for k, v in vars(m).items()
            if not k.startswith("_")
        }
    )

    charts.use_style()

    def mover(explorer, path, values):
        control = explorer
        for i in path:
            control = control.children[i]
        return lambda k: setattr(control, "value", values[k % len(values)])

    def full(chart, args_list):
        return (lambda k: chart.show(*args_list[k % len(args_list)])), chart.backgrounds.clear

    bases, topics = list(W.OUTPUT_BASES), list(W.TECH_TOPICS)
    shares = [(W.share_scenario(p, m),) for p, m in ((-30, 2), (-17.6, 2.05), (-5, 1.5), (10, 1.2))]
    paths = [(W.investment_path(f, 36, -9),) for f in (1500, 2091, 2600, 3200)]
    indexes = [(W.index_problem(q, 40, 1.2, 150),) for q in (4, 8, 12, 16)]
    cases = {
        "growth explorer (text)": (mover(W.growth_explorer(), (0,), list(W.GROWTH_SERIES)), None),
        "share explorer (text + chart)": (
            mover(W.share_explorer(), (0,), [-30, -17.5, -5, 10]),
            full(W.ShareChart(), shares),
        ),
        "plan path explorer (text + chart)": (
            mover(W.plan_path_explorer(), (1,), [1500, 2091, 2600, 3200]),
            full(W.PathChart(), paths),
        ),
        "technology explorer (note + chart)": (
            mover(W.technology_explorer(), (0,), topics),
            (lambda k: W.tech_png(topics[k % len(topics)]), W.tech_png.cache_clear),
        ),
        "output explorer (text + chart)": (
            mover(W.output_explorer(), (0,), bases),
            full(W.OutputChart(), [(b, log) for b in bases for log in (False, True)]),
        ),
        "catch-up explorer (text)": (mover(W.catch_up_explorer(), (1,), [3.0, 5.0, 8.0, 12.0]), None),
        "index-number explorer (text + chart)": (
            mover(W.index_problem_explorer(), (0,), [4, 8, 12, 16]),
            full(W.IndexChart(), indexes),
        ),
    }
    out = {}
    for name, (move, redraw) in cases.items():
        out[name] = (_median_ms(move, repeat), _median_ms(redraw[0], repeat, redraw[1]) if redraw else None)
    return out


def test_command_time() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pytest", "-q"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def book_times(repeat: int) -> tuple[float, float]:
    """The book's build (median of ``repeat``, 2 cores) and its test step (build, structure, axe on every page)."""
    builds = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            t = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "soviet_numbers", "static", "--out", out],
                check=True,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
            )
            builds.append(time.perf_counter() - t)
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-m", "book", "tests/book"],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    return statistics.median(builds), time.perf_counter() - t


def venv_size() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "-r", "requirements.txt"],
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        size = sum(f.stat().st_size for f in venv.rglob("*") if f.is_file() and not f.is_symlink())
    return size / 1e6


WHAT_MADE_IT_FAST = """
## What the time goes to, and what was done

Profiled with cProfile and timers (notebooks run in-process, cell by cell; kernels timed with nbclient's
`record_timing`).

- **Text is most of a chart's cost.** Matplotlib 3.11 draws text glyph by glyph in Python (about 75 µs a glyph and
  0.5 ms a text object), so a chart's tick labels, titles and source line cost more than its bars. Bar charts now
  label every bar and drop the value axis (`charts.direct_labels`), the source line names the textbook in short
  (its full title is in notebook 00 and `data/datapackage.json`), and the layout is fixed in inches: one drawing a
  chart, no layout engine, no tight-bbox second pass.
- **Unhinted text.** `charts.use_style()` sets `text.hinting` to `none`: glyphs look the same at the course's
  sizes, and a typical three-panel chart draws in about 47 ms instead of 62 ms.
- **Text alternatives cost little.** `charts.show` reads the alt text off the finished figure (no drawing) and sends
  the PNG twice, as an image and inside an HTML `<img alt>` for JupyterLab: about 12 ms a chart, measured with the
  same lecture shown with `plt.show()` instead.
- **Explorers redraw in place.** `explorers.live.LiveChart` builds its figure once, outside pyplot; a control change
  updates the artists that move and redraws only them over a saved background (`copy_from_bbox` /
  `restore_region`), then sends the PNG to an `ipywidgets.Image`. The value axis steps to round limits
  (`charts.nice_ceiling`), so most moves reuse the background. The technology explorer's four pictures are drawn once
  each.
- **Garbage collection.** Charts make many short-lived objects, and each full collection walked the ~250,000
  objects pandas and matplotlib leave behind: about 60 ms a time, 0.1-0.2 s a lecture. `charts.use_style()`, called
  after a notebook's imports, hands them to `gc.freeze()`.
- **One chart fewer.** Lecture 2 drew the oil-methods data twice (explorer and a static copy); the copy is a table.
- **Tests.** The browser tests share one JupyterLab server, one browser and one page on one worker: JupyterLab boots
  once and later notebooks come through File > Open from Path (about 3 s a notebook saved). They clear outputs
  before Run All, and re-run at once (not after 20 s) when JupyterLab on a fresh server drops or cuts short a run.
- **Sandboxed grading.** Each submission runs in its own bubblewrap worker, which must import nbclient and nbformat
  afresh. nbformat pulls in jsonschema, whose optional IRI checker (`rfc3987_syntax`) builds a grammar for 1.2 s at
  import; notebooks never use it, so the worker goes without it, and a sandboxed submission costs about 0.3 s more
  than an unsandboxed one (a class of 40: 1.2-1.3x).
- **Exercise notebooks run once** in the test command (`tests/test_exercise_run.py` checks every cell), not also
  under nbval; the browser tests run the lectures and one representative exercise notebook.
- **Not done.** Lowering PNG compression for inline charts (about 4 ms a chart, 15% larger notebooks) and SVG
  output (half the cost, but JupyterLab does not show SVG in an untrusted notebook, which every downloaded
  notebook is).
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--with-tests", action="store_true", help="also time the README test command")
    parser.add_argument("--with-venv", action="store_true", help="also measure a fresh venv from requirements.txt")
    parser.add_argument("--with-portability", action="store_true", help="also time the portability steps of .ci/run")
    parser.add_argument("--with-book", action="store_true", help="also time the book's build and its axe test")
    parser.add_argument("--with-class", action="store_true", help="also grade a class of 40, with and without sandbox")
    args = parser.parse_args()

    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
    floor_nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    paths = course.notebooks() + course.solutions() + course.exercise_notebooks()  # in course order (course.yml)
    floor, medians = interleaved_runs(paths, floor_nb, args.repeat)
    rows = []
    for path, t in medians.items():
        rows.append((f"{path.parent.name}/{path.name}", t, t / floor))
        print(f"{path.parent.name}/{path.name}: {t:.2f} s ({t / floor:.2f}x floor)", flush=True)
    bare, libraries, imp = import_time(args.repeat)
    callbacks = widget_callbacks()
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `python benchmarks/run.py` on {dt.date.today().isoformat()}. Machine: {platform.platform()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores. Wall-clock medians of {args.repeat} rounds; "
        "each round runs the floor and then every notebook once (interleaved), each in a fresh kernel (nbclient).",
        "",
        f"**Floor** (fresh kernel + `import pandas, matplotlib.pyplot, ipywidgets`): **{floor:.2f} s**. "
        "Target: every notebook at most 1.5x the floor.",
        "",
        "| notebook | median (s) | ratio to floor | within 1.5x |",
        "|---|---:|---:|:---:|",
    ]
    lines += [f"| `{name}` | {t:.2f} | {r:.2f} | {'yes' if r <= 1.5 else 'NO'} |" for name, t, r in rows]
    lines += [
        "",
        f"**Helper package import** (fresh interpreter, all modules): {imp:.2f} s. Of that, the bare "
        f"interpreter is {bare:.2f} s and pandas + matplotlib + ipywidgets {libraries - bare:.2f} s, so the "
        f"package itself adds {imp - libraries:.2f} s.",
        "",
        "**Widget callbacks**, from a control change to the new picture (median of 20; target 50 ms). *Move*: a "
        "real explorer's control moved through a few values; the chart redraws only what moves over a saved "
        "background. *Full redraw*: the same chart when nothing can be reused (first view, new axis range).",
        "",
        "| explorer | move (ms) | full redraw (ms) | within 50 ms |",
        "|---|---:|---:|:---:|",
    ]
    for name, (move, redraw) in callbacks.items():
        worst = max(move, redraw or 0)
        lines.append(
            f"| {name} | {move:.1f} | {f'{redraw:.1f}' if redraw is not None else '-'} | "
            f"{'yes' if worst <= 50 else 'NO'} |"
        )
    if args.with_tests:
        lines += [
            "",
            f"**README test command** (`python -m pytest`, 2 workers, `--dist loadfile`): {test_command_time():.1f} s "
            "(target: 90 s).",
        ]
    if args.with_book:
        build, test = book_times(args.repeat)
        lines += [
            "",
            f"**Book edition** (`soviet-numbers static`, Sphinx with `-j 2`): built in {build:.1f} s (target: 120 s); "
            f"its test step (`pytest -m book`: a build, the structure checks and axe-core on every page) {test:.1f} s.",
        ]
    if args.with_venv:
        lines += ["", f"**Fresh virtual environment** from requirements.txt: {venv_size():.0f} MB on disk."]
    if args.with_class:
        run = subprocess.run(
            [sys.executable, "benchmarks/grade_class.py", "--repeat", "3"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        lines += ["", f"**Grading a class** (`benchmarks/grade_class.py`): {run.stdout.strip().splitlines()[-1]}."]
    if args.with_portability:
        subprocess.run([sys.executable, ".ci/portability.py"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        table = (ROOT / "build" / "portability" / "portability.md").read_text(encoding="utf-8")
        lines += [
            "",
            "**CI steps after the test command** (`.ci/portability.py`; CI's limit is 90 minutes):",
            "",
            table,
        ]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines) + "\n" + WHAT_MADE_IT_FAST, encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
