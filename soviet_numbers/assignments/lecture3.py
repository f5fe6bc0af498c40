"""Lecture 3's exercises: rebasing, growth, shares of an increase, derived groups, year labels, a chart."""

from __future__ import annotations

from .. import arithmetic as ar
from ..data import COW_FILE, external_table, value, value_in_millions
from .parts import Exercise, boolean, chart, choice, exercise, growth_rate, number, per_cent_change, times

# Exercise 3.8's made-up plan: growth planned and achieved, per cent (the text's own pair is worked in the lecture).
# Per-student variants (soviet_numbers.variants): the pool's first entry is the class version.
VARIANTS = {
    # 3.2: series with 1925 and 1929 values whose growth rate no lecture prints (steel's is worked in lecture 3)
    "3.2": [
        {"name": "pig iron", "phrase": "pig iron smelting", "start": "P113", "end": "P114"},
        {"name": "coal", "phrase": "coal mining", "start": "P117", "end": "P118"},
        {"name": "steam boilers", "phrase": "steam boiler output", "start": "P102", "end": "P103"},
    ],
    "3.8": [
        {"planned": 30, "actual": 35},
        {"planned": 20, "actual": 27},
        {"planned": 40, "actual": 50},
        {"planned": 25, "actual": 33},
    ],
}
HYPOTHETICAL_GROWTH = VARIANTS["3.8"][0]


def text(exercise_id: str, v: dict) -> list[tuple[str, str]]:
    if exercise_id == "3.2":
        c = VARIANTS["3.2"][0]
        return [
            ("growth of pig iron, 1925", f"growth of {v['name']}, 1925"),
            (
                "rate of pig iron smelting from 1925\n(P113) to 1929 (P114)",
                f"rate of {v['phrase']} from 1925\n({v['start']}) to 1929 ({v['end']})",
            ),
            (
                f'data.value("{c["start"]}"), data.value("{c["end"]}")',
                f'data.value("{v["start"]}"), data.value("{v["end"]}")',
            ),
        ]
    if exercise_id == "3.8":
        return [
            (
                "grow by **30%** in a year, and it grows by **35%**",
                f"grow by **{v['planned']}%** in a year, and it grows by **{v['actual']}%**",
            ),
            ("(1 + 35 / 100) / (1 + 30 / 100)", f"(1 + {v['actual']} / 100) / (1 + {v['planned']} / 100)"),
        ]
    return []


def build(variant: dict | None = None) -> list[Exercise]:
    growth = {**HYPOTHETICAL_GROWTH, **(variant or {}).get("3.8", {})}
    series = {**VARIANTS["3.2"][0], **(variant or {}).get("3.2", {})}
    s0, s1, name = series["start"], series["end"], series["name"]
    cow = external_table(COW_FILE)
    rus = cow[cow["stateabb"] == "RUS"].set_index("year")["irst"]
    b_1913, b_1929 = value_in_millions("P87") - value("P92"), value("P85") - value("P90")
    b_multiple, a_multiple = ar.multiple(b_1913, b_1929), ar.multiple(value("P92"), value("P90"))
    a_increase = value("P90") - value("P91")
    return [
        exercise(
            "3.1",
            "Rebase coal: 1929 with 1925 = 100",
            number(
                "coal_index_1929",
                ar.share(value("P118"), value("P117")),
                what="an index (1925 = 100)",
                unit="(1925 = 100)",
                decimals=1,
                hints=(
                    "an index number: 1929's coal output with 1925 set to 100.",
                    "coal mining in 1925 is P117 and in 1929 P118 (both million tons).",
                    "index = value / base_value * 100, or rebase([...], base)[...].",
                ),
            ),
        ),
        exercise(
            "3.2",
            f"Average annual growth of {name}, 1925 to 1929",
            growth_rate(
                "output_growth_rate",
                ar.average_annual_growth(value(s0), value(s1), 4),
                multiple=value(s1) / value(s0),
                years=4,
                hints=(
                    "a compound average growth rate, in per cent a year.",
                    f"{name} in 1925 ({s0}) and 1929 ({s1}); count the steps between the two years.",
                    "average_annual_growth(start, end, years).",
                ),
            ),
        ),
        exercise(
            "3.3",
            "Group A's share of the increase",
            number(
                "group_a_share_of_increase",
                a_increase / (value("P85") - value("P86")) * 100,
                what="a share in per cent",
                unit="%",
                decimals=1,
                hints=(
                    "a share, in per cent: how much of the growth of all output came from Group A.",
                    "Group A grew from P91 to P90; all large-scale output from P86 to P85 (1925 to 1929). Use the "
                    "increases, not the levels.",
                    "share = (A_end - A_start) / (total_end - total_start) * 100.",
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
            "Test the text's boast on Group A",
            number(
                "group_a_increase",
                a_increase,
                what="million rubles",
                unit="million rubles",
                decimals=0,
                hints=(
                    "an increase, in million rubles (1926/27 prices).",
                    "Group A in 1925 is P91 and in 1929 P90.",
                    "increase = end - start.",
                ),
            ),
            boolean(
                "exceeds_group_a_1913",
                a_increase > value("P92"),
                hints=(
                    "True or False: was the four years' increase larger than all of Group A's 1913 output?",
                    "Group A's 1913 output is P92, in the same unit as your increase.",
                    "increase > output_1913.",
                ),
            ),
        ),
        exercise(
            "3.6",
            "An outside series: how far had steel fallen by 1925?",
            per_cent_change(
                "cow_steel_1925_vs_1913",
                ar.percent_change(rus[1913], rus[1925]),
                hints=(
                    "a per cent change from 1913 to 1925 in COW's iron and steel (negative for a fall).",
                    "COW rows with stateabb 'RUS', column 'irst', years 1913 and 1925 (calendar years).",
                    "(value_1925 / value_1913 - 1) * 100.",
                ),
            ),
        ),
        exercise(
            "3.7",
            "Year labels: steam turbines, 1924/25 to 1928/29",
            growth_rate(
                "turbines_growth_rate",
                ar.average_annual_growth(value("P100"), value("P101"), 4),
                multiple=value("P101") / value("P100"),
                years=4,
                hints=(
                    "a compound average growth rate of turbine output, in per cent a year.",
                    "P100 is 1924/25 and P101 is 1928/29 (thousand kW): count the years with their label_year, "
                    "not from the first year printed in each label.",
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
                    "the trap: the difference of the two growth rates is not the answer; compare levels.",
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
