"""Exercise checks with instant feedback, and never a traceback.

Each check returns a :class:`Feedback` (status + message). ``status`` is one of

- ``correct``     the answer is right (within the stated tolerance)
- ``wrong``       the answer has the right type but another value: the message is a hint that teaches
- ``unanswered``  the student has not answered yet (``None`` or ``...``): a friendly note
- ``invalid``     the answer has the wrong type (text, NaN, a list, a DataFrame ...): a clear message
- ``recorded``    a written answer was saved; written answers are never auto-scored as correct

The grader adds two of its own: ``error`` (a submission could not be run) and ``note`` (a remark on a run).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field

# Every answer status: its icon (feedback in a notebook) and its words (gradebook and feedback files).
STATUSES = {
    "correct": ("✓", "correct"),
    "wrong": ("✗", "wrong"),
    "unanswered": ("…", "not answered"),
    "invalid": ("⚠", "wrong type"),
    "recorded": ("✎", "written (for the instructor)"),
    "error": ("⚠", "error"),
    "note": ("", "note"),
    "regrade": ("↻", "regrade"),
    "marked": ("✎", "marked by the instructor"),
}


def status_label(status: str) -> str:
    """The status in words, as the gradebook and the feedback files print it."""
    return STATUSES.get(status, ("", status))[1]


@dataclass
class Feedback:
    status: str
    message: str
    details: dict = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        return f"{STATUSES.get(self.status, ('',))[0]} {self.message}"


def _unanswered(answer) -> bool:
    return answer is None or answer is Ellipsis


def _short(text: str, limit: int = 40) -> str:
    """A quoted answer, cut short: a 100 kB string must not come back as a 100 kB message."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"... ({len(text):,} characters)"


def _type_problem(answer, what: str) -> str | None:
    """Explain, in plain words, why ``answer`` is not a single number."""
    kind = type(answer).__name__
    if isinstance(answer, bool):
        return f"You gave True/False, but this asks for {what}. Write the number itself."
    if isinstance(answer, str):
        stripped = answer.replace(",", "").replace("%", "").strip()
        try:
            float(stripped)
        except ValueError:
            return f"You gave text ({_short(answer)}), but this asks for {what}. Write a number, without quotes."
        return (
            f"You gave the number as text ({_short(answer)}). Remove the quotes (and any % sign or commas): "
            f"write {stripped} rather than {_short(answer)}."
        )
    if kind in ("DataFrame",):
        return (
            f"You gave a whole table (a DataFrame), but this asks for {what}. "
            "Pick out one cell, e.g. with df.loc[row, column], and wrap it in float(...)."
        )
    if kind in ("Series", "Index", "ndarray"):
        return (
            f"You gave a column of values (a {kind}), but this asks for {what}. "
            "Pick out one value, e.g. with .iloc[0], and wrap it in float(...)."
        )
    if isinstance(answer, (list, tuple, set, dict)):
        return f"You gave a {kind} of values, but this asks for {what}. Give one number."
    if not isinstance(answer, numbers.Real):
        return f"You gave a {kind}, but this asks for {what}. Give one number (int or float)."
    if math.isnan(float(answer)):
        return (
            "Your answer is NaN ('not a number'): usually a calculation used a missing value. "
            "Check each input of your formula."
        )
    if math.isinf(float(answer)):
        return "Your answer is infinite: did you divide by zero?"
    return None


def _close(a: float, b: float, rel_tol: float, abs_tol: float) -> bool:
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)


def check_number(
    answer,
    expected: float,
    *,
    what: str = "a number",
    unit: str = "",
    rel_tol: float = 0.01,
    abs_tol: float = 0.0,
    hint: str = "",
    decimals: int = 2,
) -> Feedback:
    """Check a numeric answer. Common slips (per cent vs fraction, inverted ratio) get their own hint."""
    if _unanswered(answer):
        return Feedback("unanswered", f"Not answered yet: replace None with {what} and run this cell again.")
    problem = _type_problem(answer, what)
    if problem:
        return Feedback("invalid", problem)
    x = float(answer)
    unit_s = f" {unit}" if unit else ""
    if _close(x, expected, rel_tol, abs_tol):
        return Feedback("correct", f"Correct: {x:,.{decimals}f}{unit_s}.", {"answer": x})
    slips = []
    if expected and _close(-x, expected, rel_tol, abs_tol):
        slips.append("The size is right but the sign is not: a fall is a negative change, a rise a positive one.")
    elif expected and _close(x * 100, expected, rel_tol, abs_tol):
        slips.append("Your number is 100 times too small: the question asks for per cent, not a fraction.")
    elif expected and _close(x / 100, expected, rel_tol, abs_tol):
        slips.append(
            "Your number is 100 times too large: the question asks for a fraction or a multiple, not per cent."
        )
    elif x and expected and _close(1 / x, expected, rel_tol, abs_tol):
        slips.append("You divided the wrong way round: put the later (or the part) value on top.")
    elif _close(x, expected, 0.05, 0):
        slips.append("Close, but not within the tolerance: keep more decimals until the final step.")
    message = " ".join(slips + ([f"Hint: {hint}"] if hint else [])) or "Not quite."
    return Feedback("wrong", f"Not yet: you gave {x:,.{decimals}f}{unit_s}. {message}", {"answer": x})


def check_choice(answer, expected: str, options: list[str] | tuple[str, ...], *, hint: str = "") -> Feedback:
    """Check an answer that must be one of a few words (e.g. "rose" / "fell")."""
    choices = ", ".join(repr(o) for o in options)
    if _unanswered(answer):
        return Feedback("unanswered", f"Not answered yet: replace None with one of {choices}.")
    if not isinstance(answer, str):
        return Feedback("invalid", f"You gave a {type(answer).__name__}; write one of {choices}, in quotes.")
    a = answer.strip().lower()
    if a not in [o.lower() for o in options]:
        return Feedback("invalid", f"{_short(answer)} is not one of the options. Write one of {choices}.")
    if a == expected.lower():
        return Feedback("correct", f"Correct: {expected!r}.")
    return Feedback(
        "wrong", f"Not yet: {_short(answer)} is not what the numbers show. " + (f"Hint: {hint}" if hint else "")
    )


def check_bool(answer, expected: bool, *, hint: str = "") -> Feedback:
    """Check a True/False answer."""
    if _unanswered(answer):
        return Feedback("unanswered", "Not answered yet: replace None with True or False (no quotes).")
    if isinstance(answer, str) and answer.strip().lower() in ("true", "false"):
        return Feedback("invalid", f"You wrote {_short(answer)} as text. Write True or False without quotes.")
    if not isinstance(answer, bool):
        return Feedback("invalid", f"You gave a {type(answer).__name__}; write True or False (no quotes).")
    if answer is expected:
        return Feedback("correct", f"Correct: {expected}.")
    return Feedback("wrong", f"Not yet: {answer} is not what the numbers show. " + (f"Hint: {hint}" if hint else ""))


def check_text(answer, *, self_check: tuple[str, ...] = (), min_words: int = 40) -> Feedback:
    """Record a written answer. Never a verdict on its content: only its length, and the same self-check list for
    every text (the questions a strong answer answers). The instructor's rubric stays with the grader."""
    if _unanswered(answer) or (isinstance(answer, str) and not answer.strip()):
        return Feedback("unanswered", "Not answered yet: write your answer between the quotes and run this cell.")
    if not isinstance(answer, str):
        return Feedback("invalid", f"You gave a {type(answer).__name__}; write your answer as text between quotes.")
    words = len(answer.split())
    parts = [f"Saved ({words} words). Your instructor reads and grades written answers; there is no automatic ✓."]
    if words < min_words:
        parts.append(f"It is short: aim for at least {min_words} words (3-5 sentences).")
    if self_check:
        parts.append("Before you hand it in, check that your answer: " + "; ".join(self_check) + ".")
    return Feedback("recorded", " ".join(parts), {"words": words})


def safely(fn, *args, **kwargs) -> Feedback:
    """Run a check; if the checker itself fails, explain instead of showing a traceback."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - a student must never see a traceback from a check
        return Feedback(
            "invalid",
            f"This answer could not be checked ({type(exc).__name__}: {exc}). "
            "Make sure it is a single value of the kind the question asks for.",
        )
