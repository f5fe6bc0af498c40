"""Helpers shared by test files (a test file never imports another test file's private helpers)."""

from pathlib import Path

import nbformat

from soviet_numbers.build_exercises import EXERCISES
from soviet_numbers.course import ROOT

# Grading and the sandbox: one assignment, as a student receives it and as a diligent student hands it in.
ASSIGNMENT = "01_sources_of_accumulation"
EXERCISE = EXERCISES / f"{ASSIGNMENT}.ipynb"
SOLUTION = ROOT / "solutions" / f"{ASSIGNMENT}.ipynb"


def read_notebook(path=EXERCISE):
    return nbformat.read(path, as_version=4)


def write_notebook(folder: Path, name: str, nb) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def answered():
    """The exercise notebook as a diligent student leaves it: solution code pasted in, outputs stored."""
    nb = read_notebook()
    solved = read_notebook(SOLUTION)
    solved_code = [c.source for c in solved.cells if c.cell_type == "code"]
    code = [c for c in nb.cells if c.cell_type == "code"]
    for cell, src in zip(code, solved_code):
        cell.source = src
    return nb


def rows_of(rows, student):
    """A student's gradebook rows."""
    return [r for r in rows if r.student == student]
