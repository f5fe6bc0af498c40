"""The building blocks of an exercise: parts of each kind, with their checker, staged hints and (for the transfer
test) their expected answer. Expected answers are computed from ``data/`` by each lecture's module, never typed in.

Hints come in three stages, shown one more each time a student gives a wrong answer:

1. what quantity is asked, and in what unit;
2. which figures (ids) to use, and the usual trap (units, years, direction);
3. the method, written with symbols.

A hint never shows the number; ``tests/test_exercises.py`` checks that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ..checks import Feedback, check_bool, check_choice, check_number, check_text


@dataclass(frozen=True)
class Part:
    variable: str
    checker: Callable[[object], Feedback]
    hints: tuple[str, ...] = ()
    points: float = 1.0
    expected: object = None  # the answer, for the transfer test (None for written answers and charts)
    accepts: Callable[[float], bool] | None = None  # for numbers: would the checker accept this value?
    rubric: tuple[str, ...] = ()  # written answers: what the instructor looks for (never shown to students)


@dataclass(frozen=True)
class Exercise:
    exercise_id: str
    title: str
    parts: tuple[Part, ...]

    @property
    def written(self) -> bool:
        return any(part.rubric for part in self.parts)


def exercise(exercise_id: str, title: str, *parts: Part) -> Exercise:
    return Exercise(exercise_id, title, parts)


def number(
    variable: str,
    expected: float,
    *,
    what: str,
    unit: str = "",
    rel_tol: float = 0.01,
    abs_tol: float = 0.0,
    decimals: int = 2,
    hints: tuple[str, str, str],
) -> Part:
    """A numeric answer, right within ``rel_tol`` (relative) or ``abs_tol`` (absolute)."""
    import math

    checker = partial(
        check_number, expected=expected, what=what, unit=unit, rel_tol=rel_tol, abs_tol=abs_tol, decimals=decimals
    )
    return Part(
        variable,
        checker,
        hints,
        expected=expected,
        accepts=lambda x: math.isclose(x, expected, rel_tol=rel_tol, abs_tol=abs_tol),
    )


def growth_rate(
    variable: str, expected: float, *, rel_tol: float = 0.005, abs_tol: float = 0.0, decimals: int = 1, hints
) -> Part:
    """A compound average growth rate, in per cent a year."""
    return number(
        variable,
        expected,
        what="a growth rate in per cent a year",
        unit="% a year",
        rel_tol=rel_tol,
        abs_tol=abs_tol,
        decimals=decimals,
        hints=hints,
    )


def per_cent_change(variable: str, expected: float, *, rel_tol: float = 0.005, hints) -> Part:
    """A per cent change (negative for a fall)."""
    return number(variable, expected, what="a per cent change", unit="%", rel_tol=rel_tol, decimals=1, hints=hints)


def times(variable: str, expected: float, *, rel_tol: float = 0.005, hints) -> Part:
    """A multiple: how many times larger the end is than the start."""
    return number(variable, expected, what="a multiple", unit="times", rel_tol=rel_tol, hints=hints)


def choice(variable: str, expected: str, options: tuple[str, ...], *, hints: tuple[str, str, str]) -> Part:
    """One of a few words, in quotes."""
    return Part(variable, partial(check_choice, expected=expected, options=options), hints, expected=expected)


def boolean(variable: str, expected: bool, *, hints: tuple[str, str, str]) -> Part:
    """True or False."""
    return Part(variable, partial(check_bool, expected=expected), hints, expected=expected)


def written(variable: str, *, self_check: tuple[str, ...], rubric: tuple[str, ...], min_words: int = 40) -> Part:
    """A written answer: saved and counted, never judged; the same self-check list for every text."""
    return Part(variable, partial(check_text, self_check=self_check, min_words=min_words), points=0, rubric=rubric)


def chart(variable: str, spec: dict, *, hints: tuple[str, str, str]) -> Part:
    """A chart the student draws with the course's helpers; the check inspects the returned figure."""
    from ..chart_checks import check_chart

    return Part(variable, partial(check_chart, spec=spec), hints)
