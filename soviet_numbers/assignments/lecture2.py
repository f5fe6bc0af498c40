"""Lecture 2's exercises: per-year comparisons, growth with year labels, an investment path, shares."""

from __future__ import annotations

from .. import arithmetic as ar
from ..data import value
from .parts import Exercise, boolean, exercise, growth_rate, number, per_cent_change, written

PLAN_IDS = ("P27", "P28", "P29", "P30", "P31")


def build() -> list[Exercise]:
    plan = [value(fid) for fid in PLAN_IDS]
    steady_rate = ar.constant_growth_for_total(plan[0], sum(plan), len(plan))
    return [
        exercise(
            "2.1",
            "Per year: the plan for industry, and heavy industry's outcome",
            number(
                "plan_industry_per_year",
                value("P32") / 5,
                what="billion rubles a year",
                unit="billion rubles a year",
                decimals=2,
                hints=(
                    "an amount per year, in billion rubles.",
                    "the plan's five-year total for industry is P32 (without electrification); count its years.",
                    "per year = total / years.",
                ),
            ),
            number(
                "heavy_per_year",
                value("P35") / 4.25,
                what="billion rubles a year",
                unit="billion rubles a year",
                decimals=2,
                hints=(
                    "an amount per year, in billion rubles.",
                    "heavy industry's investment is P35; it covers 4 1/4 years, not 5 (write 4.25).",
                    "per year = total / years.",
                ),
            ),
        ),
        exercise(
            "2.2",
            "How fast did the building workforce grow?",
            growth_rate(
                "construction_workers_growth_rate",
                ar.average_annual_growth(value("P62"), value("P63"), 4),
                multiple=value("P63") / value("P62"),
                years=4,
                hints=(
                    "a compound average growth rate, in per cent a year.",
                    "P62 (1924/25) and P63 ('1929'): the text uses '1929' for 1928/29, so count economic years "
                    "(see their label_year).",
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
                hints=(
                    "a constant yearly growth rate, in per cent, to the nearest whole per cent.",
                    "start at the plan's first year (P27) and keep the rate the same for all five years (change of "
                    "growth 0); the five-year total must match the sum of P27-P31.",
                    "use the explorer: preset 'steady growth', then move 'Growth, first step' until the total "
                    "equals the plan's; or try rates r until first * sum((1 + r/100) ** k for k in range(5)) "
                    "equals the total.",
                ),
            ),
        ),
        exercise(
            "2.4",
            "Rotary drilling: percentage points or per cent?",
            number(
                "rotary_change_pp",
                value("P49") - value("P48"),
                what="percentage points",
                unit="percentage points",
                decimals=1,
                hints=(
                    "a difference between two shares, in percentage points.",
                    "rotary drilling's share in 1924/25 (P48) and 1928/29 (P49).",
                    "points = share_end - share_start.",
                ),
            ),
            per_cent_change(
                "rotary_change_percent",
                ar.percent_change(value("P48"), value("P49")),
                points_change=value("P49") - value("P48"),
                hints=(
                    "the same rise, as a per cent of the starting share.",
                    "the same two figures; this time relative to the start.",
                    "(share_end / share_start - 1) * 100, or percent_change(start, end).",
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
