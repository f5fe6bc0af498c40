"""Save every chart stored in the lecture and solution notebooks as PNG files, to look at them.

python tools/export_figures.py [OUTDIR]     (default: build/figures)
"""

import base64
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent


def main(outdir: str = "build/figures") -> None:
    out = ROOT / outdir
    out.mkdir(parents=True, exist_ok=True)
    for folder in ("notebooks", "solutions"):
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            n = 0
            for i, cell in enumerate(nb.cells):
                for output in cell.get("outputs", []):
                    png = output.get("data", {}).get("image/png")
                    if png:
                        n += 1
                        target = out / f"{path.stem}_cell{i:02d}_{n}.png"
                        target.write_bytes(base64.b64decode(png))
                        print(target)


if __name__ == "__main__":
    main(*sys.argv[1:])
