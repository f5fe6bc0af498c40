"""Run each exercise notebook as a student who has not answered yet: only friendly notes, no errors.

This is the exercises' run-clean test (they are stored without outputs, so nbval has nothing to compare)."""

import nbformat
import pytest
from nbclient import NotebookClient

from soviet_numbers import course

EXERCISES = course.exercise_notebooks()  # one per unit of course.yml with a solution


@pytest.mark.parametrize("path", EXERCISES, ids=[p.name for p in EXERCISES])
def test_blank_exercise_notebook_says_not_answered(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not any(o.output_type == "error" for o in cell.outputs), cell.source
    checks = [c for c in nb.cells if c.cell_type == "code" and "check(" in c.source]
    assert checks
    for cell in checks:
        text = "".join(o.get("text", "") for o in cell.outputs)
        assert "Not answered yet" in text, cell.source
        assert not any(o.output_type == "error" for o in cell.outputs)
