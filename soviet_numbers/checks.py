"""Exercise checks with instant feedback, and never a traceback.

Each check returns a :class:`Feedback` (status + message). ``status`` is one of

- ``correct``     the answer is right (at the precision the exercise states)
- ``wrong``       the answer has the right type but another value: the message is a hint that teaches
- ``unanswered``  the student has not answered yet (``None`` or ``...``): a friendly note
- ``invalid``     the answer has the wrong type (text, NaN, a list, a DataFrame ...): a clear message
- ``recorded``    a written answer was saved; written answers are never auto-scored as correct

The grader adds two of its own: ``error`` (a submission could not be run) and ``note`` (a remark on a run).

**No answer key here.** A check never holds the answer. It holds a *key*: for a number, a salted digest of the
answer normalised at its stated precision (``decimals``), plus digests of the usual mistakes that earn a tailored
hint; for a choice or True/False, a digest of the right word. The student's answer is normalised the same way and
compared digest to digest (see CONTRIBUTING.md, "No answer key in the student's copy").

**Precision policy.** A numeric part states its precision ("to one decimal", "a whole number"). Every answer within
half a unit of the last stated digit of the rounded answer is accepted, so is anything more precise that rounds to
it, and the value "Correct" displays is the rounded answer itself.
"""

from __future__ import annotations

import hashlib
import math
import numbers
import re
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


# --- digests ---------------------------------------------------------------------------------------------------------


def digest(salt: str, token: str) -> str:
    """A salted digest of one normalised answer (a short hex string)."""
    return hashlib.blake2b(f"{salt}|{token}".encode(), digest_size=10).hexdigest()


def number_token(k: int) -> str:
    return f"n{k}"


def scaled(x: float, decimals: int) -> int:
    """``x`` normalised at ``decimals``: the integer count of units of its last stated digit (rounded)."""
    return int(round(x * 10**decimals))


def candidates(x: float, decimals: int) -> list[int]:
    """Every rounded value (in units of the last stated digit) within half a unit of ``x``: one, or two on a tie."""
    y = x * 10**decimals
    if not math.isfinite(y) or abs(y) > 1e15:  # beyond any answer of the course (and of float's exact integers)
        return []
    eps = min(0.25, 1e-9 * max(1.0, abs(y)))  # float error only: never widens the interval past a neighbour
    return list(range(math.ceil(y - 0.5 - eps), math.floor(y + 0.5 + eps) + 1))


def precision_words(decimals: int) -> str:
    """How precise an answer must be, in words ("to one decimal", "a whole number")."""
    return {0: "a whole number", 1: "to one decimal", 2: "to two decimals", 3: "to three decimals"}.get(
        decimals, f"to {decimals} decimals"
    )


def _fmt(k: int, decimals: int) -> str:
    return f"{k / 10**decimals:,.{decimals}f}"


# --- answers that are not the kind asked for -------------------------------------------------------------------------


def _unanswered(answer) -> bool:
    return answer is None or answer is Ellipsis


def _short(text: str, limit: int = 40) -> str:
    """A quoted answer, cut short: a 100 kB string must not come back as a 100 kB message."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"... ({len(text):,} characters)"


def _is_numpy_bool(answer) -> bool:
    return type(answer).__module__ == "numpy" and type(answer).__name__ in ("bool_", "bool")


def _is_bool(answer) -> bool:
    """True, False, or numpy's True/False (what ``figs.loc[...] == ...`` gives)."""
    return isinstance(answer, bool) or _is_numpy_bool(answer)


_KIND_WORDS = {
    "int": "whole number (int)",
    "float": "number (float)",
    "str": "text (str)",
    "NoneType": "None",
}


def a_kind(answer) -> str:
    """'a whole number (int)', 'an object' ...: the type of ``answer`` with its article."""
    name = _KIND_WORDS.get(type(answer).__name__, type(answer).__name__)
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _type_problem(answer, what: str) -> str | None:
    """Explain, in plain words, why ``answer`` is not a single number."""
    kind = type(answer).__name__
    if _is_bool(answer):
        return f"You gave True/False, but this asks for {what}. Write the number itself."
    if isinstance(answer, str):
        text = answer.strip().replace("%", "").strip()
        if re.fullmatch(r"-?\d+,\d{1,2}", text):  # '294,5': a decimal comma
            point = text.replace(",", ".")
            return (
                f"You gave the number as text with a decimal comma ({_short(answer)}). Python writes decimals with a "
                f"point and no quotes: write {point}."
            )
        stripped = text.replace(",", "")
        try:
            float(stripped)
        except ValueError:
            return f"You gave text ({_short(answer)}), but this asks for {what}. Write a number, without quotes."
        return (
            f"You gave the number as text ({_short(answer)}). Remove the quotes (and any % sign or thousands "
            f"commas): write {stripped} rather than {_short(answer)}."
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
        return f"You gave {a_kind(answer)} of values, but this asks for {what}. Give one number."
    if not isinstance(answer, numbers.Real):
        return f"You gave {a_kind(answer)}, but this asks for {what}. Give one number (int or float)."
    if math.isnan(float(answer)):
        return (
            "Your answer is NaN ('not a number'): usually a calculation used a missing value. "
            "Check each input of your formula."
        )
    if math.isinf(float(answer)):
        return "Your answer is infinite: did you divide by zero?"
    return None


# --- numbers ---------------------------------------------------------------------------------------------------------


def _per_cent(key: dict) -> bool:
    return "%" in key.get("unit", "") or "per cent" in key.get("what", "")


def _slips(key: dict) -> list[tuple[str, object]]:
    """The common slips that are undone and compared with the answer's own digest: (message, undo)."""
    too_large_100 = (
        "Your number is 100 times too large: it looks multiplied by 100 twice (a per cent is × 100 once)."
        if _per_cent(key)
        else f"Your number is 100 times too large: the question asks for {key['what']}, not per cent."
    )
    return [
        ("The size is right but the sign is not: a fall is a negative change, a rise a positive one.", lambda x: -x),
        ("Your number is 100 times too small: the question asks for per cent, not a fraction.", lambda x: x * 100),
        (too_large_100, lambda x: x / 100),
        (
            "Your number is 1,000 times too small: check the units (thousands, millions, billions).",
            lambda x: x * 1_000,
        ),
        (
            "Your number is 1,000 times too large: check the units (thousands, millions, billions).",
            lambda x: x / 1_000,
        ),
        ("Your number is a million times too small: check the units (millions, not single units).", lambda x: x * 1e6),
        ("Your number is a million times too large: check the units (millions, not single units).", lambda x: x / 1e6),
        ("You divided the wrong way round: put the later (or the part) value on top.", lambda x: 1 / x if x else x),
    ]


def _matches(key: dict, x: float, digests) -> int | None:
    """The rounding of ``x`` (in units of the last stated digit) whose digest is among ``digests``, if any."""
    wanted = {digests} if isinstance(digests, str) else set(digests)
    for k in candidates(x, key["decimals"]):
        if digest(key["salt"], number_token(k)) in wanted:
            return k
    return None


def check_keyed_number(answer, key: dict) -> Feedback:
    """Check a numeric answer against its key (digests only: the key never holds the answer)."""
    precision = precision_words(key["decimals"])
    what = key["what"] if precision in key["what"] else f"{key['what']}, {precision}"
    if _unanswered(answer):
        return Feedback(
            "unanswered", f"Not answered yet: replace None with your answer ({what}) and run this cell again."
        )
    problem = _type_problem(answer, what)
    if problem:
        return Feedback("invalid", problem)
    x = float(answer)
    unit_s = f" {key['unit']}" if key.get("unit") else ""
    d = key["decimals"]
    k = _matches(key, x, key["digests"])
    if k is not None:
        return Feedback("correct", f"Correct: {_fmt(k, d)}{unit_s}.", {"answer": x})
    slips = []
    for message, digest_of_mistake in key.get("mistakes", ()):
        if _matches(key, x, digest_of_mistake) is not None:
            slips.append(message)
            break
    if not slips:
        for message, undo in _slips(key):
            if _matches(key, undo(x), key["digests"]) is not None:
                slips.append(message)
                break
    shown = f"{x:,.{max(d, 6)}f}".rstrip("0").rstrip(".") if x != round(x, d) else f"{x:,.{d}f}"
    # A plain wrong value: say so, and restate what is asked, without suggesting the format was at fault.
    message = " ".join(slips) or f"That is not what the figures give. The question asks for {what}."
    return Feedback("wrong", f"Not yet: you gave {shown}{unit_s}. {message}", {"answer": x})


def number_key(expected: float, *, salt: str, what: str, unit: str = "", decimals: int = 1, mistakes=()) -> dict:
    """The key of a numeric part: ``mistakes`` are (value, message) pairs, each stored as a digest."""
    right = candidates(expected, decimals)  # one rounding, or both on a tie (3.25 -> 3.2 and 3.3)
    known = set(right)
    stored = []
    for value, message in mistakes:
        k = scaled(value, decimals)
        if k not in known:  # a mistake that rounds to the answer is no mistake
            known.add(k)
            stored.append((message, digest(salt, number_token(k))))
    return {
        "kind": "number",
        "salt": salt,
        "what": what,
        "unit": unit,
        "decimals": decimals,
        "digests": [digest(salt, number_token(k)) for k in right],
        "mistakes": stored,
    }


def check_number(
    answer, expected: float, *, what: str = "a number", unit: str = "", decimals: int = 1, mistakes=()
) -> Feedback:
    """Check a number against ``expected`` at ``decimals`` (instructor side: builds the key, then checks by it)."""
    return check_keyed_number(
        answer, number_key(expected, salt="check", what=what, unit=unit, decimals=decimals, mistakes=mistakes)
    )


# --- words, True/False, written answers -------------------------------------------------------------------------------


def choice_key(expected: str, options, *, salt: str) -> dict:
    return {"kind": "choice", "salt": salt, "options": list(options), "digest": digest(salt, expected.strip().lower())}


def check_keyed_choice(answer, key: dict) -> Feedback:
    """Check an answer that must be one of a few words (e.g. "rose" / "fell")."""
    options = key["options"]
    choices = ", ".join(repr(o) for o in options)
    if _unanswered(answer):
        return Feedback("unanswered", f"Not answered yet: replace None with one of {choices}.")
    if not isinstance(answer, str):
        return Feedback("invalid", f"You gave {a_kind(answer)}; write one of {choices}, in quotes.")
    a = answer.strip().lower()
    if a not in [o.lower() for o in options]:
        return Feedback("invalid", f"{_short(answer)} is not one of the options. Write one of {choices}.")
    if digest(key["salt"], a) == key["digest"]:
        right = next(o for o in options if o.lower() == a)
        return Feedback("correct", f"Correct: {right!r}.")
    return Feedback("wrong", f"Not yet: {_short(answer)} is not what the numbers show.")


def check_choice(answer, expected: str, options, *, hint: str = "") -> Feedback:
    fb = check_keyed_choice(answer, choice_key(expected, options, salt="check"))
    if hint and fb.status == "wrong":
        fb.message += f" Hint: {hint}"
    return fb


def bool_key(expected: bool, *, salt: str) -> dict:
    return {"kind": "bool", "salt": salt, "digest": digest(salt, str(bool(expected)))}


def check_keyed_bool(answer, key: dict) -> Feedback:
    """Check a True/False answer (Python's or numpy's True/False)."""
    if _unanswered(answer):
        return Feedback("unanswered", "Not answered yet: replace None with True or False (no quotes).")
    if isinstance(answer, str) and answer.strip().lower() in ("true", "false"):
        return Feedback("invalid", f"You wrote {_short(answer)} as text. Write True or False without quotes.")
    if not _is_bool(answer):
        return Feedback("invalid", f"You gave {a_kind(answer)}; write True or False (no quotes).")
    given = bool(answer)
    if digest(key["salt"], str(given)) == key["digest"]:
        return Feedback("correct", f"Correct: {given}.")
    return Feedback("wrong", f"Not yet: {given} is not what the numbers show.")


def check_bool(answer, expected: bool, *, hint: str = "") -> Feedback:
    fb = check_keyed_bool(answer, bool_key(expected, salt="check"))
    if hint and fb.status == "wrong":
        fb.message += f" Hint: {hint}"
    return fb


def check_text(
    answer, *, self_check: tuple[str, ...] = (), min_words: int = 40, max_words: int = 250, length: str = ""
) -> Feedback:
    """Record a written answer. Never a verdict on its content: only its length, and the same self-check list for
    every text (the questions a strong answer answers). The instructor's rubric stays with the grader."""
    if _unanswered(answer) or (isinstance(answer, str) and not answer.strip()):
        return Feedback("unanswered", "Not answered yet: write your answer between the quotes and run this cell.")
    if not isinstance(answer, str):
        return Feedback("invalid", f"You gave {a_kind(answer)}; write your answer as text between quotes.")
    words = len(answer.split())
    asked = f"{length} (about {min_words}-{max_words} words)" if length else f"{min_words}-{max_words} words"
    parts = [f"Saved ({words} words). Your instructor reads and grades written answers; there is no automatic ✓."]
    if words < min_words:
        parts.append(f"It is short: the exercise asks for {asked}.")
    elif words > max_words:
        parts.append(f"It is long: the exercise asks for {asked}; cut what does not support your point.")
    if self_check:
        parts.append("Before you hand it in, check that your answer: " + "; ".join(self_check) + ".")
    return Feedback("recorded", " ".join(parts), {"words": words})


def check_keyed_text(answer, key: dict) -> Feedback:
    return check_text(
        answer,
        self_check=tuple(key.get("self_check", ())),
        min_words=key.get("min_words", 40),
        max_words=key.get("max_words", 250),
        length=key.get("length", ""),
    )


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
