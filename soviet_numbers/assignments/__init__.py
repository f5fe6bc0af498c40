"""The exercises of each lecture, and the check a student runs: ``check("1.2", my_answer)``.

One module per lecture (``lecture0`` for the start-here notebook and the primer's practice, ``lecture1`` ...
``lecture5`` for the capstone) builds its exercises from ``data/`` on first use; ``parts`` holds the building
blocks. The instructor's grader (:mod:`soviet_numbers.grading`) applies the same checkers to the answers it reads
back from a submission, with no attempt counting.

A wrong answer earns a hint; each further wrong answer to the same part, the next of its three hints. Unanswered
or mistyped answers do not count as attempts. Attempts live in the kernel only: restarting it starts again.
"""

from __future__ import annotations

import importlib
from collections import defaultdict

from .. import course
from ..checks import Feedback, safely
from .parts import Exercise, Part


def __getattr__(name: str):
    if name == "LECTURES":  # the exercise modules of course.yml, in order: ("0", "1", ...); read when asked
        return course.exercise_modules()
    raise AttributeError(name)


_BUILT: dict[str, dict[str, Exercise]] = {}
_ATTEMPTS: defaultdict[tuple[str, str], int] = defaultdict(int)


def lecture_exercises(lecture: str) -> dict[str, Exercise]:
    """The exercises of one lecture ("1" for 1.1, 1.2 ...), built on first use from the data."""
    if lecture not in _BUILT:
        if lecture not in course.exercise_modules():
            return {}
        module = importlib.import_module(f".lecture{lecture}", __name__)
        _BUILT[lecture] = {ex.exercise_id: ex for ex in module.build()}
    return _BUILT[lecture]


def exercises() -> dict[str, Exercise]:
    """All exercises by id."""
    return {k: ex for lecture in course.exercise_modules() for k, ex in lecture_exercises(lecture).items()}


def lecture_of(assignment: str) -> str:
    """The lecture of an assignment: '01_sources_of_accumulation' -> '1' (its exercises are 1.1, 1.2 ...), from
    course.yml; '' for a name the course does not have."""
    unit = course.unit(str(assignment))
    return (unit.exercise_prefix or "") if unit else ""


def assignment_exercises(assignment: str) -> dict[str, Exercise]:
    """The exercises of one assignment (a notebook name in exercises/)."""
    return lecture_exercises(lecture_of(assignment))


def _exercise(exercise_id: str) -> Exercise | None:
    return lecture_exercises(str(exercise_id).split(".", 1)[0]).get(exercise_id)


def part_feedback(part: Part, answer, attempt: int = 1) -> Feedback:
    """A part's feedback; a wrong answer carries hint number ``attempt`` (the last one once they run out)."""
    return _with_hint(safely(part.checker, answer), part, attempt)


def _with_hint(fb: Feedback, part: Part, attempt: int) -> Feedback:
    if fb.status == "wrong" and part.hints:
        stage = min(max(attempt, 1), len(part.hints))
        fb.message = f"{fb.message} Hint {stage} of {len(part.hints)}: {part.hints[stage - 1]}"
    return fb


def feedback(exercise_id: str, *answers) -> list[Feedback]:
    """Feedback for each part of an exercise, in order, with the first hint (no attempts counted)."""
    ex = _exercise(exercise_id)
    if ex is None:
        return [Feedback("invalid", f"There is no exercise {exercise_id!r}.")]
    if len(answers) != len(ex.parts):
        names = ", ".join(p.variable for p in ex.parts)
        return [Feedback("invalid", f"Exercise {exercise_id} expects {len(ex.parts)} answer(s): {names}.")]
    return [part_feedback(part, answer) for part, answer in zip(ex.parts, answers)]


def check(exercise_id: str, *answers) -> None:
    """Print instant feedback for an exercise (one line per answer). Never raises.

    Each wrong answer to a part counts as an attempt and brings the next hint.
    """
    ex = _exercise(exercise_id)
    if ex is None or len(answers) != len(ex.parts):
        for fb in feedback(exercise_id, *answers):  # the message that says what is wrong with the call
            print(fb)
        return
    for part, answer in zip(ex.parts, answers):
        fb = safely(part.checker, answer)
        if fb.status == "wrong":
            _ATTEMPTS[(exercise_id, part.variable)] += 1
            fb = _with_hint(fb, part, _ATTEMPTS[(exercise_id, part.variable)])
        label = f"{part.variable}: " if len(ex.parts) > 1 else ""
        print(f"{label}{fb}")


def reset_attempts() -> None:
    """Forget every attempt (as a kernel restart does)."""
    _ATTEMPTS.clear()
