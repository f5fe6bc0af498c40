"""Lecture 2's exercises: per-year comparisons, growth with year labels, an investment path, shares."""

from __future__ import annotations

from .. import arithmetic as ar
from ..data import figure, value
from .parts import Exercise, boolean, exercise, growth_rate, number, per_cent_change, written

PLAN_IDS = ("P27", "P28", "P29", "P30", "P31")

# Per-student variants (soviet_numbers.variants): each pool's first entry is the class version; ``text`` gives the
# (class text, variant text) replacements in the exercise's cells of the solution notebook. Figures of data/, by id;
# the lecture computes none of these answers (it works P33 / 5 and P34 / 4.25, no rate or change of these series).
VARIANTS = {
    # 2.1: a five-year total of the plan (industry P32; electrification alone, P33 - P32) crossed with a part of the
    # 4 1/4 years' outcome (heavy industry P35; the rest, P34 - P35).
    "2.1": [
        {"plan": "industry", "outcome": "heavy"},
        {"plan": "electrification", "outcome": "rest"},
    ],
    # 2.2: two figures whose years are counted from their label_year (economic years). Turbines (3.7) and steam
    # boilers (a 3.2 variant) are left to lecture 3's exercises; administrative spending (P16 -> P17) to lecture 1's
    # growth explorer, which draws it.
    "2.2": [
        {"series": "workers", "start": "P62", "end": "P63"},
        {"series": "diesel", "start": "P104", "end": "P105"},
        {"series": "grozneft", "start": "P57", "end": "P58"},
    ],
    # 2.3: steady paths over runs of the plan's yearly figures (first and last index, exclusive).
    "2.3": [{"first": 0, "stop": 5}, {"first": 0, "stop": 4}, {"first": 0, "stop": 3}, {"first": 1, "stop": 5}],
    # 2.4: the change of a per cent from 1924/25 to 1928/29, in points and in per cent.
    "2.4": [
        {"series": "rotary", "start": "P48", "end": "P49"},
        {"series": "percussion", "start": "P50", "end": "P51"},
        {"series": "grozneft", "start": "P57", "end": "P58"},
    ],
}
FIXED = {
    "2.1": "Two versions only: each part has two totals in the data beside the lecture's own (P33 / 5, P34 / 4.25), so "
    "a third version would repeat one part of the class version, whose public solution prints it.",
    "2.6": "It is about one claim: the undated 'end of the period' of the fixed assets P37 (P38: 1925); no other "
    "figure has a dated start and an undated end, and the end years the variables name are the two the text supports.",
}


def _printed(fid: str) -> str:
    return figure(fid)["value_as_printed"]


# 2.1: each total (figure ids: the first minus the others), in the prompt, the title and the hints.
PLAN_TOTALS = {
    "industry": dict(
        ids=("P32",),
        title="industry",
        prompt="the plan's five-year total for industry without electrification (P32)",
        hint="the plan's five-year total for industry is P32 (without electrification); count its years.",
        method="per year = total / years.",
    ),
    "electrification": dict(
        ids=("P33", "P32"),
        title="electrification",
        prompt="the plan's five-year total for electrification alone (P33, with it, minus P32, without it)",
        hint="the plan's total for electrification alone is P33 (with it) minus P32 (without it); count its years.",
        method="per year = (P33 - P32) / years.",
    ),
}
OUTCOMES = {
    "heavy": dict(
        ids=("P35",),
        title="heavy industry's outcome",
        prompt="heavy industry's actual investment (P35)",
        hint="heavy industry's investment is P35; it covers 4 1/4 years, not 5 (write 4.25).",
        method="per year = total / years.",
    ),
    "rest": dict(
        ids=("P34", "P35"),
        title="the outcome outside heavy industry",
        prompt="the actual investment outside heavy industry (P34, all of it, minus P35, heavy industry's part)",
        hint="the investment outside heavy industry is P34 (all of it) minus P35 (heavy industry's part); it "
        "covers 4 1/4 years, not 5 (write 4.25).",
        method="per year = (P34 - P35) / years.",
    ),
}


def _amount(ids: tuple[str, ...]) -> float:
    return value(ids[0]) - sum(value(i) for i in ids[1:])


def _code(ids: tuple[str, ...]) -> str:
    return f'data.value("{ids[0]}")' if len(ids) == 1 else f'(data.value("{ids[0]}") - data.value("{ids[1]}"))'


# 2.2: each series' title, prompt (figures as printed in data/) and second hint; "fall": its rate is negative.
SERIES_2_2 = {
    "workers": dict(
        title="How fast did the building workforce grow?",
        prompt=f"Construction workers numbered {_printed('P62')} thousand in 1924/25 (P62) and {_printed('P63')} "
        "thousand in '1929' (P63). Like the text's\ntables, this passage uses '1929' for the economic year 1928/29: "
        "check the two figures' `label_year` in `data/`.",
        hint="P62 (1924/25) and P63 ('1929'): the text uses '1929' for 1928/29, so count economic years "
        "(see their label_year).",
    ),
    "diesel": dict(
        title="How fast did the output of diesel engines grow?",
        prompt=f"The output of diesel engines was {_printed('P104')} thousand HP in 1924/25 (P104) and "
        f"{_printed('P105')} thousand HP in 1928/29 (P105),\nin the text's table of machine-building output: "
        "count economic years with the two figures' `label_year` in `data/`.",
        hint="P104 (1924/25) and P105 (1928/29), diesel engines in thousand HP: count economic years (see their "
        "label_year).",
    ),
    "grozneft": dict(
        title="How fast did Grozneft electrify its oil production?",
        prompt=f"In Grozneft (the Grozny oil trust) the electrification coefficient of oil production was "
        f"{_printed('P57')}% in 1924/25 (P57)\nand {_printed('P58')}% in 1928/29 (P58). Count economic years "
        "with the two figures' `label_year` in `data/`. The\nrate asked is the growth of the coefficient itself, "
        "not a difference in percentage points.",
        hint="P57 (1924/25) and P58 (1928/29), Grozneft's coefficient in per cent: count economic years (see their "
        "label_year); the rate is of the coefficient itself, not in points.",
    ),
}
# 2.4: (title, whose per cent, what it is, "share" or "coefficient", whether it fell).
SERIES_2_4 = {
    "rotary": ("Rotary drilling", "rotary drilling's share", "The share of rotary drilling in oil drilling", "share"),
    "percussion": (
        "Percussion drilling",
        "percussion drilling's share",
        "The share of percussion (rod and cable) drilling in oil drilling",
        "share",
        True,
    ),
    "grozneft": (
        "Grozneft's electrification",
        "Grozneft's electrification coefficient",
        "Grozneft's electrification coefficient of oil production (a per cent)",
        "coefficient",
    ),
}
PLAN_YEARS = ("1928/29", "1929/30", "1930/31", "1931/32", "1932/33")
WORDS = {3: "three", 4: "four", 5: "five"}


def _share(series: str) -> dict:
    title, whose, what, of, *fall = SERIES_2_4[series]
    return dict(title=title, whose=whose, what=what, of=of, fall=bool(fall))


def text(exercise_id: str, v: dict) -> list[tuple[str, str]]:
    if exercise_id == "2.1":
        plan, outcome = PLAN_TOTALS[v["plan"]], OUTCOMES[v["outcome"]]
        c_plan, c_outcome = PLAN_TOTALS["industry"], OUTCOMES["heavy"]
        return [
            (
                f"the plan for {c_plan['title']}, and {c_outcome['title']}",
                f"the plan for {plan['title']}, and {outcome['title']}",
            ),
            (c_plan["prompt"], plan["prompt"]),
            (c_outcome["prompt"], outcome["prompt"]),
            (f"{_code(c_plan['ids'])} / 5", f"{_code(plan['ids'])} / 5"),
            (f"{_code(c_outcome['ids'])} / 4.25", f"{_code(outcome['ids'])} / 4.25"),
        ]
    if exercise_id == "2.2":
        c, s = VARIANTS["2.2"][0], SERIES_2_2[v["series"]]
        return [
            (SERIES_2_2[c["series"]]["title"], s["title"]),
            (SERIES_2_2[c["series"]]["prompt"], s["prompt"]),
            (f'data.series("{c["start"]}", "{c["end"]}")', f'data.series("{v["start"]}", "{v["end"]}")'),
            (
                f'data.value("{c["start"]}"), data.value("{c["end"]}")',
                f'data.value("{v["start"]}"), data.value("{v["end"]}")',
            ),
        ]
    if exercise_id == "2.3":
        ids = PLAN_IDS[v["first"] : v["stop"]]
        n, first, last = len(ids), PLAN_YEARS[v["first"]], PLAN_YEARS[v["stop"] - 1]
        listed = ", ".join(f'"{i}"' for i in ids)
        return [
            (
                "starts at the plan's first year (P27) and reaches the same five-year total as the plan's five yearly "
                "figures\n(P27 to P31). In the explorer: choose the preset 'steady growth' (change of growth per "
                "year 0), then move 'Growth,\nfirst step (%)' until the total matches. Or, in code,",
                f"starts at the plan's figure for {first} ({ids[0]}) and reaches, in {WORDS[n]} years, the same total "
                f"as the plan's yearly\nfigures from {first} to {last} ({ids[0]} to {ids[-1]}). The explorer's paths "
                "run five years from 1928/29, so work in\ncode:",
            ),
            ('for fid in ("P27", "P28", "P29", "P30", "P31")', f"for fid in ({listed})"),
            ("constant_growth_for_total(plan[0], sum(plan), 5)", f"constant_growth_for_total(plan[0], sum(plan), {n})"),
        ]
    if exercise_id == "2.4":
        c, s = VARIANTS["2.4"][0], _share(v["series"])
        rise, neg = ("fall", " (negative)") if s["fall"] else ("rise", "")
        return [
            ("Rotary drilling: percentage points", f"{s['title']}: percentage points"),
            (
                "The share of rotary drilling in oil drilling rose from 1924/25 (P48) to 1928/29 (P49). A rise in a "
                "share can be\ngiven two ways.",
                f"{s['what']} {'fell' if s['fall'] else 'rose'} from 1924/25 ({v['start']}) to 1928/29 "
                f"({v['end']}). A {rise} in a\n{s['of']} can be given two ways{'; both are negative' if neg else ''}.",
            ),
            ("the rise **in percentage points**;", f"the {rise} **in percentage points**{neg};"),
            (
                "the same rise **in per cent** of the 1924/25 share.",
                f"the same {rise} **in per cent** of the 1924/25 {s['of']}{neg}.",
            ),
            (
                f'data.value("{c["end"]}") - data.value("{c["start"]}")',
                f'data.value("{v["end"]}") - data.value("{v["start"]}")',
            ),
            (
                f'percent_change(data.value("{c["start"]}"), data.value("{c["end"]}"))',
                f'percent_change(data.value("{v["start"]}"), data.value("{v["end"]}"))',
            ),
        ]
    return []


def build(variant: dict | None = None) -> list[Exercise]:
    chosen = {ex: {**pool[0], **(variant or {}).get(ex, {})} for ex, pool in VARIANTS.items()}
    plan_total, outcome = PLAN_TOTALS[chosen["2.1"]["plan"]], OUTCOMES[chosen["2.1"]["outcome"]]
    g0, g1, growth = chosen["2.2"]["start"], chosen["2.2"]["end"], SERIES_2_2[chosen["2.2"]["series"]]
    g_years = int(figure(g1)["label_year"] - figure(g0)["label_year"])
    d0, d1, shares = chosen["2.4"]["start"], chosen["2.4"]["end"], _share(chosen["2.4"]["series"])
    rise, negative = ("fall", " (negative for a fall)") if shares["fall"] else ("rise", "")
    of = shares["of"]
    s23 = chosen["2.3"]
    ids23 = PLAN_IDS[s23["first"] : s23["stop"]]
    plan, n23 = [value(fid) for fid in ids23], len(ids23)
    steady_rate = ar.constant_growth_for_total(plan[0], sum(plan), n23)
    if s23 == VARIANTS["2.3"][0]:
        steady_hints = (
            "start at the plan's first year (P27) and keep the rate the same for all five years (change of "
            "growth 0); the five-year total must match the sum of P27-P31.",
            "use the explorer: preset 'steady growth', then move 'Growth, first step' until the total "
            "equals the plan's; or try rates r until first * sum((1 + r/100) ** k for k in range(5)) "
            "equals the total.",
        )
    else:
        steady_hints = (
            f"start at {ids23[0]} and keep the rate the same for all {WORDS[n23]} years; the total must match the sum "
            f"of {ids23[0]}-{ids23[-1]}.",
            "constant_growth_for_total(first, total, years); or try rates r until first * sum((1 + r/100) ** k "
            "for k in range(years)) equals the total.",
        )
    return [
        exercise(
            "2.1",
            f"Per year: the plan for {plan_total['title']}, and {outcome['title']}",
            number(
                "plan_per_year",
                _amount(plan_total["ids"]) / 5,
                what="billion rubles a year",
                unit="billion rubles a year",
                decimals=2,
                hints=("an amount per year, in billion rubles.", plan_total["hint"], plan_total["method"]),
            ),
            number(
                "actual_per_year",
                _amount(outcome["ids"]) / 4.25,
                what="billion rubles a year",
                unit="billion rubles a year",
                decimals=2,
                hints=("an amount per year, in billion rubles.", outcome["hint"], outcome["method"]),
            ),
        ),
        exercise(
            "2.2",
            growth["title"],
            growth_rate(
                "series_growth_rate",
                ar.average_annual_growth(value(g0), value(g1), g_years),
                multiple=value(g1) / value(g0),
                years=g_years,
                hints=(
                    "a compound average growth rate, in per cent a year"
                    + (" (negative for a fall)." if growth.get("fall") else "."),
                    growth["hint"],
                    "average_annual_growth(start, end, years), with years = label_year(end) - label_year(start).",
                ),
            ),
        ),
        exercise(
            "2.3",
            "Shape an investment path: steady growth to the plan's total",
            growth_rate(
                "steady_growth_rate",
                steady_rate,
                decimals=0,
                hints=("a constant yearly growth rate, in per cent, to the nearest whole per cent.", *steady_hints),
            ),
        ),
        exercise(
            "2.4",
            f"{shares['title']}: percentage points or per cent?",
            number(
                "change_pp",
                value(d1) - value(d0),
                what="percentage points",
                unit="percentage points",
                decimals=1,
                hints=(
                    f"a difference between two {of}s, in percentage points{negative}.",
                    f"{shares['whose']} in 1924/25 ({d0}) and 1928/29 ({d1}).",
                    f"points = {of}_end - {of}_start.",
                ),
            ),
            per_cent_change(
                "change_percent",
                ar.percent_change(value(d0), value(d1)),
                points_change=value(d1) - value(d0),
                hints=(
                    f"the same {rise}, as a per cent of the starting {of}" + (" (negative)." if negative else "."),
                    "the same two figures; this time relative to the start.",
                    f"({of}_end / {of}_start - 1) * 100, or percent_change(start, end).",
                ),
            ),
        ),
        exercise(
            "2.5",
            "Oil extraction: can the 1924/25 shares be added?",
            boolean(
                "can_add_1924_25_shares",
                False,
                hints=(
                    "True or False: do the 1924/25 extraction shares rest on the same base?",
                    "read the note under the technology explorer's oil-extraction topic, and the fragments of P52 "
                    "and P53 (data.figure(id)['fragment']).",
                    "shares add up only when both are per cent of the same whole.",
                ),
            ),
        ),
        exercise(
            "2.6",
            "Fixed assets: how fast they grew depends on when 'the end of the period' was",
            growth_rate(
                "assets_growth_if_1929",
                ar.average_annual_growth(value("P38"), value("P37"), 1929 - 1925),
                hints=(
                    "a compound average growth rate of fixed assets, in per cent a year, if the end year is 1929.",
                    "P38 is 1925 and P37 is 'by the end of the period': take that to be 1929 here.",
                    "average_annual_growth(start, end, years), with years = end year - 1925.",
                ),
            ),
            growth_rate(
                "assets_growth_if_1932",
                ar.average_annual_growth(value("P38"), value("P37"), 1932 - 1925),
                hints=(
                    "the same rate, if 'the end of the period' means the end of 1932.",
                    "the same two figures; only the number of years changes.",
                    "average_annual_growth(start, end, years), with years = end year - 1925.",
                ),
            ),
        ),
        exercise(
            "2.7",
            "Written answer: was the plan overfulfilled?",
            written(
                "written_answer",
                length="3 to 5 sentences",
                min_words=40,
                max_words=200,
                self_check=(
                    "compares like with like (same period, same coverage), or says where it cannot",
                    "uses at least one number you computed, with its unit",
                    "says what the text does not tell us (prices, which plan)",
                    "treats the text's figures as official claims",
                ),
                rubric=(
                    "the periods differ: 4 1/4 years against 5",
                    "prices: current against the plan's prices; inflation in the early 1930s",
                    "which plan: variants, electrification included, targets revised",
                    "an official claim from a propaganda text",
                ),
            ),
        ),
    ]
