"""The building blocks of an exercise (instructor side): parts of each kind, with their expected answer, stated
precision, staged hints and the common mistakes that earn a tailored hint. Expected answers are computed from
``data/`` by each lecture's module, never typed in.

A part's *key* (:meth:`Part.key`) is what a student's copy holds instead: salted digests of the answer normalised at
its stated precision and of its common mistakes, with the hints and the words of the question, never the answer.
The instructor's checker is the student's checker applied to that key, so both always agree.

Hints come in three stages, shown one more each time a student gives a wrong answer:

1. what quantity is asked, and in what unit;
2. which figures (ids) to use, and the usual trap (units, years, direction);
3. the method, written with symbols.

A hint never shows the number; ``tests/test_exercises.py`` checks that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from ..chart_checks import check_chart
from ..checks import (
    Feedback,
    bool_key,
    check_keyed_bool,
    check_keyed_choice,
    check_keyed_number,
    check_keyed_text,
    choice_key,
    digest,
    number_key,
    number_token,
    precision_words,
    scaled,
)


def check_keyed(answer, key: dict) -> Feedback:
    """Check ``answer`` against one part's key, whatever its kind (the one dispatcher, student and instructor side)."""
    kind = key["kind"]
    if kind == "number":
        return check_keyed_number(answer, key)
    if kind == "choice":
        return check_keyed_choice(answer, key)
    if kind == "bool":
        return check_keyed_bool(answer, key)
    if kind == "text":
        return check_keyed_text(answer, key)
    if kind == "chart":
        return check_chart(answer, spec=key)
    return Feedback("invalid", f"This part cannot be checked here (unknown kind {kind!r}).")


INSTRUCTOR_SALT = "class"  # the class version's salt; released per-student copies get a secret one each


@dataclass(frozen=True)
class Part:
    variable: str
    kind: str  # number, choice, bool, text, chart
    hints: tuple[str, ...] = ()
    points: float = 1.0
    expected: object = None  # the answer (None for written answers); never in a student's copy
    spec: dict = field(default_factory=dict)  # the public words of the question: what, unit, decimals, options ...
    mistakes: tuple[tuple[float, str], ...] = ()  # (value, message): common mistakes, each with its own hint
    rubric: tuple[str, ...] = ()  # written answers: what the instructor looks for (never shown to students)

    @property
    def decimals(self) -> int | None:
        return self.spec.get("decimals") if self.kind == "number" else None

    def key(self, salt: str = INSTRUCTOR_SALT) -> dict:
        """What a student's copy holds for this part: digests, hints and the question's words, never the answer."""
        salt = f"{salt}/{self.variable}"
        if self.kind == "number":
            key = number_key(self.expected, salt=salt, mistakes=self.mistakes, **self.spec)
        elif self.kind == "choice":
            key = choice_key(self.expected, self.spec["options"], salt=salt)
        elif self.kind == "bool":
            key = bool_key(self.expected, salt=salt)
        elif self.kind == "chart":
            d = self.spec["decimals"]
            values = [digest(salt, number_token(scaled(v, d))) for v in self.expected]
            key = {"kind": "chart", "salt": salt, "values": values, **self.spec}
        else:
            key = {"kind": "text", **self.spec}
        return {"variable": self.variable, "hints": list(self.hints), "points": self.points, **key}

    @property
    def checker(self):
        return partial(check_keyed, key=self.key())

    def accepts(self, x: float) -> bool:
        """Would the check accept this number?"""
        return check_keyed_number(x, self.key()).status == "correct"


@dataclass(frozen=True)
class Exercise:
    exercise_id: str
    title: str
    parts: tuple[Part, ...]

    @property
    def written(self) -> bool:
        return any(part.rubric for part in self.parts)

    def key(self, salt: str = INSTRUCTOR_SALT) -> dict:
        return {"title": self.title, "parts": [p.key(f"{salt}/{self.exercise_id}") for p in self.parts]}


def exercise(exercise_id: str, title: str, *parts: Part) -> Exercise:
    return Exercise(exercise_id, title, parts)


def number(
    variable: str,
    expected: float,
    *,
    what: str,
    unit: str = "",
    decimals: int = 1,
    hints: tuple[str, str, str],
    mistakes: tuple[tuple[float, str], ...] = (),
) -> Part:
    """A numeric answer, stated to ``decimals`` decimals (0: a whole number); right within half a unit of the last
    stated digit of the rounded answer."""
    return Part(
        variable,
        "number",
        hints,
        expected=float(expected),
        spec={"what": what, "unit": unit, "decimals": decimals},
        mistakes=tuple((float(v), m) for v, m in mistakes),
    )


def growth_mistakes(multiple: float | None, years: int | None) -> tuple[tuple[float, str], ...]:
    """The usual mistakes of a compound growth rate: a wrong count of years, no compounding, the total growth."""
    if multiple is None or not years:
        return ()
    out = [((multiple - 1) * 100, "That is the growth over the whole period; the question asks per year.")]
    out.append(((multiple - 1) * 100 / years, "Dividing the total growth by the years ignores compounding."))
    for n in (years - 1, years + 1):
        if n > 0:
            out.append(((multiple ** (1 / n) - 1) * 100, "Check the count of years between the two dates."))
    return tuple(out)


def growth_rate(variable: str, expected: float, *, decimals: int = 1, multiple=None, years=None, hints) -> Part:
    """A compound average growth rate, in per cent a year; ``multiple`` and ``years`` give the usual mistakes."""
    return number(
        variable,
        expected,
        what="a growth rate in per cent a year",
        unit="% a year",
        decimals=decimals,
        hints=hints,
        mistakes=growth_mistakes(multiple, years),
    )


def per_cent_change(variable: str, expected: float, *, decimals: int = 1, points_change=None, hints) -> Part:
    """A per cent change (negative for a fall); ``points_change``: the difference in points, a usual mistake."""
    mistakes = (
        ((points_change, "That is the difference in percentage points; the question asks for the per cent change."),)
        if points_change is not None
        else ()
    )
    return number(
        variable, expected, what="a per cent change", unit="%", decimals=decimals, hints=hints, mistakes=mistakes
    )


def times(variable: str, expected: float, *, decimals: int = 1, hints) -> Part:
    """A multiple: how many times larger the end is than the start."""
    return number(variable, expected, what="a multiple", unit="times", decimals=decimals, hints=hints)


def choice(variable: str, expected: str, options: tuple[str, ...], *, hints: tuple[str, str, str]) -> Part:
    """One of a few words, in quotes."""
    return Part(variable, "choice", hints, expected=expected, spec={"options": list(options)})


def boolean(variable: str, expected: bool, *, hints: tuple[str, str, str]) -> Part:
    """True or False."""
    return Part(variable, "bool", hints, expected=bool(expected))


def written(
    variable: str,
    *,
    self_check: tuple[str, ...],
    rubric: tuple[str, ...],
    min_words: int = 40,
    max_words: int = 250,
    length: str = "",
) -> Part:
    """A written answer: saved and counted, never judged; the same self-check list for every text. ``length``: the
    length the prompt asks for, in its own words ("4 to 6 sentences"), repeated by the feedback."""
    spec = {"self_check": list(self_check), "min_words": min_words, "max_words": max_words, "length": length}
    return Part(variable, "text", points=0, spec=spec, rubric=rubric)


def chart(variable: str, spec: dict, *, hints: tuple[str, str, str]) -> Part:
    """A chart the student draws with the course's helpers; the check inspects the returned figure. ``spec``:
    ``values`` (compared at one decimal), ``kinds`` and ``unit_words``."""
    public = {"kinds": list(spec["kinds"]), "unit_words": list(spec["unit_words"]), "decimals": 1}
    return Part(variable, "chart", hints, expected=tuple(float(v) for v in spec["values"]), spec=public)


__all__ = ["Feedback", "Part", "Exercise", "precision_words"]
