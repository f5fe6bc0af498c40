"""A readable static edition: every lecture rendered to HTML (stored outputs, charts as images), with an index.

    soviet-numbers static --out build/site

Interactive explorers cannot run in a static page: each shows its stored default picture, and a note with a Binder
link to explore it.
"""

from __future__ import annotations

import copy
import html
from pathlib import Path

import nbformat

from .build_exercises import ROOT

BINDER = "https://mybinder.org/v2/gh/soviet-numbers/soviet-industrialization-course/HEAD?urlpath=lab/tree/notebooks/"


def title_of(nb: nbformat.NotebookNode) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return "Untitled"


def static_notebook(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """A copy in which each explorer's default view is followed by a note (a static page cannot run it)."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code" and "_explorer(" in cell.source:
            note = (
                f'<p style="border:1px dashed #999;padding:0.5em"><b>Interactive explorer.</b> Above, its default '
                f'view. It runs only in a live notebook: <a href="{BINDER}{name}">open this lecture on Binder to '
                "explore</a>, or in JupyterLab.</p>"
            )
            cell.outputs = [*cell.get("outputs", []), nbformat.v4.new_output("display_data", data={"text/html": note})]
    return nb


def build_site(out: Path) -> list[Path]:
    from nbconvert import HTMLExporter

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    pages = []
    items = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        body, _ = exporter.from_notebook_node(static_notebook(nb, path.name))
        target = out / f"{path.stem}.html"
        target.write_text(body, encoding="utf-8")
        pages.append(target)
        items.append(f'<li><a href="{target.name}">{html.escape(title_of(nb))}</a></li>')
    index = out / "index.html"
    index.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>Soviet industrialization, 1925-1930, read through its "
        "own numbers</title></head><body style='font-family:sans-serif;max-width:50em;margin:2em auto'>"
        "<h1>Soviet industrialization, 1925–1930, read through its own numbers</h1>"
        "<p>A static, read-only edition of the course's lectures, with their stored outputs. The primary source is "
        "a Stalin-era textbook, quoted as evidence, not as the course's voice. To run the code, the explorers and the "
        "exercises, open the course in JupyterLab or on Binder.</p><ul>" + "".join(items) + "</ul></body></html>",
        encoding="utf-8",
    )
    return [index] + pages
