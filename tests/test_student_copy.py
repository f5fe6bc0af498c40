"""No answer key in the student's copy: in a fresh environment holding only the student wheel, after every check has
been called (blank, wrong and right-type answers), a walk of every object reachable from ``soviet_numbers`` (module
attributes, instances' ``vars``, closures, defaults, containers, and every object ``gc`` tracks that belongs to the
package) finds no expected value at its stated precision and no rubric text; the instructor's modules are absent."""

import json
import subprocess
import sys
import sysconfig
import tempfile
import zipfile

import pytest

from soviet_numbers.assignments import exercises
from soviet_numbers.grading.release import build_wheel

WALK = r"""
import gc, importlib, importlib.util, json, sys, types, io, contextlib
spec = json.load(open(sys.argv[1]))
import soviet_numbers
assert "site-packages" in soviet_numbers.__file__ or "student-env" in soviet_numbers.__file__, soviet_numbers.__file__
from soviet_numbers import assignments, checks, chart_checks
absent = [m for m in spec["instructor_modules"] if importlib.util.find_spec(m) is not None]
assert not absent, absent
key = json.loads((importlib.resources.files("soviet_numbers.assignments") / "class_key.json").read_text()) \
    if hasattr(importlib, "resources") else None
import importlib.resources
calls = 0
with contextlib.redirect_stdout(io.StringIO()):
    for ex_id, n in spec["exercises"].items():
        for answer in (None, 1.0, -3.5, "x", True, 12345.0):
            assignments.check(ex_id, *([answer] * n))
            assignments.feedback(ex_id, *([answer] * n))
            calls += 2
seen, todo, found = set(), [], []
def push(o):
    if id(o) not in seen:
        seen.add(id(o)); todo.append(o)
for name, mod in list(sys.modules.items()):
    if name == "soviet_numbers" or name.startswith("soviet_numbers."):
        push(mod)
for o in gc.get_objects():
    mod = getattr(type(o), "__module__", "") or ""
    own = getattr(o, "__module__", "") if isinstance(o, (types.FunctionType, type)) else ""
    if str(mod).startswith("soviet_numbers") or str(own).startswith("soviet_numbers"):
        push(o)
strings, numbers = [], []
while todo:
    o = todo.pop()
    if isinstance(o, str):
        strings.append(o); continue
    if isinstance(o, (bool, type(None))):
        continue
    if isinstance(o, (int, float)):
        numbers.append(o); continue
    if isinstance(o, types.ModuleType):
        if not o.__name__.startswith("soviet_numbers"):
            continue
        for v in vars(o).values(): push(v)
        continue
    if isinstance(o, dict):
        for k, v in o.items(): push(k); push(v)
        continue
    if isinstance(o, (list, tuple, set, frozenset)):
        for v in o: push(v)
        continue
    if isinstance(o, types.FunctionType):
        if not o.__module__ or not o.__module__.startswith("soviet_numbers"):
            continue
        for c in (o.__closure__ or ()):
            try: push(c.cell_contents)
            except ValueError: pass
        push(o.__defaults__ or ()); push(o.__kwdefaults__ or {}); push(o.__code__.co_consts)
        continue
    if isinstance(o, types.CodeType):
        push(o.co_consts); continue
    if hasattr(o, "func") and hasattr(o, "keywords"):  # functools.partial
        push(o.args); push(o.keywords); continue
    mod = str(getattr(type(o), "__module__", ""))
    if mod.startswith("soviet_numbers"):
        if isinstance(o, type):
            for v in vars(o).values(): push(v)
        elif hasattr(o, "__dict__"):
            push(vars(o))
        for slot in getattr(type(o), "__slots__", ()):
            push(getattr(o, slot, None))
print(json.dumps({"calls": calls, "strings": len(strings), "numbers": len(numbers), "found": found,
                  "strings_list": strings, "values": numbers}))
"""


def _expected():
    """What must not be found: each numeric answer, at full precision and at its stated precision; rubric lines."""
    values, renderings, rubric = [], [], []
    for ex in exercises().values():
        for part in ex.parts:
            rubric += list(part.rubric)
            if part.kind == "number":
                d, x = part.spec["decimals"], part.expected
                if d == 0 and abs(x) < 100:
                    continue  # a small whole number (20, 23, 133) is everywhere: it is searched as text only
                values += [x, round(x, d)]
                renderings.append(f"{x:.{d}f}")
    return values, renderings, rubric


@pytest.fixture(scope="module")
def student_env(tmp_path_factory):
    home = tmp_path_factory.mktemp("student-env")
    wheel = build_wheel(home)
    target = home / "site"
    with zipfile.ZipFile(wheel) as z:  # installing a wheel is unpacking it
        z.extractall(target)
    return wheel, target


def test_the_student_wheel_holds_no_instructor_module(student_env):
    wheel, _ = student_env
    names = zipfile.ZipFile(wheel).namelist()
    assert "soviet_numbers/assignments/class_key.json" in names
    assert "soviet_numbers/assignments/__init__.py" in names
    assert "soviet_numbers/course_manifest/course.yml" in names  # course.units() works from the wheel alone
    assert not [n for n in names if n.startswith("soviet_numbers/assignments/lecture")]


def test_walk_of_the_student_copy_finds_no_answer_and_no_rubric(student_env):
    _, target = student_env
    ids = {ex_id: len(ex.parts) for ex_id, ex in exercises().items()}
    spec = {
        "exercises": ids,
        "instructor_modules": [f"soviet_numbers.assignments.lecture{e.split('.')[0]}" for e in ids],
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(spec, f)
    deps = sysconfig.get_paths()["purelib"]  # numpy & co. from this environment, without its .pth files
    env = {"PYTHONPATH": f"{target}:{deps}", "PATH": "/usr/bin:/bin", "HOME": str(target)}
    run = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path[:0] = {[str(target), deps]!r}\n" + WALK, f.name],
        capture_output=True,
        text=True,
        env=env,
        cwd=target,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout)
    assert result["calls"] >= 2 * 6 * len(ids) and result["strings"] > 100  # the walk reached the checks' texts
    values, renderings, rubric = _expected()
    assert values and renderings and rubric
    import re

    ids = set(ids)  # exercise ids ('4.4') and salts ('class/4.4/...') are names, not answers; digests are hex
    kept = [t for t in result["strings_list"] if t not in ids and not t.startswith("class/")]
    text = re.sub(r"[0-9a-f]{20}", "", "\n".join(kept))
    floats = {v for v in result["values"] if isinstance(v, float)}  # a count such as min_words=50 is no answer
    for value in values:
        assert value not in floats, value
    for rendering in renderings:
        hit = re.search(rf"(?<![\w.]){re.escape(rendering)}(?![\d])", text)
        assert not hit, (rendering, text[max(0, hit.start() - 200) : hit.end() + 100])
    for line in rubric:
        assert line not in text, line
