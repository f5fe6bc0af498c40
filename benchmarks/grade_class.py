"""Benchmark the autograder: a class of N submissions of one assignment, graded in parallel.

    python benchmarks/grade_class.py [--students 40] [--workers 2] [--repeat 3]
    python benchmarks/grade_class.py --compare cluster [--students 20] [--workers 2] [--repeat 3]

``--compare sandbox`` (default) grades the same class with and without the bubblewrap sandbox, interleaved, and
prints the median wall times and their ratio (target: sandboxed at most 1.3x unsandboxed). ``--compare cluster``
grades it, sandboxed, on the local process pool and on a Dask LocalCluster with as many single-threaded workers
(started once, as a cluster is), interleaved, and prints both medians. Not a test.
"""

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import nbformat

from soviet_numbers.build_exercises import EXERCISES
from soviet_numbers.course import ROOT
from soviet_numbers.grading.grade import grade_submissions

ASSIGNMENT = "01_sources_of_accumulation"


def make_class(folder: Path, n: int) -> None:
    blank = nbformat.read(EXERCISES / f"{ASSIGNMENT}.ipynb", as_version=4)
    solved = nbformat.read(ROOT / "solutions" / f"{ASSIGNMENT}.ipynb", as_version=4)
    solved_code = [c.source for c in solved.cells if c.cell_type == "code"]
    for i in range(n):
        nb = nbformat.from_dict(blank)
        code = [c for c in nb.cells if c.cell_type == "code"]
        answered = i % 4  # a quarter blank, the rest with more and more answers
        for j, (cell, src) in enumerate(zip(code, solved_code)):
            if answered and j <= answered * 2:
                cell.source = src
        nbformat.write(nb, folder / f"student{i:02d}.ipynb")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare", choices=["sandbox", "cluster"], default="sandbox")
    args = parser.parse_args()
    modes = ("bare", "sandboxed") if args.compare == "sandbox" else ("pool", "cluster")
    times: dict[str, list[float]] = {mode: [] for mode in modes}
    cluster = None
    if args.compare == "cluster":
        from distributed import LocalCluster

        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        )
    try:
        with tempfile.TemporaryDirectory() as tmp:
            subs, out = Path(tmp) / "subs", Path(tmp) / "out"
            subs.mkdir()
            make_class(subs, args.students)
            for _ in range(args.repeat):
                for mode in modes:  # interleaved: the box's noise hits both alike
                    t = time.perf_counter()
                    rows = grade_submissions(
                        subs,
                        ASSIGNMENT,
                        out / mode / "grades.csv",
                        workers=args.workers,
                        sandboxed=mode != "bare",
                        scheduler=cluster.scheduler_address if mode == "cluster" else None,
                    )
                    times[mode].append(time.perf_counter() - t)
            same = (out / modes[0] / "grades.csv").read_bytes() == (out / modes[1] / "grades.csv").read_bytes()
    finally:
        if cluster is not None:
            cluster.close()
    first, second = (statistics.median(times[m]) for m in modes)
    print(
        f"{args.students} submissions, {args.workers} workers, median of {args.repeat}: {modes[0]} {first:.1f} s, "
        f"{modes[1]} {second:.1f} s ({second / first:.2f}x); {len(rows)} gradebook rows; "
        f"gradebooks {'identical' if same else 'DIFFERENT'}" + ("; target 1.3x" if args.compare == "sandbox" else "")
    )


if __name__ == "__main__":
    main()
