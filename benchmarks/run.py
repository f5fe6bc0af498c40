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

ROOT = Path(__file__).resolve().parent.parent
FLOOR_SOURCE = "import matplotlib.pyplot as plt\nimport pandas as pd\nimport ipywidgets\n%matplotlib inline"


def run_notebook(nb: nbformat.NotebookNode, cwd: Path) -> float:
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - start


def median_run(path_or_nb, repeat: int, cwd: Path) -> float:
    times = []
    for _ in range(repeat):
        nb = nbformat.read(path_or_nb, as_version=4) if isinstance(path_or_nb, Path) else nbformat.from_dict(path_or_nb)
        times.append(run_notebook(nb, cwd))
    return statistics.median(times)


def import_time(repeat: int) -> tuple[float, float]:
    """Median seconds for a fresh interpreter to import the helper package (and the bare interpreter)."""
    code = ("import soviet_numbers.data, soviet_numbers.passages, soviet_numbers.charts, soviet_numbers.widgets, "
            "soviet_numbers.assignments, soviet_numbers.claims")
    def timed(c):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", c], check=True, cwd=ROOT)
        return time.perf_counter() - t
    bare = statistics.median(timed("pass") for _ in range(repeat))
    full = statistics.median(timed(code) for _ in range(repeat))
    return full, bare


def widget_callbacks(repeat: int = 20) -> dict[str, float]:
    """Median milliseconds of each widget's work: the plain function plus drawing the figure (no browser)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from soviet_numbers import widgets as W

    def with_figure(draw):
        fig, ax = plt.subplots(figsize=(7, 3.4), layout="constrained")
        draw(ax)
        fig.canvas.draw()
        plt.close(fig)

    cases = {
        "growth explorer (text)": lambda: W.growth_text(W.growth_summary(list(W.GROWTH_SERIES)[5], "P92", "P90")),
        "share explorer (text + figure)": lambda: (W.share_text(W.share_scenario(-10, 1.5)),
                                                   with_figure(lambda ax: W.draw_share_scenario(ax, W.share_scenario(-10, 1.5)))),
        "plan path explorer (text + figure)": lambda: (W.path_text(W.path_summary(W.investment_path(2091, 30, -5))),
                                                       with_figure(lambda ax: W.draw_path(ax, W.investment_path(2091, 30, -5)))),
        "technology explorer (figure)": lambda: with_figure(lambda ax: W.draw_tech(ax, list(W.TECH_TOPICS)[1])),
        "output explorer (text + figure)": lambda: (W.output_text("1925 = 100"),
                                                    with_figure(lambda ax: W.draw_output_index(ax, "1925 = 100", log=True))),
        "catch-up explorer (text)": lambda: W.catch_up_text(W.catch_up("GBR", 1928, 6, 1.5), "GBR", 1928, 6, 1.5),
    }
    cases["index-number explorer (text + figure)"] = lambda: (
        W.index_problem_text(W.index_problem(8, 40, 1.2, 150)),
        with_figure(lambda ax: W.draw_index_problem(ax, W.index_problem(8, 40, 1.2, 150))))
    out = {}
    for name, fn in cases.items():
        fn()  # warm caches, as a student's first interaction does
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
        out[name] = statistics.median(times)
    return out


def test_command_time() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pytest", "-q"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def venv_size() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "-r", "requirements.txt"], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        size = sum(f.stat().st_size for f in venv.rglob("*") if f.is_file() and not f.is_symlink())
    return size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--with-tests", action="store_true", help="also time the README test command")
    parser.add_argument("--with-venv", action="store_true", help="also measure a fresh venv from requirements.txt")
    args = parser.parse_args()

    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
    floor_nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    floor = median_run(floor_nb, args.repeat, ROOT / "notebooks")
    rows = []
    for folder in ("notebooks", "solutions", "exercises"):
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            t = median_run(path, args.repeat, path.parent)
            rows.append((f"{folder}/{path.name}", t, t / floor))
            print(f"{folder}/{path.name}: {t:.2f} s ({t / floor:.2f}x floor)", flush=True)
    imp, bare = import_time(args.repeat)
    callbacks = widget_callbacks()
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `python benchmarks/run.py` on {dt.date.today().isoformat()}. Machine: {platform.platform()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores. Wall-clock medians of {args.repeat} runs; "
        "each notebook run starts a fresh kernel (nbclient).",
        "",
        f"**Floor** (fresh kernel + `import pandas, matplotlib.pyplot, ipywidgets`): **{floor:.2f} s**. "
        "Target: every notebook at most 1.5x the floor.",
        "",
        "| notebook | median (s) | ratio to floor | within 1.5x |",
        "|---|---:|---:|:---:|",
    ]
    lines += [f"| `{name}` | {t:.2f} | {r:.2f} | {'yes' if r <= 1.5 else 'NO'} |" for name, t, r in rows]
    lines += ["", f"**Helper package import** (fresh interpreter, all modules): {imp:.2f} s, of which the bare "
              f"interpreter is {bare:.2f} s.", "", "| widget callback (function + figure drawn) | median (ms) | within 50 ms |",
              "|---|---:|:---:|"]
    lines += [f"| {name} | {ms:.1f} | {'yes' if ms <= 50 else 'NO'} |" for name, ms in callbacks.items()]
    if args.with_tests:
        lines += ["", f"**README test command** (`python -m pytest`, 2 workers, `--dist loadfile`): {test_command_time():.1f} s "
                  "(target: 90 s)."]
    if args.with_venv:
        lines += ["", f"**Fresh virtual environment** from requirements.txt: {venv_size():.0f} MB on disk."]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
