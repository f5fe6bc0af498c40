"""End-to-end: every notebook in notebooks/ and exercises/ in a real JupyterLab (see conftest.py).

One module, so that one JupyterLab server and one browser serve them all, on one pytest-xdist worker
(``--dist loadfile``) while the other worker runs the rest of the suite.
"""

import pytest

from .conftest import ROOT, check_notebook

pytestmark = pytest.mark.browser
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[f"{p.parent.name}/{p.name}" for p in NOTEBOOKS])
def test_runs_in_jupyterlab(lab, path):
    check_notebook(lab, path)
