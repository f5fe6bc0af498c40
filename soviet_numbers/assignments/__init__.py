"""The exercises of each lecture, and the check a student runs: ``check("1.2", my_answer)``.

Two sides (see CONTRIBUTING.md, "No answer key in the student's copy"):

- **the student's check** (:func:`check`) reads only a *key*: the class key ``class_key.json`` (written by
  ``soviet-numbers build-exercises``), or the per-student key a released notebook loads with :func:`use_key`. A key
  holds salted digests of each answer at its stated precision, the hints and the question's words; never an answer,
  a formula or a rubric. The student wheel ships this file and these modules only.
- **the instructor's exercises** (:func:`exercises`, :func:`lecture_exercises`): one module per lecture
  (``lecture0`` for the start-here notebook and the primer's practice, ``lecture1`` ... ``lecture5`` for the
  capstone) computes each answer from ``data/``; ``parts`` holds the building blocks. The grader
  (:mod:`soviet_numbers.grading`) applies the same checkers to the answers it reads back, with no attempt counting.
  These modules stay in the repository and are left out of the student wheel.

A wrong answer earns a hint; each further wrong answer to the same part, the next of its three hints. Unanswered
or mistyped answers do not count as attempts. Attempts live in the kernel only: restarting it starts again.
"""

from __future__ import annotations

import base64
import importlib
import json
import zlib
from collections import defaultdict
from pathlib import Path

from .. import course
from ..checks import Feedback, safely
from .parts import check_keyed


def __getattr__(name: str):
    if name == "LECTURES":  # the exercise modules of course.yml, in order: ("0", "1", ...); read when asked
        return course.exercise_modules()
    raise AttributeError(name)


KEY_FILE = Path(__file__).resolve().parent / "class_key.json"
_BUILT: dict = {}
_ATTEMPTS: defaultdict[tuple[str, str], int] = defaultdict(int)
_LOADED: dict = {}  # the key in use: {"exercises": {...}} from class_key.json or use_key(...)


def lecture_exercises(lecture: str) -> dict:
    """The exercises of one lecture ("1" for 1.1, 1.2 ...), built on first use from the data (instructor side)."""
    if lecture not in _BUILT:
        if lecture not in course.exercise_modules():
            return {}
        module = importlib.import_module(f".lecture{lecture}", __name__)
        _BUILT[lecture] = {ex.exercise_id: ex for ex in module.build()}
    return _BUILT[lecture]


def exercises() -> dict:
    """All exercises by id (instructor side)."""
    return {k: ex for lecture in course.exercise_modules() for k, ex in lecture_exercises(lecture).items()}


def lecture_of(assignment: str) -> str:
    """The lecture of an assignment: '01_sources_of_accumulation' -> '1' (its exercises are 1.1, 1.2 ...), from
    course.yml; '' for a name the course does not have."""
    unit = course.unit(str(assignment))
    return (unit.exercise_prefix or "") if unit else ""


def assignment_exercises(assignment: str) -> dict:
    """The exercises of one assignment (a notebook name in exercises/), instructor side."""
    return lecture_exercises(lecture_of(assignment))


def class_key() -> dict:
    """The key of the class version of every exercise, as ``build-exercises`` writes it (instructor side)."""
    return {"exercises": {ex_id: ex.key() for ex_id, ex in exercises().items()}}


def key_text(key: dict) -> str:
    return json.dumps(key, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def encode_key(key: dict) -> str:
    """A key as one line of text, for a released notebook's setup cell."""
    return base64.b64encode(zlib.compress(json.dumps(key, sort_keys=True).encode(), 9)).decode()


def use_key(encoded: str) -> None:
    """Use a released notebook's own key (its variant's digests and hints) for :func:`check`."""
    _LOADED.clear()
    _LOADED.update(json.loads(zlib.decompress(base64.b64decode(encoded))))
    reset_attempts()


def _key_exercise(exercise_id: str) -> dict | None:
    if not _LOADED:
        _LOADED.update(json.loads(KEY_FILE.read_text(encoding="utf-8")))
    return _LOADED["exercises"].get(str(exercise_id))


def _exercise(exercise_id: str):
    return lecture_exercises(str(exercise_id).split(".", 1)[0]).get(exercise_id)


def part_feedback(part, answer, attempt: int = 1) -> Feedback:
    """A part's feedback (instructor side); a wrong answer carries hint number ``attempt``."""
    return _with_hint(safely(part.checker, answer), part.hints, attempt)


def _with_hint(fb: Feedback, hints, attempt: int) -> Feedback:
    if fb.status == "wrong" and hints:
        stage = min(max(attempt, 1), len(hints))
        fb.message = f"{fb.message} Hint {stage} of {len(hints)}: {hints[stage - 1]}"
    return fb


def _call_problem(exercise_id: str, answers) -> Feedback | None:
    ex = safely_key(exercise_id)
    if ex is None:
        return Feedback("invalid", f"There is no exercise {exercise_id!r}.")
    if len(answers) != len(ex["parts"]):
        names = ", ".join(p["variable"] for p in ex["parts"])
        return Feedback("invalid", f"Exercise {exercise_id} expects {len(ex['parts'])} answer(s): {names}.")
    return None


def safely_key(exercise_id) -> dict | None:
    try:
        return _key_exercise(exercise_id)
    except Exception:  # noqa: BLE001 - a missing or broken key file is reported, not raised
        return None


def feedback(exercise_id: str, *answers) -> list[Feedback]:
    """Feedback for each part of an exercise, in order, with the first hint (no attempts counted)."""
    problem = _call_problem(exercise_id, answers)
    if problem:
        return [problem]
    parts = _key_exercise(exercise_id)["parts"]
    return [_with_hint(safely(check_keyed, a, p), p["hints"], 1) for p, a in zip(parts, answers)]


def check(exercise_id: str, *answers) -> None:
    """Print instant feedback for an exercise (one line per answer). Never raises.

    Each wrong answer to a part counts as an attempt and brings the next hint.
    """
    problem = _call_problem(exercise_id, answers)
    if problem:
        print(problem)
        return
    parts = _key_exercise(exercise_id)["parts"]
    for part, answer in zip(parts, answers):
        fb = safely(check_keyed, answer, part)
        if fb.status == "wrong":
            _ATTEMPTS[(exercise_id, part["variable"])] += 1
            fb = _with_hint(fb, part["hints"], _ATTEMPTS[(exercise_id, part["variable"])])
        label = f"{part['variable']}: " if len(parts) > 1 else ""
        print(f"{label}{fb}")


def reset_attempts() -> None:
    """Forget every attempt (as a kernel restart does)."""
    _ATTEMPTS.clear()
