"""The machinery every explorer shares: a chart redrawn in place, its image widget, and the explorer box.

An explorer is an ipywidgets box: controls, a readout and (for most) a chart. Its chart is a :class:`LiveChart`,
built once and changed in place when a control moves. The box, :class:`Explorer`, also carries a still picture of
its current state, so a notebook stored without widget state still shows each explorer's default view (and the
static edition shows it too).
"""

from __future__ import annotations

import base64
import html
import re

import ipywidgets as w

from ..charts import WIDGET_DPI, layout, nice_ceiling, png, widget_figure


class LiveChart:
    """An explorer's chart: its artists are built once (``build``) and changed in place (``update``).

    Given an axes, it draws there (a static chart in a notebook). Without one, it owns a figure outside pyplot, and
    :meth:`show` updates it and puts its PNG into :attr:`image`, an image widget. A control move never builds a new
    figure: only the ``moving`` artists are redrawn, over a saved background (axes, labels, legend: most of the
    drawing cost is text). A background is drawn again only when :meth:`key` changes, and the last few are kept.
    """

    figsize: tuple[float, float] = (7, 3.4)
    kept_backgrounds = 12

    def __init__(self, ax=None):
        self.own = ax is None
        self.moving: list = []
        if self.own:
            self.fig, ax = widget_figure(self.figsize)
            self.image = picture(self.figsize)
            self.backgrounds: dict = {}
        self.ax = ax
        self.build(ax)

    def build(self, ax) -> None:
        raise NotImplementedError

    def update(self, *args, **kwargs) -> None:
        raise NotImplementedError

    def key(self):
        """What the background depends on. By default the value axis: its limits and scale."""
        return self.ax.get_ylim(), self.ax.get_yscale()

    def show(self, *args, **kwargs) -> bytes:
        """Update the chart and refresh the image widget; returns the PNG."""
        self.update(*args, **kwargs)
        canvas, key = self.fig.canvas, self.key()
        if key in self.backgrounds:
            canvas.restore_region(self.backgrounds[key])
        else:
            for artist in self.moving:
                artist.set_animated(True)  # left out of the full drawing
            layout(self.fig)  # the margins follow the titles and tick labels the update set
            canvas.draw()
            if len(self.backgrounds) >= self.kept_backgrounds:
                self.backgrounds.pop(next(iter(self.backgrounds)))
            self.backgrounds[key] = canvas.copy_from_bbox(self.fig.bbox)
        for artist in self.moving:
            self.fig.draw_artist(artist)
        self.image.value = data = png(self.fig, redraw=False)
        return data


def picture(figsize: tuple[float, float]) -> w.Image:
    """The image widget an explorer's chart goes into, shown at the chart's own size."""
    return w.Image(format="png", width=round(figsize[0] * WIDGET_DPI))


def slider(description: str, value: float, low: float, high: float, step: float, label: int = 150) -> w.FloatSlider:
    """A labelled slider, as every explorer lays them out (``label``: room for the description, in pixels)."""
    return w.FloatSlider(
        value=value,
        min=low,
        max=high,
        step=step,
        description=description,
        style={"description_width": f"{label}px"},
        layout=w.Layout(width=f"{label + 370}px"),
    )


def menu(description: str, options, value=None, label: int = 60, width: int | None = None) -> w.Dropdown:
    """A labelled drop-down menu (``width`` in pixels, or the browser's choice)."""
    options = list(options)
    kwargs = {"layout": w.Layout(width=f"{width}px")} if width else {}
    return w.Dropdown(
        options=options,
        value=value if value is not None else (options[0] if options else None),
        description=description,
        style={"description_width": f"{label}px"},
        **kwargs,
    )


def set_bars(bars, labels, values, texts) -> None:
    """Move bars and their value labels to new values."""
    for bar, label, value, text in zip(bars, labels, values, texts):
        bar.set_height(value)
        label.set_y(value)
        label.set_text(text)


class BarPairChart(LiveChart):
    """Two labelled bars whose heights move; subclasses say what the pair is (``pair``) and how it looks."""

    bar_style: dict = {}
    kinds: tuple[str, str] = ("official", "derived")  # each bar's style (charts.KIND_STYLE)
    ticks: tuple[str, str] = ("", "")
    ylabel = title = ""
    title_style: dict = {}

    def build(self, ax) -> None:
        from ..charts import KIND_STYLE, direct_labels

        self.bars = ax.bar([0, 1], [0, 0], linewidth=1.5, **self.bar_style)
        for bar, kind in zip(self.bars, self.kinds):
            style = KIND_STYLE[kind]
            bar.set_facecolor(style["color"])
            bar.set_edgecolor(style["edgecolor"])
            bar.set_hatch(style["hatch"])
        self.labels = [ax.text(i, 0, "", ha="center", va="bottom") for i in (0, 1)]
        ax.set_xticks([0, 1], self.ticks)
        ax.set_ylabel(self.ylabel)
        ax.set_title(self.title, **self.title_style)
        direct_labels(ax)
        self.moving = [*self.bars, *self.labels]

    def pair(self, d: dict) -> tuple[list[float], list[str]]:
        """The two values, and their labels."""
        raise NotImplementedError

    def update(self, d: dict) -> None:
        values, texts = self.pair(d)
        set_bars(self.bars, self.labels, values, texts)
        self.ax.set_ylim(0, nice_ceiling(max(values) * 1.2))


def plain_text(markup: str) -> str:
    """A readout's HTML as plain text (for the still view and screen readers)."""
    text = re.sub(r"<br\s*/?>", "\n", markup)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


class Explorer(w.VBox):
    """An explorer: a box of controls, readouts and a chart that also has a still view of its current state.

    Besides the live widget, its display carries the chart as ``image/png`` (or, for a text-only explorer, the
    readout as ``text/html``) and the readout as ``text/plain``. The live widget wins wherever a kernel runs; the
    notebook normaliser (:mod:`soviet_numbers.notebook_files`) keeps only the still view, so a stored lecture shows
    each explorer's default picture before anyone runs it.
    """

    def __init__(self, children, figure=None, **kwargs):
        """``figure``: a function giving the matplotlib figure the chart shows now (for its text alternative)."""
        super().__init__(children, **kwargs)
        self._figure = figure

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        readouts = [c.value for c in self._all(w.HTML) if c.value]
        images = [c for c in self._all(w.Image) if c.value]
        metadata = {}
        if images:
            bundle["image/png"] = base64.b64encode(images[0].value).decode("ascii")
            if self._figure is not None:
                from ..chart_text import describe, image_html

                alt = "Interactive explorer, default view. " + describe(self._figure()).alt
                metadata["image/png"] = {"alt": alt}
                bundle["text/html"] = image_html(bundle["image/png"], alt)
        elif readouts:
            bundle["text/html"] = "<br>".join(readouts)
        bundle["text/plain"] = "\n".join(plain_text(r) for r in readouts) or "(an interactive explorer)"
        return (bundle, metadata) if metadata else bundle

    def _all(self, kind) -> list:
        found, stack = [], list(self.children)
        while stack:
            child = stack.pop(0)
            if isinstance(child, kind):
                found.append(child)
            stack.extend(getattr(child, "children", ()))
        return found
