"""Lecture 3's explorers: output as an index on a chosen base, and catching up (also used in lecture 4)."""

from __future__ import annotations

import math

import ipywidgets as w

from .. import arithmetic as ar
from ..charts import LINE_STYLE
from ..compare import COUNTRIES, catch_up
from ..data import value_in_millions
from ..kinds import tag
from .live import Explorer, LiveChart, menu, readout, slider

# Output of large-scale industry, 1926/27 prices, million rubles: total (P87/P86/P85) and Group A (P92/P91/P90).
OUTPUT_YEARS = ("1913", "1925", "1929")
OUTPUT_BASES = {
    "1913 = 100 (1913 coverage, 10.2 bn)": ("1913", None),
    "1913 = 100 ('full circle', 11 bn)": ("1913", "P88"),
    "1925 = 100": ("1925", None),
}


def output_series() -> dict[str, list[float]]:
    """Total, Group A and the implied Group B (derived: total minus A), million rubles, 1913 / 1925 / 1929."""
    total = [value_in_millions("P87"), value_in_millions("P86"), value_in_millions("P85")]
    group_a = [value_in_millions("P92"), value_in_millions("P91"), value_in_millions("P90")]
    return {
        "large-scale industry": total,
        "Group A (means of production)": group_a,
        "Group B (derived: total - A)": [t - a for t, a in zip(total, group_a)],
    }


def output_index(base_label: str) -> dict[str, list[float]]:
    """The output series rebased. With the 'full circle' base only the total can be rebased (A has no such figure)."""
    year, alt = OUTPUT_BASES[base_label]
    i = OUTPUT_YEARS.index(year)
    out = {}
    for name, values in output_series().items():
        if alt and name != "large-scale industry":
            continue
        base = value_in_millions(alt) if alt else values[i]
        out[name] = ar.rebase(values, base)
    return out


OUTPUT_TICKS = (50, 75, 100, 150, 200, 250, 300)  # the same readable ticks on the linear and the log scale


class OutputChart(LiveChart):
    """The three output series as an index on a chosen base, linear or log (dotted: only three dates are known)."""

    figsize = (7.5, 3.8)

    def build(self, ax) -> None:
        # Official series in the official blue, told apart by marker; the derived Group B in vermillion, hollow.
        official, derived = LINE_STYLE["official"]["color"], LINE_STYLE["derived"]["color"]
        styles = [(official, "D", "full"), (official, "s", "full"), (derived, "X", "none")]
        x = [1913, 1925, 1929]
        self.lines, self.ends = {}, {}
        for (name, (c, marker, fill)), kind in zip(zip(output_series(), styles), ("official", "official", "derived")):
            (self.lines[name],) = ax.plot(
                x, [100] * 3, ":", marker=marker, fillstyle=fill, markersize=8, color=c, label=name
            )
            tag(self.lines[name], kind)  # the alt text names each series' kind
            self.ends[name] = ax.text(1929.3, 100, "", va="center", fontsize=8, color=c)
        # With the 'full circle' base, that base itself: 1913 = 100 on the wider coverage (P88).
        (self.full_circle,) = ax.plot(
            [1913],
            [100],
            marker="o",
            markersize=9,
            fillstyle="none",
            color="black",
            linestyle="None",
            label="1913, 'full circle' (the base)",
        )
        self.full_circle_text = ax.text(1913.4, 100, "", va="bottom", fontsize=8)
        ax.axhline(100, color="#444", linewidth=0.8)
        ax.set_xticks(x, ["1913", "1925", "1929"])
        ax.set_xlim(1911, 1931.5)
        ax.set_ylim(50, 300)
        self.state = None

    def key(self):
        return self.state  # nothing moves on its own: the chart is one picture per base and scale

    def update(self, base_label: str, log: bool = False) -> None:
        self.state = (base_label, log)
        ax, index = self.ax, output_index(base_label)
        for name, line in self.lines.items():
            shown = name in index
            line.set_visible(shown)
            self.ends[name].set_visible(shown)
            if shown:
                line.set_ydata(index[name])
                self.ends[name].set_y(index[name][-1])
                self.ends[name].set_text(f"{index[name][-1]:.0f}")
        full_circle = OUTPUT_BASES[base_label][1] is not None
        self.full_circle.set_visible(full_circle)
        self.full_circle_text.set_visible(full_circle)
        if full_circle:
            coverage_1913 = index["large-scale industry"][0]
            self.full_circle_text.set_text(f"full circle = 100; 1913 coverage = {coverage_1913:.0f}")
        values = [v for series in index.values() for v in series] + [100]
        low, high = min(values) * 0.85, max(values) * 1.12
        ax.set_yscale("log" if log else "linear")
        ax.set_ylim(low, high)
        ticks = [t for t in OUTPUT_TICKS if low <= t <= high]
        ax.set_yticks(ticks, [str(t) for t in ticks])
        ax.set_yticks([], minor=True)
        ax.set_ylabel(f"index, {base_label.split(' (')[0]}" + (" (log scale)" if log else ""))
        ax.set_title("Output of large-scale industry (1926/27 prices) as an index", fontsize=10)
        ax.legend(
            handles=[line for line in [*self.lines.values(), self.full_circle] if line.get_visible()],
            frameon=False,
            fontsize=8,
            loc="upper left",
        )


def output_text(base_label: str) -> str:
    idx = output_index(base_label)["large-scale industry"]
    return (
        f"Large-scale industry, 1929: <b>{idx[2]:.0f}</b> ({base_label.split(' (')[0]}); 1925: {idx[1]:.0f}. "
        "Dotted lines only join the three dates the text gives: output collapsed during the war and civil war, "
        "and the text prints no figure for those years."
    )


def output_explorer() -> Explorer:
    base = w.ToggleButtons(options=list(OUTPUT_BASES), description="Base", style={"button_width": "230px"})
    scale = w.ToggleButtons(options=["linear", "log"], description="Scale")
    text = readout()
    chart = OutputChart()

    def refresh(*_):
        text.value = output_text(base.value)
        chart.show(base.value, log=scale.value == "log")

    base.observe(refresh, "value")
    scale.observe(refresh, "value")
    refresh()
    return Explorer([base, scale, text, chart.image], figure=lambda: chart.fig)


# --- Catching up (also in lecture 4): Maddison GDP per capita ---------------------------------------------------------


def catch_up_text(c: dict, target: str, year: int, ussr_rate: float, target_rate: float) -> str:
    head = (
        f"{year}: USSR {c['ussr']:,.0f} vs {COUNTRIES[target]} {c['target']:,.0f} (2011 US$ per person; "
        f"USSR = {c['ratio'] * 100:.0f}% of {COUNTRIES[target]}).<br>"
    )
    if c["years"] == 0:
        return head + "Already level."
    if not math.isfinite(c["years"]):
        return head + (
            f"At {ussr_rate:g}% a year against {target_rate:g}%, the gap <b>never closes</b>: "
            "the follower must grow faster than the leader."
        )
    return head + (
        f"At {ussr_rate:g}% a year against {target_rate:g}%, the USSR would catch up after "
        f"<b>{c['years']:.0f} years</b> (around {c['reached_in']}). A projection, not a forecast."
    )


def catch_up_explorer(year: int = 1928) -> Explorer:
    target = menu("Catch up with", [(v, k) for k, v in COUNTRIES.items()], "GBR", label=100)
    start = menu("From year", [1913, 1928, 1929, 1933], year, label=100)
    rate = slider("USSR growth, % a year", 5.0, 0, 15, 0.5, label=160)
    other = slider("Their growth, % a year", 1.5, -2, 5, 0.5, label=160)
    text = readout()

    def refresh(*_):
        text.value = catch_up_text(
            catch_up(target.value, start.value, rate.value, other.value),
            target.value,
            start.value,
            rate.value,
            other.value,
        )

    for control in (target, start, rate, other):
        control.observe(refresh, "value")
    refresh()
    return Explorer([w.HBox([target, start]), rate, other, text])
