"""Lecture 2's explorers: shape a five-year investment path against the plan, and read technology shares."""

from __future__ import annotations

import functools
import html

import ipywidgets as w

from .. import arithmetic as ar
from ..charts import OKABE_ITO, direct_labels, layout, nice_ceiling, png, widget_figure
from ..data import figure
from ..data import value as figure_value
from ..kinds import tag
from .live import Explorer, LiveChart, chart_alt, menu, picture, readout, slider

TECH_EARLIER = "#D6EAF8"  # the technology chart's earlier year: a pale blue (the later year is Okabe-Ito blue)
PLAN_IDS = ("P27", "P28", "P29", "P30", "P31")
PLAN_YEARS = ("1928/29", "1929/30", "1930/31", "1931/32", "1932/33")
# Presets for the path explorer: (first year, growth of the first step in %, change of the growth rate per year in pp)
PATH_PRESETS = {
    "flat": (2091.0, 0.0, 0.0),
    "steady growth": (2091.0, 18.0, 0.0),
    "accelerating": (2091.0, 5.0, 10.0),
    "damped (high early, cut later)": (2091.0, 50.0, -30.0),
}


def plan_path() -> list[float]:
    """The "optimal" variant's yearly industrial investment, million rubles (P27-P31)."""
    return [figure_value(fid) for fid in PLAN_IDS]


def investment_path(first: float, first_growth_pct: float, growth_change_pp: float, years: int = 5) -> list[float]:
    """A yearly path: start at ``first``, grow by ``first_growth_pct``, the rate changing by ``growth_change_pp``.

    A negative change in the rate gives a "damped" curve; a positive one an accelerating path. Never below zero.
    """
    path, rate = [float(first)], float(first_growth_pct)
    for _ in range(years - 1):
        path.append(max(path[-1] * (1 + rate / 100.0), 0.0))
        rate += growth_change_pp
    return path


def path_summary(path: list[float], plan: list[float] | None = None) -> dict:
    """Totals, cumulative sums and year-on-year growth of a path, compared with the plan's."""
    plan = plan if plan is not None else plan_path()
    cumulative, running = [], 0.0
    for v in path:
        running += v
        cumulative.append(running)
    growth = [ar.percent_change(a, b) if a > 0 else float("nan") for a, b in zip(path, path[1:])]
    return {
        "total": running,
        "cumulative": cumulative,
        "growth": growth,
        "plan_total": sum(plan),
        "ratio_to_plan": running / sum(plan),
        "difference": running - sum(plan),
    }


def path_text(s: dict) -> str:
    rates = ", ".join(f"{g:+.0f}%" for g in s["growth"])
    return (
        f"Five-year total: <b>{s['total']:,.0f}</b> million rubles, against the plan's {s['plan_total']:,.0f} "
        f"({s['ratio_to_plan'] * 100:.0f}% of it; difference {s['difference']:+,.0f}).<br>"
        f"Year-on-year growth of your path: {rates}."
    )


class PathChart(LiveChart):
    """The plan's five yearly investments beside a path of the student's (hatched: an illustration)."""

    def build(self, ax) -> None:
        from matplotlib.ticker import MaxNLocator

        self.plan = plan_path()
        x = range(len(self.plan))
        for bar in ax.bar(
            [i - 0.2 for i in x],
            self.plan,
            width=0.4,
            color=OKABE_ITO["blue"],
            label="plan, optimal variant (official)",
        ):
            tag(bar, "official")  # the alt text names the plan as an official claim; the student's path is untagged
        self.bars = ax.bar(
            [i + 0.2 for i in x],
            [0] * len(self.plan),
            width=0.4,
            color="white",
            edgecolor=OKABE_ITO["vermillion"],
            hatch="///",
            label="your path (illustration)",
        )
        ax.set_xticks(list(x), PLAN_YEARS[: len(self.plan)])
        ax.set_ylabel("million rubles a year")
        ax.yaxis.set_major_locator(MaxNLocator(4))
        ax.legend(frameon=False, fontsize=8, loc="upper left")
        ax.set_title("Yearly industrial investment: the plan and your path")
        self.moving = list(self.bars)

    def update(self, path: list[float]) -> None:
        for bar, value in zip(self.bars, path):
            bar.set_height(value)
        self.ax.set_ylim(0, nice_ceiling(max(max(path), max(self.plan)) * 1.2))


def plan_path_explorer() -> Explorer:
    """Shape a five-year investment path (flat, accelerating, damped) and compare it with the plan."""
    first = slider("First year (million rubles)", 2091, 500, 5000, 50, label=215)
    growth = slider("Growth, first step (%)", 36, -30, 80, 1, label=215)
    change = slider("Change of growth per year (pp)", -9, -40, 20, 1, label=215)
    presets = w.ToggleButtons(
        options=["(custom)"] + list(PATH_PRESETS),
        value="(custom)",
        description="Preset",
        style={"description_width": "60px", "button_width": "160px"},
    )
    text = readout()
    chart = PathChart()

    def refresh(*_):
        path = investment_path(first.value, growth.value, change.value)
        text.value = path_text(path_summary(path))
        chart.show(path)

    def on_preset(change_event):
        if change_event["new"] in PATH_PRESETS:
            first.value, growth.value, change.value = PATH_PRESETS[change_event["new"]]

    for s in (first, growth, change):
        s.observe(refresh, "value")
    presets.observe(on_preset, "value")
    refresh()
    return Explorer([presets, first, growth, change, text, chart.image], figure=lambda: chart.fig)


# --- Technology shares ----------------------------------------------------------------------------------

TECH_TOPICS = {
    "Oil drilling: share of methods (%)": {
        "years": ("1924/25", "1928/29"),
        "rows": {"rotary": ("P48", "P49"), "percussion (rod and cable)": ("P50", "P51")},
        "base": "Both years: shares of drilling. The rest (not stated in the text) is shown as the gap to 100%.",
        "percent": True,
    },
    "Oil extraction: share of methods (%)": {
        "years": ("1924/25", "1928/29"),
        "rows": {"bailing ('tartan')": ("P52", "P56"), "pumps": ("P53", "P54"), "compressors": (None, "P55")},
        "base": "WARNING: not the same base. In 1924/25 bailing is a share of output 'not counting the flowing "
        "production', while pumps are a share 'of all oil'; the 1928/29 base is not stated. Do not read "
        "the bars as one series.",
        "percent": True,
    },
    "Electrification coefficient of oil production (%)": {
        "years": ("1924/25", "1928/29"),
        "rows": {"Grozneft": ("P57", "P58"), "USSR as a whole": (None, "P59")},
        "base": "Grozneft (the Grozny oil trust) in both years; the USSR figure only for 1928/29.",
        "percent": True,
    },
    "Coal-cutting machines in the coal industry (units)": {
        "years": ("1925/26", "end of 1929"),
        "rows": {"heavy cutters": ("P41", "P42"), "light cutters": (None, "P43"), "jackhammers": (None, "P44")},
        "base": "For 1925/26 the text gives only the heavy machines; light machines and jackhammers 'were few' "
        "(no number: left blank, not zero).",
        "percent": False,
    },
}


def tech_points(topic: str) -> list[tuple[str, str, float, str, str]]:
    """(method, year, value, qualifier, figure id) for each bar of a topic; NaN where the text gives no number."""
    spec = TECH_TOPICS[topic]
    points = []
    for method, ids in spec["rows"].items():
        for year, fid in zip(spec["years"], ids):
            f = figure(fid) if fid else None
            points.append(
                (
                    method,
                    year,
                    float(f["value"]) if f is not None else float("nan"),
                    f["qualifier"] if f is not None else "",
                    fid or "",
                )
            )
    return points


def tech_table(topic: str):
    """The same points as a table: method, year, value, qualifier, figure_id."""
    import pandas as pd

    return pd.DataFrame(tech_points(topic), columns=["method", "year", "value", "qualifier", "figure_id"])


def draw_tech(ax, topic: str) -> None:
    """Grouped bars by method and year; blanks are marked 'not stated', never drawn as zero."""
    spec = TECH_TOPICS[topic]
    methods, years = list(spec["rows"]), spec["years"]
    # The two years differ by more than colour: the earlier is a pale, hatched bar with a dark outline, the later a
    # solid dark one (about 4:1 between the fills, and each outline at least 3:1 on white).
    looks = [
        dict(color=TECH_EARLIER, edgecolor=OKABE_ITO["blue"], hatch="--", linewidth=1),
        dict(color=OKABE_ITO["blue"], edgecolor=OKABE_ITO["blue"]),
    ]
    points = tech_points(topic)
    top = max(p[2] for p in points if p[2] == p[2])
    bars: dict[int, tuple[list, list]] = {0: ([], []), 1: ([], [])}  # one bar call per year: fewer artists to set up
    for method, year, value, qualifier, _ in points:
        i, j = methods.index(method), years.index(year)
        x = i + (j - 0.5) * 0.38
        if value != value:  # NaN: not stated
            ax.text(x, top * 0.02, "not\nstated", ha="center", va="bottom", fontsize=7, color="#666")
            continue
        bars[j][0].append(x)
        bars[j][1].append(value)
        ax.text(x, value, (f"{qualifier} " if qualifier else "") + f"{value:g}", ha="center", va="bottom", fontsize=8)
    for j, (xs, values) in bars.items():
        for bar in ax.bar(xs, values, width=0.36, label=years[j], **looks[j]):
            tag(bar, "official")  # the shares as the text prints them
    ax.set_xticks(range(len(methods)), methods)
    ax.set_ylabel("% (as printed)" if spec["percent"] else "units")
    ax.set_ylim(0, (100 if spec["percent"] else top) * 1.2)
    direct_labels(ax)
    ax.legend(frameon=False, fontsize=8)
    ax.set_title(topic, fontsize=10)


@functools.cache
def tech_figure(topic: str):
    """The technology explorer's chart for one topic. It depends on the topic alone, so each is built only once."""
    fig, ax = widget_figure(LiveChart.figsize)
    draw_tech(ax, topic)
    layout(fig)
    return fig


@functools.cache
def tech_png(topic: str) -> bytes:
    """The technology explorer's chart for one topic, drawn (once per topic)."""
    return png(tech_figure(topic))


@functools.cache
def tech_alt(topic: str) -> str:
    """The technology explorer's chart's text alternative for one topic (once per topic)."""
    return chart_alt(tech_figure(topic))


def tech_sums(topic: str) -> dict:
    """For percentage topics: what the stated shares add up to in each year (the rest is unexplained)."""
    table = tech_table(topic)
    return {year: float(g["value"].sum(skipna=True)) for year, g in table.groupby("year", sort=False)}


def technology_explorer() -> Explorer:
    topics = list(TECH_TOPICS)
    choice = menu("Topic", topics, label=50, width=520)
    note = readout()
    image = picture(LiveChart.figsize)

    def refresh(*_):
        spec = TECH_TOPICS[choice.value]
        sums = ""
        if spec["percent"] and "coefficient" not in choice.value:
            sums = "<br>Stated shares add up to: " + "; ".join(
                f"{y}: {s:g}%" for y, s in tech_sums(choice.value).items()
            )
        note.value = f"<i>{html.escape(spec['base'])}</i>{sums}"
        image.set_png(tech_png(choice.value), tech_alt(choice.value))

    choice.observe(refresh, "value")
    refresh()
    return Explorer([choice, note, image], figure=lambda: tech_figure(choice.value))
