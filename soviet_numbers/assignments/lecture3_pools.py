"""Lecture 3's per-student variants: each exercise's pool (the first entry: the class version), the exercises that
keep one version and why (``FIXED``), and ``text``, the replacements that turn the class prompt and solution into a
variant's. Instructor side only (left out of the student wheel, as every ``assignments/lecture*.py``)."""

from __future__ import annotations

from ..data import figure

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
