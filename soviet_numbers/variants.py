"""Per-student variants (instructor side): each student's own figures for the exercises that can vary.

A lecture's module declares ``VARIANTS`` (exercise id -> a pool of parameter sets, the first being the class
version), ``text(exercise_id, params)`` (the replacements that turn the class version's prompt and solution into the
variant's) and ``build(variant)``. A student's variant of an exercise is a pure function of the instructor's secret,
the student and the exercise: ``HMAC(secret, student / exercise) mod len(pool)``.

The secret lives in ``.soviet-numbers-secret`` in the folder the instructor runs release and grade from (created on
the first release with a roster; never inside the release folder; keep it out of version control), so a release and a
grade run from the same place need no extra flag.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import hmac
import importlib
import re
import secrets
from pathlib import Path

import nbformat

from .assignments import encode_key, lecture_of

SECRET_FILE = ".soviet-numbers-secret"
KEY_TAG = "variant-key"


class VariantError(Exception):
    """A release or grade with a roster cannot go on (no secret, a bad roster, a replacement that does not apply)."""


def read_secret(folder: Path | None = None, create: bool = False) -> str:
    path = Path(folder or Path.cwd()) / SECRET_FILE
    if not path.exists():
        if not create:
            raise VariantError(
                f"no {SECRET_FILE} in {path.parent}: run grade from the folder you released from (the secret is "
                "written there by the first release with a roster)"
            )
        path.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def fingerprint(assignment: str) -> str:
    """What grading an assignment depends on: every version of every exercise (each part's name, kind and answer at
    its stated precision). It changes when a pool or an answer changes, not when a hint is reworded."""
    versions = [("class", _module(assignment).build())] + [
        (f"{ex_id}/{i}", [exercises_with(assignment, {ex_id: i})[ex_id]])
        for ex_id, pool in pools(assignment).items()
        for i in range(len(pool))
    ]
    parts = []
    for version, built in versions:
        for ex in built:
            for p in ex.parts:
                d = p.spec.get("decimals") if p.kind == "number" else None
                answer = round(float(p.expected), d) if d is not None else p.expected
                parts.append((version, ex.exercise_id, p.variable, p.kind, repr(answer)))
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def read_roster(path: Path) -> list[str]:
    """The students of a roster CSV (column ``student``, as in the LMS export's), in order; a student listed twice
    (names compared without case) is refused."""
    if Path(path).is_dir():
        raise VariantError(f"{path} is a folder: give the roster file (a CSV, column 'student')")
    if not Path(path).is_file():
        raise VariantError(f"no roster file {path} (give the path of your LMS roster export: a CSV, column 'student')")
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        if "student" not in (reader.fieldnames or []):
            raise VariantError(f"{path}: the roster has no 'student' column")
        students = [(row["student"] or "").strip() for row in reader if (row["student"] or "").strip()]
    seen: dict[str, str] = {}
    for s in students:  # a variant is picked by the lowercased name; folders collide on macOS and Windows
        if s.lower() in seen:
            raise VariantError(f"{path}: the roster lists {seen[s.lower()]!r} and {s!r}, one student twice: fix it")
        seen[s.lower()] = s
    bad = [s for s in students if not re.fullmatch(r"[\w.@+-]+", s) or set(s) == {"."}]
    if bad:
        raise VariantError(f"{path}: student names must be usable as folder names: {bad[:3]}")
    return students


def _module(assignment: str):
    return importlib.import_module(f".assignments.lecture{lecture_of(assignment)}", __package__)


def pools(assignment: str) -> dict[str, list[dict]]:
    """Each varied exercise's pool of parameters (the first: the class version)."""
    return dict(getattr(_module(assignment), "VARIANTS", {}))


def fixed(assignment: str) -> dict[str, str]:
    """The exercises with fewer than three variants (none, or two), each with the reason (a module's ``FIXED``)."""
    return dict(getattr(_module(assignment), "FIXED", {}))


def variant_index(secret: str, student: str, exercise_id: str, size: int) -> int:
    mac = hmac.new(secret.encode(), f"{student.lower()}/{exercise_id}".encode(), hashlib.sha256).digest()
    return int.from_bytes(mac[:8], "big") % size


def choices(assignment: str, student: str, secret: str) -> dict[str, int]:
    """The index of a student's variant in each pool."""
    return {ex: variant_index(secret, student, ex, len(pool)) for ex, pool in pools(assignment).items()}


def same_versions(assignment: str, students: list[str], secret: str) -> list[list[str]]:
    """Groups of students who drew the same version of every varied exercise (copying between them goes unflagged)."""
    groups: dict[tuple, list[str]] = {}
    for student in students:
        groups.setdefault(tuple(sorted(choices(assignment, student, secret).items())), []).append(student)
    return [g for g in groups.values() if len(g) > 1]


def exercises_with(assignment: str, chosen: dict[str, int]) -> dict:
    """The assignment's exercises (instructor side) with the given pool indices."""
    module = _module(assignment)
    params = {ex: module.VARIANTS[ex][i] for ex, i in chosen.items()}
    built = module.build(params) if params else module.build()  # a module without variants: build() alone
    return {ex.exercise_id: ex for ex in built}


def student_exercises(assignment: str, student: str, secret: str) -> dict:
    return exercises_with(assignment, choices(assignment, student, secret))


def student_salt(secret: str, student: str) -> str:
    return hmac.new(secret.encode(), f"salt/{student.lower()}".encode(), hashlib.sha256).hexdigest()[:16]


def student_key(assignment: str, student: str, secret: str) -> dict:
    salt = student_salt(secret, student)
    return {"exercises": {k: ex.key(salt) for k, ex in student_exercises(assignment, student, secret).items()}}


def _sections(nb) -> dict[str, list]:
    """The cells of each exercise ('## Exercise 1.5 ...' up to the next exercise heading)."""
    out: dict[str, list] = {}
    current = None
    for cell in nb.cells:
        m = re.match(r"#+ Exercise (\d+[a-z]?\.\d+)\b", cell.source) if cell.cell_type == "markdown" else None
        if m:
            current = m.group(1)
        elif cell.cell_type == "markdown" and cell.source.startswith("#"):
            current = None if cell.source.startswith("## ") else current
        if current:
            out.setdefault(current, []).append(cell)
    return out


def variant_solution(solution, assignment: str, student: str, secret: str):
    """The solution notebook with a student's figures (prompts and solution code), and the cell that loads their key."""
    nb = solution_with(
        solution, assignment, choices(assignment, student, secret), student_key(assignment, student, secret)
    )
    nb.metadata.setdefault("soviet_numbers", {})["student"] = student
    return nb


def solution_with(solution, assignment: str, chosen: dict[str, int], key: dict):
    """The solution notebook with the given pool indices applied to its text, and a first cell that loads ``key``."""
    nb = copy.deepcopy(solution)
    module = _module(assignment)
    sections = _sections(nb)
    for ex, i in chosen.items():
        if i == 0:
            continue
        for old, new in module.text(ex, module.VARIANTS[ex][i]):
            hits = [c for c in sections.get(ex, []) if old in c.source]
            if not hits:
                raise VariantError(f"exercise {ex}: the text {old!r} is not in its cells; update text() in {module}")
            for cell in hits:
                cell.source = cell.source.replace(old, new)
    key_cell = nbformat.v4.new_code_cell(
        "# Your own version of these exercises: this line loads its checks (digests only, no answers).\n"
        "from soviet_numbers.assignments import use_key\n\n"
        f'use_key("{encode_key(key)}")',
        metadata={"tags": [KEY_TAG]},
    )
    key_cell.id = "variant-key"
    where = next((i + 1 for i, c in enumerate(nb.cells) if "course-setup" in c.metadata.get("tags", [])), 0)
    nb.cells.insert(where, key_cell)
    return nb


def matching_variants(assignment: str, ex_id: str, part_index: int, answer) -> list[int]:
    """The pool indices whose version of this part would accept ``answer`` (for the grader's copying flag)."""
    from .assignments import part_feedback

    pool = pools(assignment).get(ex_id, [])
    out = []
    for i in range(len(pool)):
        part = exercises_with(assignment, {ex_id: i})[ex_id].parts[part_index]
        if part.kind != "text" and part_feedback(part, answer).status == "correct":
            out.append(i)
    return out


def copied_from(
    assignment: str, student: str, roster: list[str], secret: str, ex_id: str, part_index: int, answer
) -> list[str]:
    """Other roster students whose (different) variant this wrong answer matches: 'matches the variant of ...'."""
    if ex_id not in pools(assignment):
        return []
    mine = variant_index(secret, student, ex_id, len(pools(assignment)[ex_id]))
    hits = set(matching_variants(assignment, ex_id, part_index, answer)) - {mine}
    size = len(pools(assignment)[ex_id])
    return [s for s in roster if s.lower() != student.lower() and variant_index(secret, s, ex_id, size) in hits]


def precision_table() -> list[tuple[str, str, str, str, str]]:
    """(exercise, part, stated precision, tolerance, variants) for every auto-graded part of every assignment an
    instructor can release; ``variants`` is the pool's size, with the reason when it is under three."""
    from .checks import precision_words
    from .course import assignments

    rows = []
    for assignment in assignments():
        pooled, reasons = pools(assignment), fixed(assignment)
        for ex in _module(assignment).build():
            size = len(pooled.get(ex.exercise_id, [None]))
            why = reasons.get(ex.exercise_id)
            for part in ex.parts:
                if part.kind == "text":
                    continue
                if part.kind == "number":
                    d = part.spec["decimals"]
                    precision, tolerance = precision_words(d), f"±{0.5 * 10**-d:g}"
                else:
                    precision, tolerance = part.kind, "exact"
                variants = f"{size} (fewer than three: {why})" if why else str(size)
                rows.append((ex.exercise_id, part.variable, precision, tolerance, variants))
    return rows


def precision_markdown() -> str:
    """The table of :func:`precision_table`, in Markdown (docs/instructors.md holds it; tools/variant_table.py)."""
    lines = ["| exercise | part | stated precision | accepted within | variants |", "|---|---|---|---|---|"]
    said = set()
    for e, p, prec, tol, v in precision_table():
        if e in said and "(" in v:
            v = v.split(" (", 1)[0] + " (as above)"  # the reason once per exercise
        said.add(e)
        lines.append(f"| {e} | `{p}` | {prec} | {tol} | {v} |")
    return "\n".join(lines) + "\n"
