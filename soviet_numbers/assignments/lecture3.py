"""Lecture 3's exercises: rebasing, growth, shares of an increase, derived groups, year labels, a chart."""

from __future__ import annotations

from .. import arithmetic as ar
from ..data import COW_FILE, external_table, figure, value, value_in_millions
from .lecture3_pools import COW_SERIES, COW_SHORT, FIXED, VARIANTS, _labelled, text  # noqa: F401 - VARIANTS, FIXED, text: variants.py reads them here
from .parts import Exercise, boolean, chart, choice, exercise, growth_rate, number, per_cent_change, times


def build(variant: dict | None = None) -> list[Exercise]:
    chosen = {ex: {**pool[0], **(variant or {}).get(ex, {})} for ex, pool in VARIANTS.items()}
    growth = chosen["3.8"]
    cow = external_table(COW_FILE)
    rus = cow[cow["stateabb"] == "RUS"].set_index("year")
    # 3.2: a series with calendar 1925 and 1929 values
    series, name = chosen["3.2"], chosen["3.2"]["name"]
    if "cow" in series:
        g_col = series["cow"]
        g_start, g_end = float(rus.loc[1925, g_col]), float(rus.loc[1929, g_col])
        g_where = f"COW rows with stateabb 'RUS', column '{g_col}' ({COW_SERIES[g_col][1]}), years 1925 and 1929"
    else:
        g_start, g_end = value(series["start"]), value(series["end"])
        g_where = f"{name} in 1925 ({series['start']}) and 1929 ({series['end']})"
    # Large-scale industry (total), Group A and the derived Group B, million rubles (1926/27 prices), by year.
    total = {1913: value_in_millions("P87"), 1925: value("P86"), 1929: value("P85")}
    group = {"A": {1913: value("P92"), 1925: value("P91"), 1929: value("P90")}}
    group["B"] = {y: total[y] - group["A"][y] for y in total}
    b_multiple, a_multiple = ar.multiple(group["B"][1913], group["B"][1929]), ar.multiple(value("P92"), value("P90"))
    # 3.1: the series to rebase
    idx = chosen["3.1"]
    if "cow" in idx:
        what, unit, _ = COW_SERIES[idx["cow"]]
        idx_start, idx_end = rus.loc[1925, idx["cow"]], rus.loc[1929, idx["cow"]]
        idx_where = f"COW rows with stateabb 'RUS', column '{idx['cow']}' ({unit}), years 1925 and 1929."
    else:
        idx_start, idx_end = value(idx["start"]), value(idx["end"])
        idx_unit = figure(idx["start"])["unit"]
        idx_where = f"{idx['phrase']} in 1925 is {idx['start']} and in 1929 {idx['end']} (both {idx_unit})."
    # 3.3: the share of an increase
    sh = chosen["3.3"]
    sh_y, sh_g = sh["start"], sh["group"]
    sh_figures = (
        f"Group A grew from {'P91' if sh_y == 1925 else 'P92'} to P90; all large-scale output from "
        f"{'P86' if sh_y == 1925 else 'P87 (billion rubles: convert)'} to P85 ({sh_y} to 1929)."
    )
    if sh_g == "B":
        sh_figures += " Group B = total - Group A in each year."
    sh_figures += " Use the increases, not the levels."
    # 3.5: the boast's test on another series (levels in 1913, 1925, 1929)
    boast = chosen["3.5"]["series"]
    if boast in group:
        levels, b_unit = group[boast], "million rubles (1926/27 prices)"
        b_ids = {
            "A": "Group A in 1925 is P91 and in 1929 P90",
            "B": "Group B = total - Group A: P86 - P91 for 1925, P85 - P90 for 1929",
        }[boast]
        b_level_ids = {"A": "P92", "B": "P87 - P92 (P87 is in billion rubles: convert)"}[boast]
        b_name = f"Group {boast}"
    else:
        what, b_unit, _ = COW_SERIES[boast]
        levels = {y: float(rus.loc[y, boast]) for y in (1913, 1925, 1929)}
        b_ids = f"COW rows with stateabb 'RUS', column '{boast}', years 1925 and 1929"
        b_level_ids = "the same column in 1913 (the Russian Empire)"
        b_name = f"COW's {what}"
    b_increase = levels[1929] - levels[1925]
    # 3.6: a COW column, 1913 to 1925
    col = chosen["3.6"]["column"]
    col_what = COW_SERIES[col][0]
    col_short = COW_SHORT[col]
    # 3.7: a row of the machine table
    machine = chosen["3.7"]
    m0, m1 = machine["start"], machine["end"]
    m_years = int(figure(m1)["label_year"] - figure(m0)["label_year"])
    m_labels = figure(m0)["period_printed"], figure(m1)["period_printed"]
    return [
        exercise(
            "3.1",
            f"Rebase {idx['name']}: 1929 with 1925 = 100",
            number(
                "index_1929",
                ar.share(idx_end, idx_start),
                what="an index (1925 = 100)",
                unit="(1925 = 100)",
                decimals=1,
                hints=(
                    f"an index number: 1929's {idx['noun'].removeprefix('the ')} with 1925 set to 100.",
                    idx_where,
                    "index = value / base_value * 100, or rebase([...], base)[...].",
                ),
            ),
        ),
        exercise(
            "3.2",
            f"Average annual growth of {name}, 1925 to 1929",
            growth_rate(
                "output_growth_rate",
                ar.average_annual_growth(g_start, g_end, 4),
                multiple=g_end / g_start,
                years=4,
                hints=(
                    "a compound average growth rate, in per cent a year.",
                    f"{g_where}; count the steps between the two years.",
                    "average_annual_growth(start, end, years).",
                ),
            ),
        ),
        exercise(
            "3.3",
            f"Group {sh_g}'s share of the increase",
            number(
                "share_of_increase",
                (group[sh_g][1929] - group[sh_g][sh_y]) / (total[1929] - total[sh_y]) * 100,
                what="a share in per cent",
                unit="%",
                decimals=1,
                hints=(
                    f"a share, in per cent: how much of the growth of all output from {sh_y} to 1929 came from "
                    f"Group {sh_g}.",
                    sh_figures,
                    f"share = ({sh_g}_end - {sh_g}_start) / (total_end - total_start) * 100.",
                ),
            ),
        ),
        exercise(
            "3.4",
            "Group B since 1913, which the text does not print",
            times(
                "group_b_multiple_1913_1929",
                b_multiple,
                hints=(
                    "a multiple of a derived series: Group B in 1929 over Group B in 1913.",
                    "Group B = total - Group A in each year: P87 - P92 for 1913 (P87 is in billions: convert), "
                    "P85 - P90 for 1929.",
                    "B = total - A; multiple = B_end / B_start.",
                ),
            ),
            choice(
                "faster_since_1913",
                "A" if a_multiple > b_multiple else "B",
                ("A", "B"),
                hints=(
                    "which group's output multiplied more from 1913 to 1929?",
                    "Group A's multiple comes from P92 and P90; compare it with yours.",
                    "the larger end / start grew faster.",
                ),
            ),
        ),
        exercise(
            "3.5",
            f"Test the text's boast on {b_name}",
            number(
                "increase_1925_1929",
                b_increase,
                what=b_unit.split(" (")[0],
                unit=b_unit.split(" (")[0],
                decimals=0,
                hints=(
                    f"an increase, in {b_unit}.",
                    f"{b_ids}.",
                    "increase = end - start.",
                ),
            ),
            boolean(
                "exceeds_1913",
                b_increase > levels[1913],
                hints=(
                    f"True or False: was the four years' increase larger than the whole 1913 level ({b_name})?",
                    f"the 1913 level is {b_level_ids}, in the same unit as your increase.",
                    "increase > level_1913.",
                ),
            ),
        ),
        exercise(
            "3.6",
            f"An outside series: how far had {col_short} fallen by 1925?",
            per_cent_change(
                "cow_change_1913_1925",
                ar.percent_change(rus.loc[1913, col], rus.loc[1925, col]),
                hints=(
                    f"a per cent change from 1913 to 1925 in COW's {col_what} (negative for a fall).",
                    f"COW rows with stateabb 'RUS', column '{col}', years 1913 and 1925 (calendar years).",
                    "(value_1925 / value_1913 - 1) * 100.",
                ),
            ),
        ),
        exercise(
            "3.7",
            f"Year labels: {_labelled(machine)[0]}",
            growth_rate(
                "average_growth_rate",
                ar.average_annual_growth(value(m0), value(m1), m_years),
                multiple=value(m1) / value(m0),
                years=m_years,
                hints=(
                    f"a compound average growth rate of {machine['noun']}, in per cent a year.",
                    f"{m0} is {m_labels[0]} and {m1} is {m_labels[1]} ({machine['unit']}): count the years with "
                    "their label_year, not from the first year printed in each label.",
                    "years = label_year(end) - label_year(start); average_annual_growth(start, end, years).",
                ),
            ),
            choice(
                "months_of_1928_29_in_1929",
                "9",
                ("3", "9", "12"),
                hints=(
                    "how much of the economic year 1928/29 falls in calendar 1929?",
                    "an economic year runs from 1 October to 30 September.",
                    "count the months from January to the end of the economic year.",
                ),
            ),
        ),
        exercise(
            "3.8",
            "Levels, not rates: above plan by how much? (made-up numbers)",
            number(
                "level_above_plan",
                (1 + growth["actual"] / 100) / (1 + growth["planned"] / 100) * 100 - 100,
                what="a per cent",
                unit="%",
                decimals=1,
                mistakes=(
                    (
                        growth["actual"] - growth["planned"],
                        "That is the difference of the two growth rates; compare the levels instead.",
                    ),
                ),
                hints=(
                    "how far the level of output is above the planned level, in per cent.",
                    "start both from the same level (100, say): the planned level and the actual level a year "
                    "later; how far is the second above the first, in per cent?",
                    "(1 + actual / 100) / (1 + planned / 100) * 100 - 100.",
                ),
            ),
        ),
        exercise(
            "3.10",
            "Draw it yourself: coal, 1925 and 1929, and the increase",
            chart(
                "coal_chart",
                {
                    "values": [value("P117"), value("P118"), value("P118") - value("P117")],
                    "kinds": ["official", "official", "derived"],
                    "unit_words": ("million", "ton"),
                },
                hints=(
                    "three bars: coal in 1925, coal in 1929, and the increase; units on the axis; a source line.",
                    "P117 and P118 are official figures (million tons); the increase is derived: give it the kind "
                    "'derived'.",
                    "fig, ax = charts.new_chart(title); charts.bars(ax, labels, values, kinds, units=...); "
                    "charts.source_line(fig, text, kinds=[...]).",
                ),
            ),
        ),
    ]
