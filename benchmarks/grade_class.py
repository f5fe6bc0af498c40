"""Benchmark the autograder: a class of N submissions of one assignment, graded in parallel.

    python benchmarks/grade_class.py [--students 40] [--workers 2]

Prints the wall time and per-submission average. Not a test.
"""

import argparse
import os
import tempfile
import time
from pathlib import Path

import nbformat

from soviet_numbers.build_exercises import EXERCISES, ROOT
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subs, out = Path(tmp) / "subs", Path(tmp) / "out"
        subs.mkdir()
        make_class(subs, args.students)
        t = time.perf_counter()
        rows = grade_submissions(subs, ASSIGNMENT, out / "grades.csv", workers=args.workers)
        wall = time.perf_counter() - t
    print(
        f"{args.students} submissions, {args.workers} workers: {wall:.1f} s wall, "
        f"{wall / args.students:.2f} s per submission, {len(rows)} gradebook rows"
    )


if __name__ == "__main__":
    main()
