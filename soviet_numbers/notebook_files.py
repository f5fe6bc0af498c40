"""Notebooks stored for review: re-executed, then normalised so a small edit is a small diff.

Normalised means: no widget state, no execution-timing metadata, no interpreter version, and stable cell ids
(an existing id is kept; a new cell gets one derived from its first source). Explorer outputs keep their still
view (the chart, or the readout) and lose the live widget's reference, whose model id is new on every run.

Each chart is stored once: as HTML, an ``<img>`` with its alt text (JupyterLab 4's image renderer never sets an
``alt`` from an output's metadata, so only the HTML carries it to a screen reader). :func:`charts.show` writes only
that; an output that also carries the same picture as ``image/png`` (an explorer's still view) loses the PNG copy
(:func:`drop_duplicate_png`), with its metadata.

nbstripout does the first two jobs but clears outputs or keeps them whole; the course must keep outputs (nbval
compares them) and turn a widget's display into its still view, so this module does that one step by hand.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat

from .course import ROOT  # noqa: F401  (the repository's root: owned by course, re-exported for old imports)

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"  # a live widget's display


def python_source(cell_source: str) -> str:
    """A code cell as plain Python (IPython's %magics turned into calls), for static checks with ``ast``."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(cell_source)


def executed_notebooks() -> list[Path]:
    """Every unit's notebook, then every solution, in course order (course.yml): stored with outputs."""
    from . import course

    return course.notebooks() + course.solutions()


def _stable_id(cell, taken: set[str]) -> str:
    digest = hashlib.sha1(cell.source.encode("utf-8")).hexdigest()
    for start in range(0, len(digest) - 8):
        candidate = f"{cell.cell_type[:2]}-{digest[start : start + 8]}"
        if candidate not in taken:
            return candidate
    raise ValueError("no free cell id")  # pragma: no cover - 32 tries of a hash


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip what changes on every run, in place; returns the notebook."""
    nb.metadata.pop("widgets", None)
    info = nb.metadata.get("language_info")
    if info:
        nb.metadata["language_info"] = {"name": info.get("name", "python")}
    taken = {c.get("id") for c in nb.cells if c.get("id")}
    for cell in nb.cells:
        if not cell.get("id"):
            cell["id"] = _stable_id(cell, taken)
            taken.add(cell["id"])
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
            drop_duplicate_png(output)
    return nb


def drop_duplicate_png(output) -> bool:
    """Drop an output's ``image/png`` when its ``text/html`` already holds the same picture; True if it did."""
    data = output.get("data", {})
    png, page = data.get("image/png"), data.get("text/html")
    page = "".join(page) if isinstance(page, list) else page
    if not png or not page or f"data:image/png;base64,{png}" not in page:
        return False
    del data["image/png"]
    output.get("metadata", {}).pop("image/png", None)
    return True


def problems(nb: nbformat.NotebookNode) -> list[str]:
    """What keeps a stored notebook from being normalised (empty when it is)."""
    found = []
    if "widgets" in nb.metadata:
        found.append("widget state in the notebook metadata")
    if "version" in nb.metadata.get("language_info", {}):
        found.append("interpreter version in language_info")
    for i, cell in enumerate(nb.cells):
        if not cell.get("id"):
            found.append(f"cell {i} has no id")
        for key in ("execution", "collapsed", "scrolled"):
            if key in cell.metadata:
                found.append(f"cell {i} has run metadata {key!r}")
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}):
                found.append(f"cell {i} stores a live widget reference")
            page = output.get("data", {}).get("text/html", "")
            png = output.get("data", {}).get("image/png")
            if png and f"data:image/png;base64,{png}" in ("".join(page) if isinstance(page, list) else page):
                found.append(f"cell {i} stores its chart twice (PNG and HTML)")
    return found


def text(nb: nbformat.NotebookNode) -> str:
    """The notebook as stored on disk."""
    return nbformat.writes(nb, version=4) + "\n"


def normalise_file(path: Path, verify: bool = False) -> bool:
    """Normalise one stored notebook (or, with ``verify``, only look); True if it was not normalised."""
    before = Path(path).read_text(encoding="utf-8")
    after = text(normalise(nbformat.reads(before, as_version=4)))
    if after != before and not verify:
        Path(path).write_text(after, encoding="utf-8")
    return after != before


def execute(path: Path, timeout: int = 300) -> None:
    """Run a notebook top to bottom in a fresh kernel, in its own folder, and store it normalised."""
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    path.write_text(text(normalise(nb)), encoding="utf-8")
