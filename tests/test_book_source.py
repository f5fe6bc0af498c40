"""The book's source folder, written without Sphinx (the build itself is tested by tests/book, a .ci/run step)."""

import json

import nbformat

from soviet_numbers.book import book_notebook, write_source
from soviet_numbers.notebook_files import ROOT


def test_book_copy_folds_plotting_code_drops_install_cell_and_keeps_alt(tmp_path):
    path = ROOT / "notebooks" / "01_sources_of_accumulation.ipynb"
    nb = book_notebook(nbformat.read(path, as_version=4), path.name)
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if "course-setup" in tags:
            assert "remove-cell" in tags
        if cell.cell_type == "code" and "charts.show(" in cell.source:
            assert "hide-input" in tags
            assert len(cell.metadata["mystnb"]["image"]["alt"]) >= 40
        if "_explorer(" in cell.source:
            assert "open this lecture in Binder to explore" in cell.outputs[-1]["data"]["text/html"]
        if cell.cell_type == "markdown":
            assert "](../exercises/" not in cell.source  # links into the repository point at its web copy


def test_source_folder_has_every_page(tmp_path):
    notebooks = write_source(tmp_path / "book")
    names = [p.stem for p in notebooks]
    assert names[0] == "00_start_here" and names[-1] == "glossary"
    assert names == sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))  # every notebook, in course order
    index = (tmp_path / "book" / "index.md").read_text(encoding="utf-8")
    assert index.index("notebooks/00_start_here") < index.index("notebooks/05_capstone_audit") < index.index("timeline")
    for name in ("timeline.md", "data.md", "conf.py", "_static/course.css"):
        assert (tmp_path / "book" / name).exists()
    assert len(list((tmp_path / "book" / "data").glob("*.csv"))) == len(
        json.loads((ROOT / "data" / "datapackage.json").read_text())["resources"]
    )
