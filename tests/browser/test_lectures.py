"""End-to-end: every notebook in notebooks/ in a real JupyterLab (see conftest.py)."""
import pytest

from .conftest import ROOT, check_notebook

pytestmark = pytest.mark.browser
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_runs_in_jupyterlab(lab, path):
    check_notebook(lab, path)
