"""The static edition: one HTML page per lecture, with its title and charts, and no error output."""

import re

import nbformat
import pytest

from soviet_numbers.build_exercises import ROOT
from soviet_numbers.static_site import build_site, title_of


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("site"))


def test_index_links_every_lecture(site):
    index = site[0].read_text(encoding="utf-8")
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        assert f'href="{path.stem}.html"' in index


def test_pages_have_title_charts_and_no_errors(site):
    for page in site[1:]:
        nb = nbformat.read(ROOT / "notebooks" / f"{page.stem}.ipynb", as_version=4)
        text = page.read_text(encoding="utf-8")
        assert title_of(nb).split("·")[-1].strip()[:20] in text
        images = sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        assert len(re.findall(r"<img ", text)) >= images
        assert "Traceback (most recent call last)" not in text
        assert "VBox(children" not in text
        if any("_explorer(" in c.source for c in nb.cells if c.cell_type == "code"):
            assert "Interactive explorer." in text
