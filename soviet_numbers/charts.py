"""One chart style for the course: readable, colour-blind safe, and honest about what each bar is.

Every chart has a title, units on the value axis and a source line. Bars are styled by what they show:

official, derived, bound or external. The kinds, their styles and their words are decided once, in
:mod:`soviet_numbers.kinds`; :func:`bars` and :func:`points` tag every bar and line with its kind as they draw it
(:func:`kinds.tag`), so the text alternative and the chart exercise's check read the kind back, never guess it.
:func:`show` displays a finished chart once, as HTML: the image with its alt text (which opens with the chart's
point) and the numbers table (:mod:`soviet_numbers.chart_text`).
"""

from __future__ import annotations

import contextlib
import io
import math
import textwrap
import weakref

import matplotlib as mpl
import matplotlib.pyplot as plt
import matplotlib.ticker  # noqa: F401  (mpl.ticker)

from .citations import SOURCE_PREFIX, SOURCE_SHORT
from .kinds import BAR_STYLE, LEGEND, LINE_STYLE, OKABE_ITO, tag  # noqa: F401  (re-exported: the course's names)

KIND_STYLE = BAR_STYLE  # a bar's style by kind (decided in soviet_numbers.kinds)
KIND_LABEL = LEGEND  # the legend's words by kind

TEXTBOOK = SOURCE_SHORT  # the textbook's name on a source line

# A chart's left margin in inches, where its caller fixed one (see new_chart); otherwise layout() chooses.
LEFT_MARGIN_INCHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def use_style(freeze_imports: bool = True) -> None:
    """Apply the course style to matplotlib (call once per notebook, after its imports).

    In a notebook it also stops the inline backend from cropping figures to a 'tight' box: the course's charts
    have fixed margins, and cropping would cost a second drawing of every chart.

    ``freeze_imports`` (the default) hands what was imported so far (pandas, matplotlib: some 250,000 objects) to
    ``gc.freeze()``. Charts make many short-lived objects, so Python's garbage collector runs full collections while
    a notebook draws; each one walked all those imported objects, about 60 ms a time and 0.1-0.2 s a lecture (see
    BENCHMARKS.md). Frozen objects are skipped by the collector; they stay alive, as imported modules do anyway.

    Text is drawn without font hinting: the same look at these sizes, and a fifth less drawing time per chart.
    """
    if freeze_imports:
        import gc

        gc.freeze()
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None and hasattr(shell, "run_line_magic"):
        # Not an IPython kernel with the inline backend: nothing to configure.
        with contextlib.suppress(Exception):
            shell.run_line_magic("config", "InlineBackend.print_figure_kwargs = {'bbox_inches': None}")
    mpl.rcParams.update(
        {
            "figure.figsize": (8, 4.2),
            "figure.dpi": 100,
            "savefig.dpi": 120,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.labelsize": 10,
            "font.size": 10,
            "axes.prop_cycle": mpl.cycler(
                color=[
                    OKABE_ITO[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky", "yellow", "black")
                ]
            ),
            "hatch.linewidth": 1.0,
            # Unhinted text: at the course's sizes it looks the same, and text (most of a chart's drawing time)
            # draws about a fifth faster (BENCHMARKS.md).
            "text.hinting": "none",
        }
    )


def new_chart(
    title: str,
    ncols: int = 1,
    figsize: tuple[float, float] | None = None,
    left: float | None = None,
    nrows: int = 1,
):
    """A new chart (a matplotlib figure) with a bold overall title; returns (fig, axes).

    ``nrows`` > 1 stacks panels on one shared time (x) axis. ``left``: room for long y labels, in inches (kept in
    :data:`LEFT_MARGIN_INCHES`). Margins are fixed in inches and applied by :func:`layout` (called by
    :func:`source_line`): no layout engine, so a chart is drawn once, which keeps notebooks and explorers fast.
    """
    default = (4.2 * ncols + 1.5 if ncols > 1 else 8, 4.4 if nrows == 1 else 2.4 * nrows + 1.2)
    fig, axes = plt.subplots(nrows, ncols, figsize=figsize or default, sharex=nrows > 1)
    height = fig.get_figheight()
    fig.suptitle(title, fontweight="bold", fontsize=12, y=1 - 0.1 / height, va="top")
    if left is not None:
        LEFT_MARGIN_INCHES[fig] = left
    return fig, axes


WIDGET_DPI = 100  # explorers' charts: pixels per inch, the same as the notebook's inline charts


def widget_figure(figsize: tuple[float, float]):
    """A single-axes figure for an explorer, kept outside pyplot: the notebook never displays it by itself.

    The explorer draws it once, changes its artists in place and shows :func:`png` of it in an image widget.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, dpi=WIDGET_DPI, facecolor="white")
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def png(fig, redraw: bool = True) -> bytes:
    """The figure's pixels as PNG bytes (fast compression: explorers redraw often).

    ``redraw=False`` encodes what the canvas holds now (after a partial redraw by an explorer).
    """
    import numpy as np
    from PIL import Image

    if redraw:
        fig.canvas.draw()
    buffer = io.BytesIO()
    Image.fromarray(np.asarray(fig.canvas.buffer_rgba())).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def nice_ceiling(x: float) -> float:
    """The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 (times a power of ten) that is at least ``x``.

    Explorers use it for the top of the value axis, so the axis stays put while a slider moves a little.
    """
    if not x > 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(x))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8):
        if step * power >= x * (1 - 1e-12):
            return step * power
    return 10 * power


def direct_labels(ax, axis: str = "y") -> None:
    """Every bar carries its value as a label, so the value axis goes: no ticks, no tick labels, no spine.

    The axis label (the units) stays. Less ink to read, and less text to draw (text is most of a chart's cost).
    """
    if axis == "y":
        ax.tick_params(axis="y", left=False, labelleft=False)
        ax.spines["left"].set_visible(False)
    else:
        ax.tick_params(axis="x", bottom=False, labelbottom=False)
        ax.spines["bottom"].set_visible(False)


def layout(fig, footer: float = 0.0) -> None:
    """Place the axes with fixed margins (inches): room for titles, tick labels, x labels and a footer."""
    width, height = fig.get_size_inches()
    axes = [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]
    y_labelled = any(ax.yaxis.get_tick_params()["labelleft"] for ax in axes)
    left = LEFT_MARGIN_INCHES.get(fig) or (0.95 if y_labelled else 0.45)
    top = 0.15
    if fig.get_suptitle():
        top += 0.35
    if any(ax.get_title() for ax in axes):
        top += 0.28
    # matplotlib 3.8's get_tick_params() calls the x axis' bottom labels "labelleft" (3.9+: "labelbottom")
    x_params = [(ax, ax.xaxis.get_tick_params()) for ax in axes]
    x_labelled = [ax for ax, p in x_params if p.get("labelbottom", p.get("labelleft"))]
    lines = max([t.get_text().count("\n") + 1 for ax in x_labelled for t in ax.get_xticklabels()] or [0])
    bottom = 0.28 + 0.17 * lines + (0.25 if any(ax.get_xlabel() for ax in axes) else 0.0) + footer
    right = 0.3
    nrows, n = axes[0].get_subplotspec().get_gridspec().get_geometry() if axes else (1, 1)
    gap = left if n > 1 else 0.0
    axes_width = (width - left - right - gap * (n - 1)) / n
    axes_height = (height - top - bottom - 0.55 * (nrows - 1)) / nrows  # 0.55 in between stacked panels
    fig.subplots_adjust(
        left=left / width,
        right=1 - right / width,
        top=1 - top / height,
        bottom=bottom / height,
        wspace=gap / axes_width if n > 1 else 0.2,
        hspace=0.55 / axes_height if nrows > 1 else 0.2,
    )


def bars(
    ax,
    labels,
    values,
    kinds,
    *,
    units: str,
    title: str = "",
    value_labels=None,
    decimals: int = 1,
    positions=None,
    width: float = 0.6,
    horizontal: bool = False,
    series: str = "",
):
    """Bar chart whose bars are styled by kind (official / derived / bound / external), with value labels.

    Each bar is tagged with its kind (:func:`kinds.tag`) and carries its printed label (``course_label``), for the
    chart's text alternative and the chart exercise's check. ``positions``: where the bars stand on the category
    axis (default 0, 1, 2 ...): leave a gap for a year the text does not give, rather than close it up.
    ``horizontal``: bars along the x axis, first category on top. ``series``: a legend label for these bars.
    """
    kinds = list(kinds) if not isinstance(kinds, str) else [kinds] * len(values)
    positions = list(positions) if positions is not None else list(range(len(values)))
    top = max(values)
    for n, (i, v, k) in enumerate(zip(positions, values, kinds)):
        style = KIND_STYLE[k]
        draw = ax.barh if horizontal else ax.bar
        drawn = draw(
            i,
            v,
            width,
            color=style["color"],
            edgecolor=style["edgecolor"],
            hatch=style["hatch"],
            linewidth=1.5,
        )
        if series:
            drawn.set_label(series)
        tag(drawn.patches[0], k)
        text = value_labels[n] if value_labels else f"{v:,.{decimals}f}"
        drawn.patches[0].course_label = text  # the value as the chart prints it, for its text alternative
        if horizontal:
            ax.text(max(v, 0) + top * 0.015, i, text, va="center", ha="left", fontsize=9)
            continue
        arrow = k == "bound" and text.lower().startswith(("over", "more"))  # "over X": the true value lies above
        if arrow:
            ax.annotate("", xy=(i, v * 1.16), xytext=(i, v), arrowprops=dict(arrowstyle="->", color=style["edgecolor"]))
        ax.text(i, v * (1.18 if arrow else 1.02), text, ha="center", va="bottom", fontsize=9)
    if horizontal:
        ax.set_yticks(positions, labels)
        ax.set_xlabel(units)
        ax.set_xlim(min(0, min(values) * 1.2), top * 1.45)
        ax.invert_yaxis()
        direct_labels(ax, "x")
    else:
        ax.set_xticks(positions, labels)
        ax.set_ylabel(units)
        ax.set_ylim(0, top * 1.35)
        direct_labels(ax)
    if title:
        ax.set_title(title, fontsize=10, fontweight="normal")
    return ax


def _legend_handles(kinds, lines: bool = False):
    """A key to the kinds drawn: bar swatches, or (for a chart of points and lines) their markers."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if lines:
        return [Line2D([], [], label=KIND_LABEL[k], **LINE_STYLE[k]) for k in dict.fromkeys(kinds)]
    return [
        Patch(
            facecolor=KIND_STYLE[k]["color"],
            edgecolor=KIND_STYLE[k]["edgecolor"],
            hatch=KIND_STYLE[k]["hatch"],
            label=KIND_LABEL[k],
        )
        for k in dict.fromkeys(kinds)
    ]


def source_line(fig, text: str, kinds=()) -> None:
    """The footer: a legend for the bar kinds used, then the source line, wrapped to the figure's width.

    The axes are placed above the footer (:func:`layout`), so it never overlaps them.
    """
    lines = textwrap.wrap(SOURCE_PREFIX + text, int(fig.get_figwidth() * 17))
    height = fig.get_figheight()
    source_in = 0.08 + 0.13 * len(lines)
    legend_in = 0.3 if kinds else 0.0
    layout(fig, footer=source_in + legend_in)
    fig.text(0.01, 0.01, "\n".join(lines), fontsize=7.5, color="#444", ha="left", va="bottom")
    if kinds:
        fig.legend(
            handles=_legend_handles(kinds, lines=not any(ax.containers for ax in fig.axes)),
            loc="lower center",
            bbox_to_anchor=(0.5, source_in / height),
            fontsize=8,
            frameon=False,
            ncols=len(dict.fromkeys(kinds)),
        )


def points(ax, x, y, kind: str, label: str, **kwargs):
    """Points (or a line) styled by kind (:data:`LINE_STYLE`), with a legend label, tagged with the kind."""
    lines = ax.plot(x, y, label=label, **{**LINE_STYLE[kind], **kwargs})
    for line in lines:
        tag(line, kind)
    return lines


def set_point(fig, point: str):
    """Say what the chart shows, in one sentence: its alt text opens with it. Returns the figure."""
    from .chart_reading import POINT_ATTRIBUTE

    setattr(fig, POINT_ATTRIBUTE, point)
    return fig


def png_base64(fig) -> str:
    """The chart's pixels, as the notebook's inline charts are drawn, base64-encoded."""
    import base64

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
        fig.savefig(buffer, format="png", dpi=mpl.rcParams["figure.dpi"])
        png = buffer.getvalue()
    if isinstance(png, tuple):
        png = png[0]
    return png if isinstance(png, str) else base64.b64encode(png).decode("ascii")


def show(fig, point: str = "") -> None:
    """Display a finished chart with its text alternative, then close it.

    ``point``: one sentence saying what the chart shows (or the one :func:`set_point` gave it); the alt text opens
    with it, then names each series with its kind (:func:`chart_text.describe`). The chart is stored once, as one
    HTML output: an ``<img>`` with that ``alt`` (JupyterLab's image renderer ignores an image's metadata, so a PNG
    output could not carry it) and, under it, a collapsible table of the exact numbers. Its text/plain is the table.
    """
    from IPython.display import display

    from .chart_text import describe, figure_html

    if not hasattr(fig, "axes") or not hasattr(fig, "canvas"):
        kind = "the axes (ax)" if hasattr(fig, "get_figure") else f"a {type(fig).__name__}"
        print(f"charts.show needs the figure: fig, from fig, ax = charts.new_chart(...). You gave {kind}.")
        return
    text = describe(fig, point)
    display({"text/html": figure_html(png_base64(fig), text), "text/plain": text.table_text()}, raw=True)
    plt.close(fig)


def log_multiple_axis(ax, ticks=(0.5, 1, 2, 5, 10, 20)) -> None:
    """A log-scaled x axis of multiples, labelled x0.5, x1, x2 ... (1 = no change)."""
    ax.set_xscale("log")
    ax.set_xticks(list(ticks), [f"×{t:g}" for t in ticks])
    ax.xaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    ax.axvline(1, color="#444", linewidth=0.8)
