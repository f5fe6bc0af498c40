"""Run one submitted notebook on a copy, in a fresh kernel, and read its answer variables back.

The student's own check cells and saved outputs are never read: a dump cell, marked with a random nonce, is
appended and prints the answer variables as JSON. Each cell has a time limit and an output cap; the kernel gets a
scrubbed environment and a temporary working directory, and its own stdout and stderr go nowhere.

:func:`run_submission` does the run and returns plain JSON; by default it runs inside a bubblewrap sandbox
(:mod:`.sandbox`, through :mod:`.worker`), and :func:`execute_submission` decodes the answers on the grader's side.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from collections import defaultdict
from pathlib import Path

import nbformat

from ..assignments import assignment_exercises

OUTPUT_CAP_BYTES = 1_000_000  # per cell; larger outputs are discarded (and reported)


def _variables_for(assignment: str) -> list[str]:
    return [p.variable for ex in assignment_exercises(assignment).values() for p in ex.parts]


def _dump_cell(variables: list[str], nonce: str) -> str:
    # Encodes each answer variable as JSON: plain values as they are, anything else by its type name only.
    return (
        "def __sn_dump():\n"
        "    import json as _json, math as _math, sys as _sys\n"
        "    _out = {}\n"
        f"    for _name in {variables!r}:\n"
        "        if _name not in globals():\n"
        "            _out[_name] = {'kind': 'missing'}\n"
        "            continue\n"
        "        _v = globals()[_name]\n"
        "        if _v is None or _v is Ellipsis:\n"
        "            _out[_name] = {'kind': 'none'}\n"
        "        elif isinstance(_v, bool):\n"
        "            _out[_name] = {'kind': 'bool', 'value': _v}\n"
        "        elif isinstance(_v, (int, float)) or type(_v).__name__.startswith(('float', 'int')):\n"
        "            _f = float(_v)\n"
        "            _out[_name] = {'kind': 'number', 'value': _f if _math.isfinite(_f) else repr(_f)}\n"
        "        elif isinstance(_v, str):\n"
        "            _out[_name] = {'kind': 'str', 'value': _v[:20000]}\n"
        "        elif type(_v).__name__ == 'Figure' and hasattr(_v, 'axes'):\n"
        "            try:\n"
        "                from soviet_numbers.chart_checks import summarise as _summarise\n"
        "                _s = _summarise(_v)\n"
        "                _out[_name] = {'kind': 'chart', 'bars': [list(_b) for _b in _s.bars[:200]],\n"
        "                               'labels': _s.axis_labels[:2000],\n"
        "                               'texts': [_t[:2000] for _t in _s.texts[:50]]}\n"
        "            except Exception:\n"
        "                _out[_name] = {'kind': 'other', 'type': 'Figure'}\n"
        "        else:\n"
        "            _out[_name] = {'kind': 'other', 'type': type(_v).__name__}\n"
        f"    print({nonce!r} + _json.dumps(_out))\n"
        "__sn_dump()\n"
    )


def _decode(entry: dict):
    kind = entry.get("kind")
    if kind in ("missing", "none"):
        return None
    if kind == "bool":
        return bool(entry["value"])
    if kind == "number":
        return float(entry["value"])  # finite numbers, or 'nan' / 'inf' as text
    if kind == "str":
        return str(entry["value"])
    if kind == "chart":
        from ..chart_checks import ChartSummary

        try:
            bars = tuple((float(h), str(kind)) for h, kind in entry["bars"])  # (height, kind): chart_checks
            return ChartSummary(bars, str(entry["labels"]), tuple(str(t) for t in entry["texts"]))
        except (KeyError, TypeError, ValueError):
            return None
    # An object of the same type *name*, so the checks explain the wrong type in the student's own terms.
    return type(str(entry.get("type", "object")), (), {})()


def safe_env(workdir: Path) -> dict:
    """The kernel's environment: the interpreter's paths and locale, nothing else of the instructor's."""
    keep = {k: os.environ[k] for k in ("PATH", "LANG", "LC_ALL", "PYTHONPATH", "VIRTUAL_ENV") if k in os.environ}
    keep.update({"HOME": str(workdir), "MPLBACKEND": "Agg", "JUPYTER_PLATFORM_DIRS": "1"})
    return keep


def execute_submission(path: Path, assignment: str, timeout: int = 60, sandbox=None) -> dict:
    """Run a copy of one submission; return the answer variables (decoded) and what went wrong, if anything.

    With ``sandbox`` (a :class:`.sandbox.Sandbox`) the run happens inside it; without, in this process's user.
    """
    raw = Path(path).read_bytes()
    variables = _variables_for(assignment)
    if sandbox is None:
        result = run_submission(raw, assignment, variables, timeout)
    else:
        result = sandbox.run_submission(raw, assignment, variables, timeout)
    payload = result.pop("payload", None) or {}
    result["answers"] = {k: _decode(v) for k, v in payload.items()}
    result["missing"] = [k for k, v in payload.items() if v.get("kind") == "missing"]
    if not result["answers"] and not result["problem"]:
        result["problem"] = "the answers could not be read after running the notebook"
    return result


def run_submission(raw: bytes, assignment: str, variables: list[str], timeout: int = 60) -> dict:
    """Run a notebook's bytes in a fresh kernel; return plain JSON: the answers' payload and what went wrong."""
    import subprocess

    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    result: dict = {"payload": {}, "problem": "", "cell_errors": [], "notes": []}
    if not raw.strip():
        result["problem"] = "empty file"
        return result
    try:
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    except Exception as exc:  # noqa: BLE001
        result["problem"] = f"not a readable notebook ({type(exc).__name__}: {str(exc)[:120]})"
        return result
    meta = nb.metadata.get("soviet_numbers", {})
    if meta.get("assignment") and meta["assignment"] != assignment:
        result["problem"] = f"wrong assignment: this notebook is {meta['assignment']!r}, not {assignment!r}"
        return result
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    if not code_cells:
        result["problem"] = "empty notebook (no code cells)"
        return result
    if not meta.get("assignment"):
        result["notes"].append("notebook has no assignment metadata (not generated by the course?)")
    nonce = "SNGRADE-" + secrets.token_hex(8) + ":"
    for cell in nb.cells:
        cell.outputs = [] if cell.cell_type == "code" else cell.get("outputs", None) or []
        if cell.cell_type != "code":
            cell.pop("outputs", None)
    nb.cells.append(nbformat.v4.new_code_cell(_dump_cell(variables, nonce)))
    dump_index = len(nb.cells) - 1

    sizes: dict[int, int] = defaultdict(int)
    dropped: set[int] = set()

    class CappedClient(NotebookClient):
        def output(self, outs, msg, display_id, cell_index):  # noqa: D401 - nbclient hook
            sizes[cell_index] += len(json.dumps(msg.get("content", {}), default=str))
            if sizes[cell_index] > OUTPUT_CAP_BYTES and cell_index != dump_index:
                dropped.add(cell_index)
                return None
            return super().output(outs, msg, display_id, cell_index)

    with tempfile.TemporaryDirectory(prefix="sn-grade-") as tmp:
        work = Path(tmp)
        client = CappedClient(
            nb, timeout=timeout, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(work)}}
        )
        try:
            # The kernel's own stdout and stderr go nowhere: only its messages are read.
            client.execute(env=safe_env(work), cwd=str(work), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except CellTimeoutError:
            result["problem"] = f"timed out: a cell ran longer than {timeout} s (an infinite loop?)"
        except DeadKernelError:
            result["problem"] = "the kernel died while running the notebook (a cell crashed or exited Python)"
        except Exception as exc:  # noqa: BLE001
            result["problem"] = f"could not run the notebook ({type(exc).__name__}: {str(exc)[:160]})"
    for i, cell in enumerate(nb.cells[:dump_index]):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                result["cell_errors"].append(
                    f"code cell {i + 1} raised {out.get('ename')}: {str(out.get('evalue'))[:100]}"
                )
    if dropped:
        result["notes"].append(f"output of {len(dropped)} cell(s) over {OUTPUT_CAP_BYTES // 1000} kB was discarded")
    for out in nb.cells[dump_index].get("outputs", []):
        text = out.get("text", "")
        if nonce in text:
            result["payload"] = json.loads(text.split(nonce, 1)[1].strip().splitlines()[0])
    return result
