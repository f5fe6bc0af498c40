"""Helpers shared by test files (a test file never imports another test file's private helpers)."""

import os
import re
from pathlib import Path

import nbformat

from soviet_numbers import course
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


# What a student can read in a lecture (the transfer rule: no answer is printed in its lecture).


def lecture_notebooks(exercise_id: str) -> list[Path]:
    lecture = exercise_id.split(".")[0]  # "1b.2" -> the notebooks of the units whose exercises are lecture1b
    return [ROOT / u.notebook for u in course.units() if u.exercise_prefix == lecture]


def visible_text(path: Path) -> str:
    """What a student can read in a stored notebook: markdown, code and every text output, charts' text alternatives
    included (not the images' pixels)."""
    parts = []
    for cell in nbformat.read(path, as_version=4).cells:
        parts.append(cell.source)
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            for mime, data in output.get("data", {}).items():
                if mime.startswith("text/"):
                    parts.append(data if isinstance(data, str) else "".join(data))
    return re.sub(r"data:image/\w+;base64,[A-Za-z0-9+/=]+", "", "\n".join(parts))


def renderings(value: float, accepts) -> set[str]:
    """The value at 0, 1 and 2 decimals, with and without thousands separators, where the check would accept it."""
    out = set()
    for sign in (1, -1):  # a student may copy '34.1' for a fall of -34.1
        for decimals in (0, 1, 2):
            number = round(value, decimals)
            if not accepts(sign * number):
                continue
            for text in (f"{abs(number):.{decimals}f}", f"{abs(number):,.{decimals}f}"):
                out.add(text)
    return out


# Debian's chromium, for every browser suite (JupyterLab, the book, the browser edition); never `playwright install`.
CHROMIUM = "/usr/bin/chromium"


def require_chromium(what: str) -> None:
    """Skip where Debian's chromium is missing, with a message; under CI=1 fail instead: CI must run ``what``."""
    import pytest

    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} not found: apt-get install chromium to run {what}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run them)")
        pytest.skip(message)


# Numeric answers a lecture may print, each with the reason (tests/test_exercises.py, tests/test_variants.py).
EXEMPT = {
    ("0.1", "how_many_figures"): "the worked demonstration of how a check answers, in the start-here notebook",
    ("2.3", "steady_growth_rate"): "found with the explorer to the nearest whole per cent; the lecture prints that "
    "integer only as another figure ('about 23% of all oil', P53)",
}
