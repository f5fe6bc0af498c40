"""Lecture 3's exercises: rebasing, growth, shares of an increase, derived groups, year labels, a chart."""

from __future__ import annotations

from .. import arithmetic as ar
from ..data import COW_FILE, external_table, figure, value, value_in_millions
from .parts import Exercise, boolean, chart, choice, exercise, growth_rate, number, per_cent_change, times

# Per-student variants (soviet_numbers.variants): the pool's first entry is the class version.
VARIANTS = {
    # 3.2: series with calendar 1925 and 1929 values whose growth rate no lecture prints (steel's, the total's and
    # Group A's are in lecture 3): the textbook's pig iron and coal, COW's energy use. Never a machine-table row: those
    # are economic years, and 3.7's pool (a student could draw one series in both).
    "3.2": [
        {"name": "pig iron", "phrase": "pig iron smelting", "start": "P113", "end": "P114"},
        {"name": "coal", "phrase": "coal mining", "start": "P117", "end": "P118"},
        {"name": "energy use", "cow": "pec"},
    ],
    # 3.1: series with 1925 and 1929 values whose index no lecture prints (steel's multiple, the machines' and the
    # groups' indices are worked in lecture 3): the textbook's coal and pig iron, COW's energy use and urban population
    "3.1": [
        {"name": "coal", "noun": "coal output", "phrase": "coal mining", "start": "P117", "end": "P118"},
        {"name": "pig iron", "noun": "pig iron output", "phrase": "pig iron smelting", "start": "P113", "end": "P114"},
        {"name": "energy use", "noun": "energy use", "cow": "pec"},
        {"name": "urban population", "noun": "the urban population", "cow": "upop"},
    ],
    # 3.3: the share of an increase, for Group A or the derived Group B, from 1925 or from 1913 (to 1929)
    "3.3": [
        {"group": "A", "start": 1925},
        {"group": "A", "start": 1913},
        {"group": "B", "start": 1925},
        {"group": "B", "start": 1913},
    ],
    # 3.5: the text's boast (increase 1925-1929 against the whole 1913 level) applied to another series with the
    # three dates: Group A, the derived Group B, COW's iron and steel and COW's energy use (both for Russia/the USSR)
    "3.5": [
        {"series": "A"},
        {"series": "B"},
        {"series": "irst"},
        {"series": "pec"},
    ],
    # 3.6: COW series for Russia/the USSR, 1913 (the Empire) to 1925 (the USSR)
    "3.6": [
        {"column": "irst"},
        {"column": "pec"},
        {"column": "upop"},
        {"column": "tpop"},
    ],
    # 3.7: pairs of economic years (two rows of the machine table, whose multiples are printed but not their rates;
    # the plan's investment in industry). Diesels are left out: their rate, 40.0, would be accepted as "40", which
    # lecture 3 prints ("40 years"); administrative spending (P16 -> P17): lecture 1's growth explorer draws it.
    "3.7": [
        {
            "name": "steam turbines",
            "noun": "turbine output",
            "source": "The machine table's surviving cells give steam turbines produced",
            "start": "P100",
            "end": "P101",
            "unit": "thousand kW",
        },
        {
            "name": "steam boilers",
            "noun": "boiler output",
            "source": "The machine table's surviving cells give steam boilers produced",
            "start": "P102",
            "end": "P103",
            "unit": "thousands; the unit is lost in the surviving copy of the table",
        },
        {
            "name": "planned investment",
            "noun": "planned investment",
            "source": "The five-year plan sets investment in the capital construction of industry",
            "start": "P28",
            "end": "P31",
            "unit": "million rubles",
        },
    ],
    # 3.8: a made-up plan, growth planned and achieved, per cent (the text's own pair is worked in the lecture)
    "3.8": [
        {"planned": 30, "actual": 35},
        {"planned": 20, "actual": 27},
        {"planned": 40, "actual": 50},
        {"planned": 25, "actual": 33},
    ],
}

# Exercises that keep one version for everyone (tests/test_variants.py), each with the reason.
FIXED = {
    "3.4": "Group B (total minus Group A) exists for 1913, 1925 and 1929 only, and lecture 3 shows its other two "
    "multiples (1925 to 1929 printed, 1913 to 1925 in the output explorer); data/ holds no other total and part of "
    "output at two dates to derive a group from (COW's rural population, total minus urban, is not output and has "
    "no A-or-B question).",
}

# COW columns (data.cow_nmc(), Russia/the USSR): what each measures, its unit, and a short noun for the prompts.
COW_SERIES = {
    "irst": ("iron and steel", "thousand tonnes", "output"),
    "pec": ("primary energy consumption", "thousand coal-ton equivalents", "energy use"),
    "upop": ("urban population", "thousand people", "urban population"),
    "tpop": ("total population", "thousand people", "population"),
}
COW_SHORT = {"irst": "steel", "pec": "energy use", "upop": "the urban population", "tpop": "the population"}
COW_ROWS = 'cow = data.cow_nmc()\nrus = cow[cow["stateabb"] == "RUS"].set_index("year")\n'
COW_WHERE = '(`data.cow_nmc()`, rows with `stateabb` `"RUS"`, column `{col}`, {unit}, calendar years)'
# Exercise 3.5's series: Group A (the class version), the derived Group B, or a COW column.
BOAST = {
    "A": {
        "label": "Group A",
        "sentence": "Group A",
        "increase": "Group A's increase from 1925 (P91) to 1929 (P90), **in million rubles**",
        "level": "Group A's whole 1913 output (P92)",
        "code": 'increase_1925_1929 = data.value("P90") - data.value("P91")\n'
        'exceeds_1913 = increase_1925_1929 > data.value("P92")',
    },
    "B": {
        "label": "Group B",
        "sentence": "Group B, which the text never prints (derived: total minus Group A)",
        "increase": "Group B's increase from 1925 (P86 - P91) to 1929 (P85 - P90), **in million rubles**",
        "level": "Group B's whole 1913 output (P87 - P92; P87 is in billion rubles)",
        "code": 'increase_1925_1929 = (data.value("P85") - data.value("P90")) - (data.value("P86") - data.value("P91"))'
        '\nexceeds_1913 = increase_1925_1929 > data.value_in_millions("P87") - data.value("P92")',
    },
}


def _cow_boast(col: str) -> dict:
    what, unit, noun = COW_SERIES[col]
    return {
        "label": f"COW's {what}",
        "sentence": f"an outside series, the Correlates of War's {what} for Russia/the USSR "
        + COW_WHERE.format(col=col, unit=unit),
        "increase": f"the increase of COW's {what} from 1925 to 1929, **in {unit}**",
        "level": f"COW's whole 1913 {noun} (the Russian Empire's: a larger territory)",
        "code": f'{COW_ROWS}increase_1925_1929 = rus.loc[1929, "{col}"] - rus.loc[1925, "{col}"]\n'
        f'exceeds_1913 = increase_1925_1929 > rus.loc[1913, "{col}"]',
    }


def _boast(series: str) -> dict:
    return BOAST[series] if series in BOAST else _cow_boast(series)


def _index_source(v: dict) -> tuple[str, str]:
    """Exercise 3.1: the prompt's sentence naming the series, and the solution's line."""
    if "cow" in v:
        what, unit, _ = COW_SERIES[v["cow"]]
        where = COW_WHERE.format(col=v["cow"], unit=unit).replace("calendar years", "calendar years 1925 and 1929")
        code = f'{COW_ROWS}index_1929 = rus.loc[1929, "{v["cow"]}"] / rus.loc[1925, "{v["cow"]}"] * 100'
        return f"Rebase an outside series: the Correlates of War's {what} for Russia/the USSR {where}.", code
    return (
        f"Rebase {v['phrase']} ({v['start']} for 1925, {v['end']} for 1929).",
        f'index_1929 = data.value("{v["end"]}") / data.value("{v["start"]}") * 100',
    )


def _growth_source(v: dict) -> tuple[str, str]:
    """Exercise 3.2: the prompt's words for the series and its years, and the solution's call (its first part)."""
    if "cow" in v:
        what, unit, _ = COW_SERIES[v["cow"]]
        where = COW_WHERE.format(col=v["cow"], unit=unit)
        years = f'rus.loc[1925, "{v["cow"]}"], rus.loc[1929, "{v["cow"]}"]'
        return (
            f"rate of the Correlates of War's {what} for Russia/the USSR from 1925\nto 1929 {where}",
            f"{COW_ROWS}output_growth_rate = average_annual_growth({years}",
        )
    return (
        f"rate of {v['phrase']} from 1925\n({v['start']}) to 1929 ({v['end']})",
        f'output_growth_rate = average_annual_growth(data.value("{v["start"]}"), data.value("{v["end"]}")',
    )


def _share_prompt(v: dict) -> tuple[str, str]:
    """Exercise 3.3: the question's end, and the figures to use."""
    y, g = v["start"], v["group"]
    a0, t0 = ("P91", "P86") if y == 1925 else ("P92", "P87")
    total = f"all large-scale\nindustry: {t0} ({y}{', in billion rubles' if t0 == 'P87' else ''}), P85 (1929)."
    if g == "A":
        figures = f"Group A: {a0} ({y}), P90 (1929); {total}"
    else:
        figures = f"Group B is derived (total minus Group A). Group A: {a0} ({y}), P90 (1929); {total}"
    return f"from {y} to 1929, what share came from Group {g}?", figures


def _share_code(v: dict) -> str:
    a0 = 'data.value("P91")' if v["start"] == 1925 else 'data.value("P92")'
    t0 = 'data.value("P86")' if v["start"] == 1925 else 'data.value_in_millions("P87")'
    if v["group"] == "A":
        return f'share_of_increase = share(data.value("P90") - {a0}, data.value("P85") - {t0})'
    return (
        f'group_b_start, group_b_end = {t0} - {a0}, data.value("P85") - data.value("P90")\n'
        f'share_of_increase = share(group_b_end - group_b_start, data.value("P85") - {t0})'
    )


def _labelled(v: dict) -> tuple[str, str]:
    """Exercise 3.7: the title's words and the prompt's sentence for a pair of economic years."""
    p0, p1 = figure(v["start"])["period_printed"], figure(v["end"])["period_printed"]
    return (
        f"{v['name']}, {p0} to {p1}",
        f"{v['source']} in {p0} ({v['start']}) and {p1} ({v['end']}), in\n{v['unit']}.",
    )


def text(exercise_id: str, v: dict) -> list[tuple[str, str]]:
    if exercise_id == "3.1":
        c = VARIANTS["3.1"][0]
        (old_sentence, old_code), (sentence, code) = _index_source(c), _index_source(v)
        return [
            ("Rebase coal: 1929", f"Rebase {v['name']}: 1929"),
            (old_sentence, sentence),
            ("coal output in 1929 as an index", f"{v['noun']} in 1929 as an index"),
            (old_code, code),
        ]
    if exercise_id == "3.2":
        (old_words, old_code), (words, code) = _growth_source(VARIANTS["3.2"][0]), _growth_source(v)
        return [("growth of pig iron, 1925", f"growth of {v['name']}, 1925"), (old_words, words), (old_code, code)]
    if exercise_id == "3.3":
        c = VARIANTS["3.3"][0]
        (old_q, old_figures), (q, figures) = _share_prompt(c), _share_prompt(v)
        return [
            ("Group A's share of the increase", f"Group {v['group']}'s share of the increase"),
            (old_q, q),
            (old_figures, figures),
            (_share_code(c), _share_code(v)),
        ]
    if exercise_id == "3.5":
        c, b = _boast(VARIANTS["3.5"][0]["series"]), _boast(v["series"])
        return [
            ("boast on Group A", f"boast on {b['label']}"),
            ("same test to Group A.", f"same test to {b['sentence']}."),
            (c["increase"], b["increase"]),
            (c["level"], b["level"]),
            (c["code"], b["code"]),
        ]
    if exercise_id == "3.6":
        col = v["column"]
        what, unit, noun = COW_SERIES[col]
        short = COW_SHORT[col]
        return [
            ("how far had steel fallen by 1925?", f"how far had {short} fallen by 1925?"),
            (
                "column `irst`, thousand tonnes, calendar years).",
                f"calendar years); its column `{col}` holds {what}, in {unit}.",
            ),
            ("of COW's iron and steel from 1913", f"of COW's {what} from 1913"),
            ("a fall in\noutput with", f"a fall in\n{noun} with"),
            ("the Empire's 1913 output, not from 1913 output on", f"the Empire's 1913 {noun}, not from 1913 {noun} on"),
            ('rus.loc[1913, "irst"], rus.loc[1925, "irst"]', f'rus.loc[1913, "{col}"], rus.loc[1925, "{col}"]'),
        ]
    if exercise_id == "3.7":
        c = VARIANTS["3.7"][0]
        return [
            (f"Year labels: {_labelled(c)[0]}", f"Year labels: {_labelled(v)[0]}"),
            (_labelled(c)[1], _labelled(v)[1]),
            (f"growth rate of {c['noun']}", f"growth rate of {v['noun']}"),
            (f'"{c["start"]}", "{c["end"]}"', f'"{v["start"]}", "{v["end"]}"'),
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
