"""A chart's text alternative, written from what the chart plots: an ``alt`` text and a table of its numbers.

:func:`describe` reads a finished matplotlib figure (its titles, value-axis labels, bars, points and lines) and
says what kind of chart it is, what it compares, every value with its unit, and which values are derived or
bounds (the kind is read from the bar's or line's style, :data:`charts.KIND_STYLE` / :data:`charts.LINE_STYLE`).
It draws nothing, so it costs almost no time. :func:`charts.show` stores the alt text in the notebook output's
image metadata (``{"image/png": {"alt": ...}}``, which myst-nb and the book read) and shows the table under the
chart in a collapsible "The numbers in this chart" box (which JupyterLab, whose image renderer ignores ``alt``,
shows to everyone).
"""

from __future__ import annotations

import base64
import html
import io
import math
from dataclasses import dataclass, field

from .citations import SOURCE_PREFIX

KIND_WORDS = {
    "official": "official claim",
    "derived": "derived, computed by the course",
    "bound": "not exact: over, almost or about",
    "external": "outside series",
}


@dataclass
class Row:
    panel: str  # the panel's title (or the chart's, for a one-panel chart)
    item: str  # the category, or the year of a point
    series: str  # the legend label, if any
    value: str  # as the chart shows it
    unit: str
    kind: str  # a key of KIND_WORDS, or ""
    number: float = math.nan  # the plotted value (for summaries of long series)


@dataclass
class Description:
    title: str
    kinds_of_chart: list[str]
    rows: list[Row] = field(default_factory=list)
    source: str = ""

    @property
    def alt(self) -> str:
        """One paragraph: the kind of chart, its title, then every value, panel by panel, and the source."""
        parts = [f"{' and '.join(dict.fromkeys(self.kinds_of_chart)) or 'Chart'}: {self.title}."]
        heading = None
        long_series = {key for key, n in _counts(self.rows).items() if n > LONG_SERIES}
        summarised = set()
        for row in self.rows:
            if (row.panel, row.unit) != heading:
                heading = (row.panel, row.unit)
                unit = f" ({row.unit})" if row.unit else ""
                parts.append(f"Panel '{row.panel}'{unit}:" if row.panel else f"Values{unit}:")
            kind = f" ({KIND_WORDS[row.kind]})" if row.kind else ""
            key = (row.panel, row.series)
            if key in long_series:
                if key not in summarised:
                    summarised.add(key)
                    parts.append(_summary([r for r in self.rows if (r.panel, r.series) == key]) + f"{kind};")
                continue
            name = f"{row.series}, {row.item}" if row.series else row.item
            parts.append(f"{name}: {row.value}{kind};")
        text = " ".join(parts)
        if text.endswith(";"):
            text = text[:-1] + "."
        return f"{text} {self.source}".strip()

    def table_html(self) -> str:
        """The numbers as an HTML table inside a collapsible box."""
        head = "".join(f"<th scope='col'>{h}</th>" for h in ("Panel", "Item", "Series", "Value", "Unit", "Kind"))
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(c)}</td>"
                for c in (r.panel, r.item, r.series, r.value, r.unit, KIND_WORDS.get(r.kind, ""))
            )
            + "</tr>"
            for r in self.rows
        )
        return (
            "<details class='course-numbers'><summary>The numbers in this chart</summary>"
            f"<table><caption>{html.escape(self.title)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table></details>"
        )

    def table_text(self) -> str:
        """The same table as plain text (the output's text/plain)."""
        lines = [f"The numbers in this chart: {self.title}"]
        for r in self.rows:
            kind = f" [{KIND_WORDS[r.kind]}]" if r.kind else ""
            series = f" {r.series}," if r.series else ""
            panel = f"{r.panel}:" if r.panel else ""
            lines.append(f"- {panel}{series} {r.item}: {r.value} {r.unit}{kind}".replace("  ", " "))
        return "\n".join(lines)


LONG_SERIES = 12  # a series with more points is summarised in the alt text (all its values are in the table)


def _counts(rows) -> dict:
    counts: dict = {}
    for row in rows:
        counts[(row.panel, row.series)] = counts.get((row.panel, row.series), 0) + 1
    return counts


def _summary(rows) -> str:
    """A long series in one sentence: its span, its lowest and highest points (the table lists every value)."""
    low = min(rows, key=lambda r: r.number)
    high = max(rows, key=lambda r: r.number)
    return (
        f"{rows[0].series}: {len(rows)} values from {rows[0].item} ({rows[0].value}) to {rows[-1].item} "
        f"({rows[-1].value}), lowest {low.value} in {low.item}, highest {high.value} in {high.item}, every value in "
        "the table under the chart"
    )


def number(value: float) -> str:
    """A plotted value as a reader would say it: 1,234 / 12.5 / 0.43."""
    if not math.isfinite(value):
        return "no value"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:.3g}"


def _clean(text: str) -> str:
    return " ".join(str(text).split())


def _tick_names(axis) -> tuple[list[float], list[str]]:
    """An axis's tick positions and labels, without drawing the figure."""
    ticks = list(axis.get_majorticklocs())
    labels = [_clean(t) for t in axis.get_major_formatter().format_ticks(ticks)]
    return ticks, labels


def _nearest(position: float, ticks: list[float], labels: list[str]) -> str:
    if not ticks:
        return number(position)
    i = min(range(len(ticks)), key=lambda k: abs(ticks[k] - position))
    return labels[i] if abs(ticks[i] - position) <= 0.45 else number(position)


def _same_colour(a, b) -> bool:
    from matplotlib.colors import to_rgba

    return to_rgba(a)[:3] == to_rgba(b)[:3]


def bar_kind(patch) -> str:
    """The kind a bar's style says it is (official, derived, bound, external), or "" if none matches."""
    from .charts import KIND_STYLE

    for kind, style in KIND_STYLE.items():
        if (patch.get_hatch() or None) == style["hatch"] and _same_colour(patch.get_facecolor(), style["color"]):
            return kind
    return ""


def line_kind(line) -> str:
    """The kind a line's marker and line style say it is, or ""."""
    from .charts import LINE_STYLE

    for kind, style in LINE_STYLE.items():
        if line.get_marker() == style["marker"] and line.get_linestyle() == style["linestyle"]:
            return kind
    return ""


def _bar_rows(ax, panel: str, unit_y: str, unit_x: str) -> list[Row]:
    from matplotlib.container import BarContainer

    rows = []
    categories = {}  # the category axis's ticks, read once per orientation (charts.bars makes a container a bar)
    for container in ax.containers:
        if not isinstance(container, BarContainer):
            continue
        series = container.get_label() or ""
        series = "" if series.startswith("_") else _clean(series)
        vertical = getattr(container, "orientation", "vertical") != "horizontal"
        if vertical not in categories:
            categories[vertical] = _tick_names(ax.xaxis if vertical else ax.yaxis)
        ticks, names = categories[vertical]
        for patch in container.patches:
            if vertical:
                centre, value = patch.get_x() + patch.get_width() / 2, patch.get_height()
            else:
                centre, value = patch.get_y() + patch.get_height() / 2, patch.get_x() + patch.get_width()
            kind = bar_kind(patch)
            shown = getattr(patch, "course_label", None) or number(value)
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
        kind = line_kind(line)
        for x, y in zip(line.get_xdata(), line.get_ydata()):
            if y is None or not math.isfinite(float(y)):
                continue
            item = _nearest(float(x), ticks, names) if categorical else number(float(x)).replace(",", "")
            rows.append(Row(panel, item, _clean(label), number(float(y)), unit, kind, float(y)))
    return rows


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "").replace("−", "-").replace("×", ""))
    except ValueError:
        return False
    return True


def describe(fig) -> Description:
    """The text alternative of a finished chart (call it after :func:`charts.source_line`)."""
    axes = [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]
    titles = [_clean(ax.get_title()) for ax in axes]
    title = _clean(fig.get_suptitle()) or next((t for t in titles if t), "untitled chart")
    source = next((_clean(t.get_text()) for t in fig.texts if t.get_text().startswith(SOURCE_PREFIX)), "")
    description = Description(title, [], source=source)
    for ax, panel in zip(axes, titles):
        panel = "" if panel == title else panel
        unit_y, unit_x = _clean(ax.get_ylabel()), _clean(ax.get_xlabel())
        bars = _bar_rows(ax, panel, unit_y, unit_x)
        lines = _line_rows(ax, panel, unit_y)
        if bars:
            description.kinds_of_chart.append("Bar chart")
        if lines:
            description.kinds_of_chart.append("Line and point chart")
        description.rows += bars + lines
    if len(axes) > 1:
        description.kinds_of_chart = [f"{len(axes)}-panel " + k.lower() for k in description.kinds_of_chart]
    return description


def image_html(png_base64: str, alt: str) -> str:
    """An HTML image with its text alternative (what JupyterLab shows, since it ignores an image's metadata)."""
    return f'<img src="data:image/png;base64,{png_base64}" alt="{html.escape(alt, quote=True)}">'


def image_bundle(fig, alt: str) -> dict:
    """A chart's display: its PNG (as the notebook's inline charts are drawn), the same as HTML with ``alt``, text."""
    png = None
    try:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None:
            png = shell.display_formatter.formatters["image/png"](fig)  # the inline backend's own settings
    except Exception:  # pragma: no cover - a shell without the inline formatters
        png = None
    if png is None:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        png = buffer.getvalue()
    if isinstance(png, tuple):
        png = png[0]
    encoded = png if isinstance(png, str) else base64.b64encode(png).decode("ascii")
    return {"image/png": encoded, "text/html": image_html(encoded, alt), "text/plain": f"<Figure: {alt[:80]}...>"}
