"""Check a chart a student drew: the right values, units on the value axis, a source line, derived values marked.

The student returns the matplotlib figure (``fig`` from ``fig, ax = charts.new_chart(...)``). The check reads a
:class:`ChartSummary` of it with :func:`chart_reading.read_chart`, the reader the chart's alt text uses: every bar's
height and the kind it was tagged with when drawn (``charts.bars(..., kinds)``), the axis labels and the figure's
texts. The grader checks the same summary read back from a submission's kernel. It never shows the expected values.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .checks import Feedback, _unanswered, candidates, digest, number_token
from .citations import SOURCE_PREFIX
from .kinds import KINDS


@dataclass(frozen=True)
class ChartSummary:
    bars: tuple[tuple[float, str], ...]  # (height, kind) of every bar; kind "" if the bar was not tagged
    axis_labels: str  # every axes' x and y label, joined
    texts: tuple[str, ...]  # the figure's own texts (the source line among them)


def _is_figure(answer) -> bool:
    return any(cls.__name__ == "Figure" and cls.__module__.startswith("matplotlib") for cls in type(answer).__mro__)


def summarise(fig) -> ChartSummary:
    """What the check needs from a matplotlib figure (read by :func:`chart_reading.read_chart`)."""
    from .chart_reading import read_chart

    reading = read_chart(fig)
    bars = tuple((abs(row.number), row.kind) for row in reading.bars)
    return ChartSummary(bars, reading.axis_labels, reading.texts)


def _drawn_as(kind: str) -> str:
    return f"the kind '{kind}'" if kind in KINDS else "no kind (draw it with charts.bars and its kind)"


def _bar_is(height: float, value, spec: dict) -> bool:
    """A bar has the asked value: by digest at the key's precision (a student key), or within 1% (a plain spec)."""
    if "salt" in spec:
        return any(digest(spec["salt"], number_token(k)) == value for k in candidates(height, spec["decimals"]))
    return math.isclose(height, value, rel_tol=0.01)


def check_chart(answer, *, spec: dict) -> Feedback:
    """``spec``: ``values`` and ``kinds`` (one per bar), ``unit_words`` (all must be in the value axis label)."""
    if _unanswered(answer):
        return Feedback("unanswered", "Not answered yet: draw the chart, then give its figure (fig) instead of None.")
    if _is_figure(answer):
        answer = summarise(answer)
    if not isinstance(answer, ChartSummary):
        kind = type(answer).__name__
        if kind.endswith("Axes"):
            return Feedback(
                "invalid", "You gave the axes (ax). Give the figure instead: fig, from fig, ax = charts.new_chart(...)."
            )
        return Feedback(
            "invalid",
            f"You gave a {kind}, but this asks for a chart: the figure (fig) from fig, ax = charts.new_chart(...).",
        )
    problems = []
    expected = list(spec["values"])
    if len(answer.bars) != len(expected):
        problems.append(f"the chart has {len(answer.bars)} bar(s); the exercise asks for {len(expected)}")
    for value, kind in zip(expected, spec["kinds"]):
        bar = next((b for b in answer.bars if _bar_is(b[0], value, spec)), None)
        if bar is None:
            problems.append("at least one bar does not have a value the exercise asks for (check the figure ids)")
        elif bar[1] != kind and not (kind == "official" and bar[1] == ""):  # a plain bar reads as official
            what = "a derived value" if kind == "derived" else f"a value of the kind '{kind}'"
            problems.append(f"{what} is drawn with {_drawn_as(bar[1])}: give it the kind '{kind}'")
    if not all(word.lower() in answer.axis_labels.lower() for word in spec["unit_words"]):
        problems.append("the value axis does not say the units (the units= argument of charts.bars)")
    if not any(t.startswith(SOURCE_PREFIX) for t in answer.texts):
        problems.append("there is no source line (charts.source_line)")
    if problems:
        return Feedback("wrong", "Not yet: " + "; ".join(dict.fromkeys(problems)) + ".")
    return Feedback("correct", "Correct: the right values, units, a source line, and the derived value marked.")
