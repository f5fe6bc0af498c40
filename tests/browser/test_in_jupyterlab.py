"""End-to-end: every notebook in notebooks/, and one exercise notebook, in a real JupyterLab (see conftest.py).

The exercise notebooks all work alike (stubs, then check cells) and all run under nbclient in
tests/test_exercise_run.py; in the browser we run the one in which the student draws a chart (03).

One module, so that one JupyterLab server and one browser serve them all, on one pytest-xdist worker
(``--dist loadfile``) while the other worker runs the rest of the suite.
"""

import pytest

from soviet_numbers import course

from .conftest import ROOT, check_notebook

pytestmark = pytest.mark.browser
NOTEBOOKS = course.notebooks() + [ROOT / "exercises" / "03_output_growth.ipynb"]  # every unit of course.yml


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[f"{p.parent.name}/{p.name}" for p in NOTEBOOKS])
def test_runs_in_jupyterlab(lab, path):
    check_notebook(lab, path)
