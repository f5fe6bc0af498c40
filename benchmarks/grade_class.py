"""Benchmark the autograder: a class of N submissions of one assignment, graded in parallel.

    python benchmarks/grade_class.py [--students 40] [--workers 2] [--repeat 3]

Grades the same class with and without the bubblewrap sandbox, interleaved, and prints the median wall times and
their ratio (target: sandboxed at most 1.3x unsandboxed). Not a test.
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
    args = parser.parse_args()
    times: dict[bool, list[float]] = {False: [], True: []}
    with tempfile.TemporaryDirectory() as tmp:
        subs, out = Path(tmp) / "subs", Path(tmp) / "out"
        subs.mkdir()
        make_class(subs, args.students)
        for _ in range(args.repeat):
            for sandboxed in (False, True):  # interleaved: the box's noise hits both alike
                t = time.perf_counter()
                rows = grade_submissions(
                    subs, ASSIGNMENT, out / "grades.csv", workers=args.workers, sandboxed=sandboxed
                )
                times[sandboxed].append(time.perf_counter() - t)
    bare, boxed = statistics.median(times[False]), statistics.median(times[True])
    print(
        f"{args.students} submissions, {args.workers} workers, median of {args.repeat}: without sandbox {bare:.1f} s, "
        f"with sandbox {boxed:.1f} s ({boxed / bare:.2f}x; target 1.3x); {len(rows)} gradebook rows"
    )


if __name__ == "__main__":
    main()
