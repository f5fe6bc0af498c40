"""Save every chart stored in the lecture and solution notebooks as a PNG file, with its alt text beside it.

python tools/export_charts.py [OUTDIR]     (default: build/charts)

A chart is stored once, as HTML (``<img src="data:image/png;base64,..." alt="...">``, see
``soviet_numbers.notebook_files``); this reads that same representation.
"""

import base64
import html
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
IMAGE = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"(?: alt="([^"]*)")?')


def stored_charts(path: Path):
    """(cell index, PNG bytes, alt text) of every chart stored in a notebook."""
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            page = output.get("data", {}).get("text/html", "")
            for png, alt in IMAGE.findall("".join(page) if isinstance(page, list) else page):
                yield i, base64.b64decode(png), html.unescape(alt)


def main(outdir: str = "build/charts") -> None:
    out = ROOT / outdir
    out.mkdir(parents=True, exist_ok=True)
    for folder in ("notebooks", "solutions"):
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            for n, (i, png, alt) in enumerate(stored_charts(path), start=1):
                target = out / f"{folder}_{path.stem}_cell{i:02d}_{n}.png"
                target.write_bytes(png)
                target.with_suffix(".txt").write_text(alt + "\n", encoding="utf-8")
                print(target)


if __name__ == "__main__":
    main(*sys.argv[1:])
