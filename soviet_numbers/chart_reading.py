"""Read a finished chart back: what it plots, value by value, with each value's kind as tagged when it was drawn.

:func:`read_chart` is the one reader of a matplotlib figure. The chart's text alternative
(:mod:`soviet_numbers.chart_text`) and the chart exercise's check (:mod:`soviet_numbers.chart_checks`) both use it,
so the alt text and the check can never disagree about what a bar is. The kind of a bar or a line is the tag
:func:`soviet_numbers.kinds.tag` gave it when it was drawn (``charts.bars``, ``charts.points``), never a guess from
its colour or hatching. Reading draws nothing, so it costs almost no time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .citations import SOURCE_PREFIX
from .kinds import kind_of


@dataclass
class Row:
    panel: str  # the panel's title ("" for a one-panel chart)
    item: str  # the category, or the year of a point
    series: str  # the legend label, if any
    value: str  # as the chart shows it
    unit: str
    kind: str  # a kind (kinds.KINDS), or "" for an untagged artist
    number: float = math.nan  # the plotted value
    bar: bool = True  # a bar (False: a point of a line)


@dataclass
class Reading:
    title: str
    point: str = ""  # what the chart shows, in one sentence (charts.show's point=, or set_point)
    panels: int = 1
    rows: list[Row] = field(default_factory=list)
    source: str = ""
    texts: tuple[str, ...] = ()  # the figure's own texts (the source line among them)
    axis_labels: str = ""  # every axes' y and x labels, joined

    @property
    def bars(self) -> list[Row]:
        return [r for r in self.rows if r.bar]


POINT_ATTRIBUTE = "course_point"  # where charts.set_point keeps a chart's point on its figure


def clean(text) -> str:
    return " ".join(str(text).replace("-\n", "-").split())


def number(value: float) -> str:
    """A plotted value as a reader would say it: 1,234 / 12.5 / 0.43."""
    if not math.isfinite(value):
        return "no value"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:.3g}"


def _tick_names(axis) -> tuple[list[float], list[str]]:
    """An axis's tick positions and labels, without drawing the figure."""
    ticks = list(axis.get_majorticklocs())
    labels = [clean(t) for t in axis.get_major_formatter().format_ticks(ticks)]
    return ticks, labels


def _nearest(position: float, ticks: list[float], labels: list[str]) -> str:
    if not ticks:
        return number(position)
    i = min(range(len(ticks)), key=lambda k: abs(ticks[k] - position))
    return labels[i] if abs(ticks[i] - position) <= 0.45 else number(position)


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "").replace("−", "-").replace("×", ""))
    except ValueError:
        return False
    return True


def _bar_rows(ax, panel: str, unit_y: str, unit_x: str) -> list[Row]:
    from matplotlib.container import BarContainer

    rows = []
    categories = {}  # the category axis's ticks, read once per orientation (charts.bars makes a container a bar)
    for container in ax.containers:
        if not isinstance(container, BarContainer):
            continue
        series = container.get_label() or ""
        series = "" if series.startswith("_") else clean(series)
        vertical = getattr(container, "orientation", "vertical") != "horizontal"
        if vertical not in categories:
            categories[vertical] = _tick_names(ax.xaxis if vertical else ax.yaxis)
        ticks, names = categories[vertical]
        for patch in container.patches:
            if vertical:
                centre, value = patch.get_x() + patch.get_width() / 2, patch.get_height()
            else:
                centre, value = patch.get_y() + patch.get_height() / 2, patch.get_width()
            if not value:
                continue
            kind = kind_of(patch)
            shown = clean(getattr(patch, "course_label", None) or number(value))
            if kind == "bound" and not any(w in shown.lower() for w in ("over", "more", "at least", "almost", "about")):
                shown = f"at least {shown}"
            unit = unit_y if vertical else unit_x
            rows.append(Row(panel, _nearest(centre, ticks, names), series, shown, unit, kind, float(value)))
    return rows


def _line_rows(ax, panel: str, unit: str) -> list[Row]:
    rows = []
    ticks, names = _tick_names(ax.xaxis)
    categorical = any(not _is_number(n) for n in names)
    for line in ax.lines:
        label = line.get_label()
        if label.startswith("_"):  # reference lines (axhline, axvline) carry no data
            continue
        kind = kind_of(line)
        for x, y in zip(line.get_xdata(), line.get_ydata()):
            if y is None or not math.isfinite(float(y)):
                continue
            item = _nearest(float(x), ticks, names) if categorical else number(float(x)).replace(",", "")
            rows.append(Row(panel, item, clean(label), number(float(y)), unit, kind, float(y), bar=False))
    return rows


def read_chart(fig) -> Reading:
    """What a finished chart plots (call it after :func:`charts.source_line`)."""
    axes = [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]
    titles = [clean(ax.get_title()) for ax in axes]
    title = clean(fig.get_suptitle()) or next((t for t in titles if t), "untitled chart")
    texts = tuple(t.get_text() for t in fig.texts)
    source = next((clean(t) for t in texts if t.startswith(SOURCE_PREFIX)), "")
    reading = Reading(
        title,
        point=clean(getattr(fig, POINT_ATTRIBUTE, "") or ""),
        panels=len(axes),
        source=source,
        texts=texts,
        axis_labels=" ".join(f"{ax.get_ylabel()} {ax.get_xlabel()}" for ax in axes),
    )
    for ax, panel in zip(axes, titles):
        panel = "" if panel == title else panel
        unit_y, unit_x = clean(ax.get_ylabel()), clean(ax.get_xlabel())
        reading.rows += _bar_rows(ax, panel, unit_y, unit_x) + _line_rows(ax, panel, unit_y)
    return reading
