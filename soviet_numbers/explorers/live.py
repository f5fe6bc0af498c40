"""The machinery every explorer shares: a chart redrawn in place, its image widget, and the explorer box.

An explorer is an ipywidgets box: controls, a readout and (for most) a chart. Its chart is a :class:`LiveChart`,
built once and changed in place when a control moves. The box, :class:`Explorer`, also carries a still picture of
its current state, so a notebook stored without widget state still shows each explorer's default view (and the
static edition shows it too).

Usable without sight: the chart is an ``<img>`` whose alt text :func:`soviet_numbers.chart_text.describe` rebuilds
from the chart's data on every update (the same generator as the static charts); readouts are polite live regions
(``role="status"``), so a change is announced; every slider, its value box and every group of buttons gets an
accessible name, the selected button ``aria-pressed``. ipywidgets has no way to set ARIA attributes, so each explorer
carries a small script (:data:`A11Y_SCRIPT`, run by JupyterLab from an Output widget) that sets them from the labels
ipywidgets draws, and keeps them set when a control moves. It also tells JupyterLab not to take the keys of the
explorer's controls (``data-lm-suppress-shortcuts``): otherwise the arrow keys on a drop-down menu move to the next
cell instead of changing the value.
"""

from __future__ import annotations

import base64
import html
import re

import ipywidgets as w
from IPython.display import Javascript

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
        """Update the chart and refresh the image widget (picture and alt text); returns the PNG."""
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
        data = png(self.fig, redraw=False)
        self.image.set_png(data, chart_alt(self.fig))
        return data


def chart_alt(fig) -> str:
    """A live chart's text alternative, from its data now (the static charts' generator)."""
    from ..chart_text import describe

    return describe(fig).alt


class ChartView(w.HTML):
    """An explorer's chart as ``<img alt=...>``: ipywidgets' Image widget has no alt text, an HTML widget can."""

    def __init__(self, width: int, **kwargs):
        super().__init__(**kwargs)
        self.width, self.png, self.alt = width, b"", ""
        self.add_class("sn-chart")

    def set_png(self, data: bytes, alt: str) -> None:
        self.png, self.alt = data, alt
        encoded = base64.b64encode(data).decode("ascii")
        self.value = (
            f'<img src="data:image/png;base64,{encoded}" width="{self.width}" style="max-width:100%;height:auto" '
            f'alt="{html.escape(alt, quote=True)}">'
        )


def picture(figsize: tuple[float, float]) -> ChartView:
    """The image widget an explorer's chart goes into, shown at the chart's own size."""
    return ChartView(round(figsize[0] * WIDGET_DPI))


def readout() -> w.HTML:
    """A readout: an HTML widget the explorer's script makes a polite live region (``role="status"``)."""
    out = w.HTML()
    out.add_class("sn-readout")
    return out


# Sets the ARIA attributes ipywidgets cannot (see the module's docstring). Run by JupyterLab's JavaScript renderer
# with ``element`` the output's node: it waits until that node is inside its explorer, then labels the controls and
# watches the explorer for new views and for the selected button moving.
A11Y_SCRIPT = r"""
(function (start) {
  function label(row) {
    var l = row && row.querySelector('.widget-label');
    return l ? l.textContent.trim() : '';
  }
  function patch(root) {
    root.setAttribute('role', 'group');
    root.setAttribute('aria-label', 'Interactive explorer');
    root.querySelectorAll('.widget-slider').forEach(function (row) {
      var name = label(row);
      row.querySelectorAll('.noUi-handle').forEach(function (h) {
        if (name && h.getAttribute('aria-label') !== name) h.setAttribute('aria-label', name);
      });
      var box = row.querySelector('.widget-readout');
      if (box && name) {
        box.setAttribute('role', 'textbox');
        box.setAttribute('aria-label', name + ': type a value');
      }
    });
    root.querySelectorAll('.widget-toggle-buttons').forEach(function (group) {
      var name = label(group);
      group.querySelectorAll('button').forEach(function (b) {
        var pressed = b.classList.contains('mod-active') ? 'true' : 'false';
        if (b.getAttribute('aria-pressed') !== pressed) b.setAttribute('aria-pressed', pressed);
      });
      if (name) { group.setAttribute('role', 'group'); group.setAttribute('aria-label', name); }
    });
    root.querySelectorAll('.sn-readout .widget-html-content').forEach(function (r) {
      if (r.getAttribute('role') !== 'status') {
        r.setAttribute('role', 'status');
        r.setAttribute('aria-live', 'polite');
      }
    });
    root.querySelectorAll('select, button, input, .noUi-handle, .widget-readout').forEach(function (c) {
      if (!c.hasAttribute('data-lm-suppress-shortcuts')) c.setAttribute('data-lm-suppress-shortcuts', 'true');
    });
  }
  var tries = 0;
  (function find() {
    var root = start.closest && start.closest('.sn-explorer');
    if (!root) { if (tries++ < 600) setTimeout(find, 50); return; }
    patch(root);
    if (root.snObserved) return;
    root.snObserved = true;
    new MutationObserver(function () { patch(root); }).observe(
      root, {childList: true, subtree: true, attributes: true, attributeFilter: ['class']});
  })();
})(element);
"""


def a11y_script() -> w.Output:
    """The explorer's accessibility script, in an Output widget (which JupyterLab renders as trusted)."""
    out = w.Output(layout=w.Layout(height="0px", overflow="hidden", margin="0"))
    out.add_class("sn-a11y")
    out.append_display_data(Javascript(A11Y_SCRIPT))
    return out


def slider(description: str, value: float, low: float, high: float, step: float, label: int = 150) -> w.FloatSlider:
    """A labelled slider, as every explorer lays them out (``label``: room for the description, in pixels).

    Its accessible name is its description (set by the explorer's script, :data:`A11Y_SCRIPT`).
    """
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
    """A labelled drop-down menu (``width`` in pixels, or the browser's choice).

    ipywidgets labels it (``<label for>``); the explorer's script lets its arrow keys reach it in JupyterLab.
    """
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
        from ..kinds import tag

        self.bars = ax.bar([0, 1], [0, 0], linewidth=1.5, **self.bar_style)
        for bar, kind in zip(self.bars, self.kinds):
            tag(bar, kind)  # the alt text reads each bar's kind from its tag (soviet_numbers/kinds.py)
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
        super().__init__([*children, a11y_script()], **kwargs)
        self.add_class("sn-explorer")
        self._figure = figure

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        readouts = [c.value for c in self._all(w.HTML) if c.value and not isinstance(c, ChartView)]
        images = [c for c in self._all(ChartView) if c.png]
        metadata = {}
        if images:
            bundle["image/png"] = base64.b64encode(images[0].png).decode("ascii")
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
