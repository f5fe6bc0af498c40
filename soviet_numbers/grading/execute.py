"""Run one submitted notebook on a copy, in a fresh kernel, and read its answer variables back.

The student's own check cells and saved outputs are never read: after each code cell, a dump cell marked with a
random nonce prints the answer variables as JSON, so an answer defined before a failing, crashing or timed-out cell
still counts (partial credit). A cell over its time limit is interrupted and the run goes on; each cell has an
output cap; the kernel gets a scrubbed environment and a temporary working directory, and its own stdout and
stderr go nowhere. Nothing a student prints is read: a failing cell is reported by its number, its exercise and
the exception's type name only, so no free text (nor another file's contents) travels back into feedback.

:func:`run_submission` does the run and returns plain JSON; by default it runs inside a bubblewrap sandbox
(:mod:`.sandbox`, through :mod:`.worker`), and :func:`execute_submission` decodes the answers on the grader's side.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
from collections import defaultdict
from pathlib import Path

import nbformat

from ..assignments import assignment_exercises

OUTPUT_CAP_BYTES = 1_000_000  # per cell; larger outputs are discarded (and reported)
DUMP_MARGIN = 30  # seconds the answers' dump may take beyond a cell's limit
TEXT_LIMIT = 20_000  # characters of a text answer read back (a written answer is far shorter)
_EXERCISE = re.compile(r"Exercise\s+(\d+\.\d+)")
_CHECK = re.compile(r"""check\(\s*["'](\d+\.\d+)["']""")
_UNDEFINED = re.compile(r"name '([A-Za-z_][A-Za-z0-9_]*)' is not defined")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,59}")


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
        f"            _out[_name] = {{'kind': 'str', 'value': _v[:{TEXT_LIMIT}]}}\n"
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
        "    _names = sorted(_n for _n in globals() if _n.isidentifier() and not _n.startswith('_')\n"
        "                    and len(_n) <= 60)\n"
        "    print(" + repr(nonce) + " + _json.dumps({'answers': _out, 'names': _names[:500]}))\n"
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
        return str(entry["value"])[:TEXT_LIMIT]
    if kind == "chart":
        from ..chart_checks import ChartSummary

        try:
            bars = tuple((float(h), str(kind)) for h, kind in entry["bars"])  # (height, kind): chart_checks
            return ChartSummary(bars, str(entry["labels"]), tuple(str(t) for t in entry["texts"]))
        except (KeyError, TypeError, ValueError):
            return None
    # An object of the same type *name*, so the checks explain the wrong type in the student's own terms (a name
    # only: an identifier of at most 60 characters, never free text).
    return type(identifier(entry.get("type")) or "object", (), {})()


def identifier(value) -> str:
    """``value`` if it is a short Python identifier, else ''."""
    return value if isinstance(value, str) and _IDENT.fullmatch(value) else ""


def safe_env(workdir: Path) -> dict:
    """The kernel's environment: the interpreter's paths and locale, nothing else of the instructor's."""
    keep = {k: os.environ[k] for k in ("PATH", "LANG", "LC_ALL", "PYTHONPATH", "VIRTUAL_ENV") if k in os.environ}
    keep.update({"HOME": str(workdir), "MPLBACKEND": "Agg", "JUPYTER_PLATFORM_DIRS": "1"})
    return keep


def execute_submission(
    path: Path, assignment: str, timeout: int = 60, sandbox=None, variables=None, raw: bytes | None = None
) -> dict:
    """Run a copy of one submission; return the answer variables (decoded) and what went wrong, if anything.

    With ``sandbox`` (a :class:`.sandbox.Sandbox`) the run happens inside it; without, in this process's user.
    The result comes from the sandbox, where students' code ran: it is read as untrusted (:func:`_clean`).
    """
    raw = Path(path).read_bytes() if raw is None else raw  # bytes travel with the job (to a cluster node too)
    variables = list(variables) if variables is not None else _variables_for(assignment)
    if sandbox is None:
        result = run_submission(raw, assignment, variables, timeout)
    else:
        result = sandbox.run_submission(raw, assignment, variables, timeout)
    result = _clean(result, variables)
    payload = result.pop("payload")
    result["answers"] = {k: _decode(v) for k, v in payload.items()}
    result["missing"] = [k for k, v in payload.items() if v.get("kind") == "missing"]
    if not result["answers"] and not result["problem"]:
        result["problem"] = "the answers could not be read after running the notebook"
    return result


def _clean(result: dict, variables: list[str]) -> dict:
    """The run's result, bounded: known answer variables only, names as identifiers, problems as our own text."""
    payload = result.get("payload") if isinstance(result.get("payload"), dict) else {}
    cells = []
    for c in result.get("cell_problems", [])[:50] if isinstance(result.get("cell_problems"), list) else []:
        if isinstance(c, dict) and isinstance(c.get("cell"), int) and c.get("kind") in ("error", "timeout"):
            exercise = c.get("exercise") if isinstance(c.get("exercise"), str) else ""
            exercise = exercise if re.fullmatch(r"\d+\.\d+", exercise) else ""
            cells.append(
                {
                    "cell": c["cell"],
                    "exercise": exercise,
                    "kind": c["kind"],
                    "ename": identifier(c.get("ename")),
                    "name": identifier(c.get("name")),
                }
            )
    names = result.get("names") if isinstance(result.get("names"), list) else []
    return {
        "payload": {k: v for k, v in payload.items() if k in variables and isinstance(v, dict)},
        "names": [n for n in names[:500] if identifier(n)],
        "problem": str(result.get("problem") or "")[:300],
        "cell_problems": cells,
        "notes": [str(n)[:300] for n in result.get("notes", [])[:10]] if isinstance(result.get("notes"), list) else [],
    }


def cell_exercises(nb) -> list[str]:
    """For each cell, the exercise it belongs to ('' before the first): from its heading or its check call."""
    current, out = "", []
    for cell in nb.cells:
        found = (_CHECK if cell.cell_type == "code" else _EXERCISE).search(cell.source or "")
        if found and (cell.cell_type == "markdown" or not current or current != found.group(1)):
            current = found.group(1)
        out.append(current)
    return out


def run_submission(raw: bytes, assignment: str, variables: list[str], timeout: int = 60) -> dict:
    """Run a notebook's bytes in a fresh kernel, cell by cell; return plain JSON: the answers and what went wrong.

    The answers are dumped after every code cell and the last dump counts: a failing cell is recorded and the run
    goes on; a cell over ``timeout`` seconds is interrupted and the run goes on (unless the kernel stays stuck);
    a kernel that dies ends the run with the answers dumped before.
    """
    import asyncio
    import subprocess

    from jupyter_client.utils import ensure_async
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    result: dict = {"payload": {}, "names": [], "problem": "", "cell_problems": [], "notes": []}
    if not raw.strip():
        result["problem"] = "empty file"
        return result
    try:
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    except Exception as exc:  # noqa: BLE001
        result["problem"] = f"not a readable notebook ({type(exc).__name__})"
        return result
    meta = nb.metadata.get("soviet_numbers", {})
    if meta.get("assignment") and meta["assignment"] != assignment:
        result["problem"] = f"wrong assignment: this notebook is {str(meta['assignment'])[:80]!r}, not {assignment!r}"
        return result
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    if not code_cells:
        result["problem"] = "empty notebook (no code cells)"
        return result
    if not meta.get("assignment"):
        result["notes"].append("notebook has no assignment metadata (not generated by the course?)")
    nonce = "SNGRADE-" + secrets.token_hex(8) + ":"
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
        else:
            cell.pop("outputs", None)
    exercise_of = cell_exercises(nb)
    nb.cells.append(nbformat.v4.new_code_cell(_dump_cell(variables, nonce)))
    dump_index = len(nb.cells) - 1
    dump = nb.cells[dump_index]

    sizes: dict[int, int] = defaultdict(int)
    dropped: set[int] = set()

    def read_dump() -> None:
        for out in dump.get("outputs", []):
            text = out.get("text", "")
            if nonce in text:
                try:
                    found = json.loads(text.split(nonce, 1)[1].strip().splitlines()[0])
                    result["payload"], result["names"] = found["answers"], found["names"]
                except (ValueError, KeyError, IndexError, TypeError):
                    pass

    class CellByCell(NotebookClient):
        def output(self, outs, msg, display_id, cell_index):  # noqa: D401 - nbclient hook
            if cell_index != dump_index:
                sizes[cell_index] += len(json.dumps(msg.get("content", {}), default=str))
                if sizes[cell_index] > OUTPUT_CAP_BYTES:
                    dropped.add(cell_index)
                    return None
            return super().output(outs, msg, display_id, cell_index)

        async def async_execute(self, reset_kc: bool = False, **kwargs):
            self.reset_execution_trackers()
            async with self.async_setup_kernel(**kwargs):
                number = 0
                for index, cell in enumerate(self.nb.cells[:dump_index]):
                    if cell.cell_type != "code":
                        continue
                    number += 1
                    where = {"cell": number, "exercise": exercise_of[index]}
                    try:
                        await self.async_execute_cell(cell, index)
                    except CellTimeoutError:
                        result["cell_problems"].append({**where, "kind": "timeout", "ename": "CellTimeoutError"})
                        await ensure_async(self.km.interrupt_kernel())
                    except DeadKernelError:
                        result["problem"] = (
                            f"the kernel died in {cell_label(number, exercise_of[index])} (a cell crashed or exited "
                            "Python); answers defined before it are graded"
                        )
                        return self.nb
                    for out in cell.get("outputs", []):
                        if out.get("output_type") == "error":
                            missing = (
                                _UNDEFINED.search(str(out.get("evalue", "")))
                                if out.get("ename") == "NameError"
                                else None
                            )
                            result["cell_problems"].append(
                                {
                                    **where,
                                    "kind": "error",
                                    "ename": out.get("ename"),
                                    "name": missing and missing.group(1),
                                }
                            )
                    dump.outputs = []
                    try:
                        await self.async_execute_cell(dump, dump_index)
                    except CellTimeoutError:
                        result["problem"] = (
                            f"the kernel stayed stuck after {cell_label(number, exercise_of[index])} ran over "
                            f"{timeout} s; answers defined before it are graded"
                        )
                        return self.nb
                    read_dump()
            return self.nb

    with tempfile.TemporaryDirectory(prefix="sn-grade-") as tmp:
        work = Path(tmp)
        client = CellByCell(
            nb, timeout=timeout, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(work)}}
        )
        # The dump is quick, but waits for an interrupted cell to stop: a busy machine gets a margin, not a zero.
        client.timeout_func = lambda cell: timeout + DUMP_MARGIN if cell is dump else timeout
        try:
            # The kernel's own stdout and stderr go nowhere: only its messages are read.
            asyncio.run(
                client.async_execute(
                    env=safe_env(work), cwd=str(work), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
            )
        except DeadKernelError:
            result["problem"] = "the kernel died while running the notebook (a cell crashed or exited Python)"
        except Exception as exc:  # noqa: BLE001
            result["problem"] = f"could not run the notebook ({type(exc).__name__})"
    if dropped:
        result["notes"].append(f"output of {len(dropped)} cell(s) over {OUTPUT_CAP_BYTES // 1000} kB was discarded")
    return result


def cell_label(number: int, exercise: str) -> str:
    return f"code cell {number}" + (f" (exercise {exercise})" if exercise else " (before the exercises)")
