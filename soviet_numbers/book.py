"""The course as a book: a static website built by Sphinx with myst-nb and sphinx-book-theme.

    soviet-numbers static --out build/site          (pip install -r requirements-book.txt first)

The book shows the stored notebooks (nothing is executed): a sidebar in course order, previous/next links,
full-text search, a launch button (Binder, Colab) and an ``.ipynb`` download on every lecture, plotting code
folded behind a toggle (the course's helper calls stay visible), a timeline page and a data page built from
``data/``, and the README's pictures. Every chart keeps the text alternative :func:`charts.show` stored with it,
and each explorer shows its default picture with a line saying where to explore it.

This module only writes the book's source folder (pages, notebook copies, ``conf.py``); Sphinx does the rest.
"""

from __future__ import annotations

import base64
import copy
import csv
import json
import posixpath
import re
import shutil
import tempfile
from pathlib import Path

import nbformat

from . import course
from .citations import SOURCE_TITLE, SOURCE_URL
from .course import ROOT
from .edition import BRANCH, binder

REPOSITORY = "https://github.com/soviet-numbers/soviet-industrialization-course"
TITLE = "Soviet industrialization, 1925–1930, read through its own numbers"
# Code that draws a chart is folded away; these calls (quoting, data, checks, explorers) teach, so they stay open.
PLOTTING_MARKERS = ("charts.new_chart(", "charts.show(")
README_PICTURES = [
    (
        "docs/img/chart_with_source_line.png",
        "A chart as the course draws it: the title, the value axis with its units, every bar labelled with its value, "
        "derived values hatched, and the source line under the chart.",
    ),
    (
        "docs/img/02_capital_construction_explorer.png",
        "An explorer in lecture 2 after a slider moved: sliders for the first year and the growth rate, a readout, "
        "and a chart of the plan's yearly investment beside the path the student chose.",
    ),
    (
        "docs/img/exercise_feedback.png",
        "Instant feedback on an exercise: a check cell's answer marked with a tick and the word Correct, and a wrong "
        "answer marked with a cross, the word Not yet, and a hint that does not give the number.",
    ),
]

CONF = """
project = {title!r}
author = "The course's authors"
copyright = "course content CC BY 4.0, code MIT"
language = "en"
extensions = ["myst_nb"]
exclude_patterns = ["_build"]
nb_execution_mode = "off"          # the book shows the notebooks' stored outputs; CI runs them (nbval)
nb_output_stderr = "remove"
html_theme = "sphinx_book_theme"
html_title = {title!r}
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_theme_options = {{
    "repository_url": {repository!r},
    "repository_branch": "{branch}",  # launch buttons open the student edition (edition.py)
    "path_to_docs": "",
    "use_repository_button": True,
    "use_download_button": True,
    "launch_buttons": {{
        "binderhub_url": "https://mybinder.org",
        "colab_url": "https://colab.research.google.com",
        "notebook_interface": "jupyterlab",
    }},
    "show_navbar_depth": 1,
}}
html_last_updated_fmt = None
suppress_warnings = ["misc.highlighting_failure", "mystnb.unknown_mime_type", "myst.header"]


# WCAG 2.5.3 (label in name): the theme names two controls differently from what they show. The folded-code toggles
# say "Show code cell source" but are labelled "Toggle hidden content"; the search button shows "Search Ctrl+K" but
# is labelled "Search". Without those labels, each is named by what it shows. (Done on the written pages: the
# labels come from the theme's and myst-nb's templates.)
LABEL_FIXES = [
    (' aria-label="Toggle hidden content"', ""),
    (
        'search-button__button pst-js-only" title="Search" aria-label="Search"',
        'search-button__button pst-js-only" title="Search"',
    ),
]


def _label_in_name(app, exception):
    import pathlib

    if exception is not None or app.builder.format != "html":
        return
    for page in pathlib.Path(app.outdir).rglob("*.html"):
        text = original = page.read_text(encoding="utf-8")
        for old, new in LABEL_FIXES:
            text = text.replace(old, new)
        if text != original:
            page.write_text(text, encoding="utf-8")


def setup(app):
    app.connect("build-finished", _label_in_name)
"""

# The theme's defaults, adjusted where axe-core finds too little contrast; and the course's own boxes.
CSS = """
.course-numbers summary { cursor: pointer; font-size: 0.9em; }
.course-numbers table { font-size: 0.85em; }
.course-explorer-note { border: 1px dashed #595959; padding: 0.5em; }
/* A visible focus ring on every control: the theme's Launch and Download buttons have none. */
a:focus-visible, button:focus-visible, summary:focus-visible, .btn:focus-visible, .dropdown-item:focus-visible,
input:focus-visible, select:focus-visible {
  outline: 3px solid var(--pst-color-accent) !important;
  outline-offset: 2px !important;
}
/* No sideways scrolling at 320 px: long inline code, code lines, headings and the next/previous titles wrap. */
h1, h2, h3 { overflow-wrap: break-word; hyphens: auto; }
code, code.literal, code span.pre, .prev-next-area p { overflow-wrap: anywhere; white-space: normal; }
.prev-next-area a, .prev-next-info { max-width: 100%; min-width: 0; }
div.highlight pre, div.cell_input pre, .cell_output pre { white-space: pre-wrap; overflow-wrap: anywhere; }
/* A quotation keeps its look: the theme's figure captions are centred and muted, a quotation's source line is not. */
figure.course-quotation figcaption { color: inherit; text-align: start; font-family: inherit; margin: 0.4em 0 0; }
/* In dark mode the theme shows an HTML output as a light box with dark text; its links keep the dark theme's light
   blue (2.2:1 there), so they take a dark blue instead (5.8:1 on the box). */
html[data-theme="dark"] .cell_output .text_html a { color: #0b4f8a; }
"""


def title_of(nb: nbformat.NotebookNode) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return "Untitled"


def book_notebook(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """A copy for the book: plotting code folded, the install cell left out, and each explorer's note added."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":  # links into the repository (exercises, data) go to its web copy
            cell.source = re.sub(r"\]\(\.\./(?!notebooks/)", f"]({REPOSITORY}/blob/main/", cell.source)
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.setdefault("tags", [])
        if "course-setup" in tags:
            tags.append("remove-cell")  # installs the course in Colab; nothing to read on a web page
        elif any(marker in cell.source for marker in PLOTTING_MARKERS):
            tags.append("hide-input")
        if "_explorer(" in cell.source:
            live = binder(f"notebooks/{name}")
            note = (
                "<p class='course-explorer-note'><b>Interactive explorer.</b> Above, its default view. It runs "
                f"only in a live notebook: <a href='{live}'>open this lecture in Binder to explore</a>, or "
                "open it in JupyterLab.</p>"
            )
            cell.outputs = [*cell.get("outputs", []), nbformat.v4.new_output("display_data", data={"text/html": note})]
    return nb


def _table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table (cells escaped for Markdown's pipes)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def index_page(notebooks: list[Path]) -> str:
    pictures = "\n\n".join(
        f"```{{figure}} {Path(path).name}\n:alt: {alt}\n:width: 32%\n\n{alt.split(':')[0]}.\n```"
        for path, alt in README_PICTURES
    )
    toc = "\n".join(f"notebooks/{p.stem}" for p in notebooks)
    return f"""# {TITLE}

An open course of Jupyter notebooks for economic-history and data-literacy classes. Its one primary source is a
chapter of a Soviet textbook of about 1940, "{SOURCE_TITLE}", in an English machine translation
([the source]({SOURCE_URL})). The chapter is Stalinist propaganda, and it is also a dense sheet of official
statistics. Students read it as a historian would: they quote it verbatim, trace each number to its sentence and
footnote, check the text's own arithmetic, and set the official figures beside outside series.

This is the read-only edition: every page shows the notebook's stored outputs. To run the code, move the explorers'
sliders and do the exercises, use the launch button at the top of a page (Binder or Colab), open the course in
your browser with no install ({{doc}}`the browser edition <lite>`), or download the notebook. Every chart has a
text alternative, and under it a table of the numbers it shows.

## What it looks like

{pictures}

```{{toctree}}
:maxdepth: 1
:caption: The course

{toc}
timeline
data
lite
instructors
```
"""


CHART_IMG = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"([^>]*)>')


def charts_as_files(nb: nbformat.NotebookNode, stem: str, src: Path) -> nbformat.NotebookNode:
    """Each chart of a page as a file of its own, shown in the page, with a link that opens it at full size.

    A page's column scales a wide chart down (a three-panel chart's smallest text to about 6 px); the link opens the
    image at its own size, where its text is legible. The page no longer carries the picture inline."""
    folder = src / "_static" / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    count = 0

    def as_file(match: re.Match) -> str:
        nonlocal count
        count += 1
        name = f"{stem}-{count}.png"
        (folder / name).write_bytes(base64.b64decode(match.group(1)))
        url = f"../_static/charts/{name}"
        return (
            f'<img src="{url}"{match.group(2)}><br><a class="course-full-size" href="{url}">'
            "Open this chart at full size</a>"
        )

    for cell in nb.cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html")
            if isinstance(html, str) and "data:image/png" in html:
                output["data"]["text/html"] = CHART_IMG.sub(as_file, html)
    return nb


def timeline_page() -> str:
    with open(ROOT / "data" / "timeline.csv", encoding="utf-8") as f:
        events = list(csv.DictReader(f))
    rows = [[e["date"], e["event"], e["date_printed"] or "(not printed)", e["date_source"], e["note"]] for e in events]
    return (
        "# Timeline\n\nThe events the chapter names, in order, from `data/timeline.csv`. A date is the text's own "
        "where it prints one; otherwise its source is named.\n\n"
        + _table(["date", "event", "as printed", "date from", "note"], rows)
        + "\n"
    )


def data_page(downloads: Path) -> str:
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    rows = []
    for resource in package["resources"]:
        source = ROOT / "data" / resource["path"]
        target = downloads / Path(resource["path"]).name
        shutil.copyfile(source, target)
        with open(source, encoding="utf-8") as f:
            count = sum(1 for _ in csv.reader(f)) - 1
        what = resource.get("title", "")
        if resource.get("description"):
            what += ". " + resource["description"]
        cited = "; ".join(s.get("title", "") for s in resource.get("sources", []))
        link = f"{{download}}`{target.name} <data/{target.name}>`"
        rows.append([link, what, str(count), cited])
    licences = "; ".join(x.get("title", x.get("name", "")) for x in package.get("licenses", []))
    return (
        f"# The data\n\n{package['description']}\n\nEvery file is described, field by field, in "
        "[`data/datapackage.json`](" + REPOSITORY + "/blob/main/data/datapackage.json) (a Frictionless Data "
        f"package). Licences: {licences}\n\n" + _table(["file", "what it holds", "rows", "source"], rows) + "\n"
    )


DOCS_PAGES = ("lite", "instructors")  # pages of the book written from docs/


def docs_page(name: str) -> str:
    """docs/<name>.md, its links to the repository's files made absolute (the book has no such files)."""
    text = (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8")
    return re.sub(
        r"\]\((?!https?:|#)([^)]+)\)",
        lambda m: f"]({REPOSITORY}/blob/main/{posixpath.normpath('docs/' + m.group(1))})",
        text,
    )


def write_source(src: Path) -> list[Path]:
    """Write the book's source folder; returns the notebooks it holds, in course order."""
    notebooks = course.notebooks()  # in course order (course.yml)
    (src / "notebooks").mkdir(parents=True)
    (src / "data").mkdir()
    (src / "_static").mkdir()
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        nbformat.write(charts_as_files(book_notebook(nb, path.name), path.stem, src), src / "notebooks" / path.name)
    for path, _alt in README_PICTURES:
        shutil.copyfile(ROOT / path, src / Path(path).name)
    (src / "index.md").write_text(index_page(notebooks), encoding="utf-8")
    (src / "timeline.md").write_text(timeline_page(), encoding="utf-8")
    (src / "data.md").write_text(data_page(src / "data"), encoding="utf-8")
    for name in DOCS_PAGES:
        (src / f"{name}.md").write_text(docs_page(name), encoding="utf-8")
    (src / "_static" / "course.css").write_text(CSS, encoding="utf-8")
    (src / "conf.py").write_text(CONF.format(title=TITLE, repository=REPOSITORY, branch=BRANCH), encoding="utf-8")
    return notebooks


def build_book(out: Path, quiet: bool = True) -> Path:
    """Build the book into ``out`` (HTML); returns the path of its front page."""
    try:
        from sphinx.cmd.build import build_main
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise SystemExit("The book needs Sphinx and myst-nb: pip install -r requirements-book.txt") from error
    out = Path(out).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "book"
        write_source(src)
        args = ["-b", "html", "-j", "2", str(src), str(out)] + (["-q"] if quiet else [])
        if build_main(args) != 0:
            raise SystemExit("Sphinx could not build the book (see the messages above).")
    return out / "index.html"
