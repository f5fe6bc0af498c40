"""The book's source folder, written without Sphinx (the build itself is tested by tests/book, a .ci/run step)."""

import json
import re

import nbformat

from soviet_numbers import course
from soviet_numbers.book import book_notebook, write_source
from soviet_numbers.course import ROOT


def test_book_copy_folds_plotting_code_drops_install_cell_and_keeps_alt(tmp_path):
    path = ROOT / "notebooks" / "01_sources_of_accumulation.ipynb"
    nb = book_notebook(nbformat.read(path, as_version=4), path.name)
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if "course-setup" in tags:
            assert "remove-cell" in tags
        if cell.cell_type == "code" and "charts.show(" in cell.source:
            assert "hide-input" in tags
            html = "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)  # charts.show's one copy
            alt = re.search(r'<img [^>]*alt="([^"]*)"', html)
            assert alt and len(alt.group(1)) >= 40, cell.source[:80]
        if "_explorer(" in cell.source:
            assert "open this lecture in Binder to explore" in cell.outputs[-1]["data"]["text/html"]
        if cell.cell_type == "markdown":
            assert "](../exercises/" not in cell.source  # links into the repository point at its web copy


def test_source_folder_has_every_page(tmp_path):
    notebooks = write_source(tmp_path / "book")
    names = [p.stem for p in notebooks]
    assert names == [u.slug for u in course.units()]  # the book's order is course.yml's
    index = (tmp_path / "book" / "index.md").read_text(encoding="utf-8")
    places = [index.index(f"notebooks/{name}") for name in names]
    assert places == sorted(places) and places[-1] < index.index("timeline") < index.index("instructors")
    assert "](../" not in (tmp_path / "book" / "instructors.md").read_text(encoding="utf-8")
    for name in ("timeline.md", "data.md", "instructors.md", "conf.py", "_static/course.css"):
        assert (tmp_path / "book" / name).exists()
    assert len(list((tmp_path / "book" / "data").glob("*.csv"))) == len(
        json.loads((ROOT / "data" / "datapackage.json").read_text())["resources"]
    )
