"""Lecture 3's charts: output growth (large-scale industry, groups A and B, the plan, machines, steel, small)."""

from __future__ import annotations

from .. import charts, data
from ..arithmetic import multiple, share

TEXTBOOK = charts.TEXTBOOK


def large_scale_output(series: dict[str, list[float]]):
    """Large-scale industry in 1913 (census coverage and the 'full circle', P88), 1925 and 1929 (P85-P87)."""
    total = series["large-scale industry"]
    fig, ax = charts.new_chart("Output of large-scale industry, in 1926/27 prices")
    # 1913 twice, side by side on one year: the census coverage of the series, and the wider 'full circle'
    charts.bars(
        ax,
        ["1913\ncensus\ncoverage", "1913\n'full\ncircle'", "1925", "1929"],
        [total[0], data.value_in_millions("P88"), total[1], total[2]],
        "official",
        units="million rubles, 1926/27 prices",
        decimals=0,
        positions=[-0.2, 0.2, 1.2, 2.2],
        width=0.38,
    )
    ax.annotate("", xy=(2.55, total[2]), xytext=(2.55, total[1]), arrowprops=dict(arrowstyle="->", color="#444"))
    ax.text(
        2.62,
        (total[1] + total[2]) / 2,
        f"+{total[2] - total[1]:,.0f}\n1925 to 1929\n(derived)",
        va="center",
        ha="left",
        fontsize=8,
        color="#444",
    )
    ax.set_xlim(-0.6, 3.2)
    charts.source_line(
        fig,
        f"{TEXTBOOK}, citing Socialist Construction of the USSR, 1936 (page lost in the scrape). Figures P85-P88.",
        kinds=["official"],
    )
    return charts.set_point(
        fig,
        f"Output of large-scale industry grew x{multiple(total[1], total[2]):.2f} from 1925 "
        f"to 1929, to {multiple(total[0], total[2]) * 100:.0f}% of 1913 on the census coverage.",
    )


def groups(series: dict[str, list[float]]):
    """Group A (official, P90-P92) and Group B (derived: total - A), stacked, with A's share of the total."""
    total = series["large-scale industry"]
    group_a, group_b = series["Group A (means of production)"], series["Group B (derived: total - A)"]
    fig, ax = charts.new_chart("Large-scale industry by group, in 1926/27 prices")
    a = [f"A: {x:,.0f}" for x in group_a]
    b = [f"B: {x:,.0f}" for x in group_b]
    for i in range(3):
        a_bar, b_bar = ax.bar(i, group_a[i], width=0.6), ax.bar(i, group_b[i], bottom=group_a[i], width=0.6)
        for bar, kind, value, name in [
            (a_bar, "official", group_a[i], "Group A, means of production"),
            (b_bar, "derived", group_b[i], "Group B, consumer goods"),
        ]:
            style = charts.KIND_STYLE[kind]
            patch = charts.tag(bar.patches[0], kind)
            patch.set(facecolor=style["color"], edgecolor=style["edgecolor"], hatch=style["hatch"])
            patch.course_label = f"{value:,.0f}"
            bar.set_label(name)
        ax.text(i, group_a[i] / 2, a[i], ha="center", va="center", color="white", fontsize=8)
        ax.text(
            i + 0.33,
            group_a[i] / 2,
            f"{share(group_a[i], total[i]):.2f}%\nof total\n(derived)",
            ha="left",
            va="center",
            fontsize=7,
            color="#444",
        )  # a computed share, beside the official bar, not inside it
        ax.text(
            i,
            group_a[i] + group_b[i] / 2,
            b[i],
            ha="center",
            fontsize=9,
            bbox=dict(facecolor="white", edgecolor="none", pad=1),
        )
    ax.set_xticks(range(3), ["1913", "1925", "1929"])
    ax.set_ylabel("million rubles, 1926/27 prices")
    charts.direct_labels(ax)  # every segment carries its value
    charts.source_line(
        fig,
        f"{TEXTBOOK}. Figures P85-P87, P90-P92. Group B = total - A and the shares are computed by the course.",
        kinds=["official", "derived"],
    )
    return charts.set_point(
        fig,
        f"Group A, means of production, is the solid bottom part; Group B, consumer goods, "
        f"the hatched top. A's share of output rose from {share(group_a[0], total[0]):.0f}% in "
        f"1913 to {share(group_a[2], total[2]):.0f}% in 1929.",
    )


def overfulfilment(products):
    """P75-P81: % by which each product beat the plan of 1928/29."""
    names = ["oil", "rolled products", "copper", "brick", "cement", "tractors", "cars"]
    values = list(products)
    fig, ax = charts.new_chart("Plan of 1928/29: overfulfilment by product, as printed", left=1.4)
    charts.bars(
        ax,
        names,
        values,
        "official",
        horizontal=True,
        value_labels=[f"+{v:g}%" for v in values],
        units="% above the plan for 1928/29",
    )
    ax.set_xlim(0, 42)
    charts.source_line(
        fig,
        f"{TEXTBOOK}; no citation in the text. Figures P75-P81. Not shown: 'the mining industry "
        "- by 35.2%' (P82), probably a mistranslated product name.",
        kinds=["official"],
    )
    top = max(range(len(values)), key=lambda i: values[i])
    return charts.set_point(
        fig, f"Every product listed beat the plan of 1928/29, by {min(values):g}% to {values[top]:g}% ({names[top]})."
    )


def machine_building():
    """P107-P112: the text's 'N times' per product; P100-P105: the multiple computed from the surviving cells."""
    multiples = data.series("P108", "P107", "P109", "P110", "P111", "P112")
    labels = ["steam turbines", "steam boilers", "diesels", "threshers", "tractors", "seeders"]
    stated = multiples["value"].to_list()
    stated_text = [f"{q} x{v:g}".strip() for q, v in zip(multiples["qualifier"], stated)]  # "almost x4", "x5"
    v = data.value
    from_cells = [v("P101") / v("P100"), v("P103") / v("P102"), v("P105") / v("P104")]  # the rows whose cells survive
    kinds = ["bound" if q else "official" for q in multiples["qualifier"]]  # "almost 4" is a bound, not exactly 4
    fig, ax = charts.new_chart("Machine-building, 1924/25 to 1928/29: how many times output grew")
    charts.bars(
        ax,
        labels,
        stated,
        kinds,
        units="times (1928/29 output / 1924/25 output)",
        value_labels=stated_text,
        positions=[i - 0.2 for i in range(len(stated))],
        width=0.4,
        series="as stated in the text",
    )
    charts.bars(
        ax,
        labels[: len(from_cells)],
        from_cells,
        "derived",
        units="times (1928/29 output / 1924/25 output)",
        decimals=2,
        positions=[i + 0.2 for i in range(len(from_cells))],
        width=0.4,
        series="computed from the table's cells",
    )
    for i in range(len(from_cells), len(labels)):
        ax.text(i + 0.2, 0.2, "cells\nlost", ha="center", fontsize=7, color="#666")
    ax.set_xticks(range(len(labels)), labels)
    ax.set_ylim(0, 10)
    charts.source_line(
        fig,
        f"{TEXTBOOK}; table without source footnote. Stated multiples P107-P112; computed from "
        "the surviving cells P100-P105.",
        kinds=["official", "bound", "derived"],
    )
    return charts.set_point(
        fig,
        "Where the table's cells survive, the multiples computed from them are close to the text's stated multiples.",
    )


def steel(rus):
    """Steel of Russia / the USSR: the COW series (irst) against the textbook's steel (P115, P116) and pig iron."""
    v = data.value
    fig, ax = charts.new_chart("Steel output of Russia / the USSR: the COW series and the textbook")
    charts.points(ax, rus["year"], rus["irst"] / 1000, "external", "COW NMC 6.0, iron and steel")
    charts.points(ax, [1925, 1929], [v("P115"), v("P116")], "official", "textbook, steel", markersize=9)
    textbook_pig_iron(ax, markersize=7)
    for x, y, text in [(1929, v("P116"), "steel, textbook = COW"), (1929, v("P114"), "pig iron, textbook")]:
        ax.text(x + 0.4, y, text, va="center", fontsize=8)
    ax.text(1913, rus.set_index("year").loc[1913, "irst"] / 1000 + 0.3, "1913: Russian Empire", ha="center", fontsize=8)
    ax.set_ylabel("million tonnes")
    ax.set_xlabel("year (COW: calendar years; textbook: '1925', '1929' as printed)")
    ax.legend(frameon=False, fontsize=8, loc="upper left")
    charts.source_line(
        fig,
        "Correlates of War NMC 6.0 (Singer, Bremer and Stuckey 1972; Greig and Enterline 2021), "
        f"RUS, variable irst; {TEXTBOOK}, figures P113-P116. COW's 1925 and 1929 values equal the "
        "textbook's steel figures.",
        kinds=[],
    )
    return charts.set_point(
        fig,
        f"The outside COW series matches the textbook's steel in 1925 and 1929 "
        f"({v('P115'):g} and {v('P116'):g} million tonnes); pig iron is shown for comparison.",
    )


def small_industry(small, private):
    """P123-P126: small enterprises' share of four branches; P128-P131: private and socialist sectors' shares."""
    fig, axes = charts.new_chart("Small industry and the private sector", ncols=2)
    charts.bars(
        axes[0],
        ["clothing", "leather\nshoes", "flour\nmilling", "wood-\nworking"],
        list(small),
        "official",
        units="% of the branch's output",
        title="Small enterprises' share, 1926/27",
    )
    axes[0].set_ylim(0, 100)
    ax, private, socialist = axes[1], list(private)[:2], list(private)[2:]
    for i in range(2):  # 1924/25, 1926/27
        # both parts are official figures: a white line and a label tell them apart
        for bottom, value, name, fill in [
            (0, socialist[i], "socialist sector", None),
            (socialist[i], private[i], "private sector", ".."),
        ]:
            bar = ax.bar(
                i,
                value,
                bottom=bottom,
                color=charts.KIND_STYLE["official"]["color"],
                edgecolor="white",
                linewidth=2,
                width=0.55,
                hatch=fill,
            )
            charts.tag(bar.patches[0], "official").course_label = f"{value:g}%"
            bar.set_label(name)
        ax.text(i, socialist[i] / 2, f"socialist\n{socialist[i]:g}%", ha="center", va="center", color="white")
        ax.text(
            i,
            socialist[i] + private[i] / 2,
            f"private {private[i]:g}%",
            ha="center",
            va="center",
            color="white",
            fontsize=8,
        )
    ax.set_xticks([0, 1], ["1924/25", "1926/27"])
    ax.set_ylabel("% of the output of all industry")
    ax.set_title("Shares of all industry's output", fontsize=10, fontweight="normal")
    ax.set_ylim(0, 118)
    charts.direct_labels(ax)
    charts.source_line(fig, f"{TEXTBOOK}; no citation in the text. Figures P123-P131.", kinds=["official"])
    return charts.set_point(
        fig,
        f"Small enterprises made {min(small):g}% to {max(small):g}% of four branches' output "
        f"in 1926/27; the private sector's share of all industry fell from {private[0]:g}% to "
        f"{private[1]:g}%.",
    )


def textbook_pig_iron(ax, markersize: float) -> None:
    """The textbook's pig iron, 1925 and 1929 (P113, P114): open circles, a shape of its own beside steel's."""
    charts.points(
        ax,
        [1925, 1929],
        [data.value("P113"), data.value("P114")],
        "official",
        "textbook, pig iron",
        markersize=markersize,
        marker="o",
        fillstyle="none",
    )
