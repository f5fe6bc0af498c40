"""Lecture 1b's exercises ("Who paid?"): the lecture's methods applied to figures it does not compute.

1b.1 and 1b.4 apply a per cent change and a bound (lecture 1) to an outside table read verbatim (data/external/);
1b.2 and 1b.3 apply a multiple and a share to the chapter's own figures in the Who-paid frame; 1b.5 is a written
answer.
"""

from __future__ import annotations

from .. import arithmetic as ar
from ..data import external_table, figure, value, value_in_millions
from .parts import Exercise, boolean, choice, exercise, number, per_cent_change, times, written

GRAIN_FILE = "grain_procurements_1927_28.csv"

# Per-student variants (soviet_numbers.variants): each pool's first entry is the class version; ``text`` gives the
# (class text, variant text) replacements in the exercise's cells of the solution notebook. Every figure is the
# chapter's own (by id) or Stalin's (the grain table, by row id); none is computed by lecture 1b.
VARIANTS = {
    # 1b.3: another yearly sum in the rubles of the 1920s, set against the gold rent (P04)
    "1b.3": [
        dict(
            title="The budget's transfer to industry against the rent the peasants no longer paid",
            part="P05",
            what="the 1925/26 excess",
            hint="the budget's net financing of industry in 1925/26",
            year="1925/26",
        ),
        dict(
            title="The state's administration against the rent the peasants no longer paid",
            part="P16",
            what="the 1926/27 administrative spending",
            hint="the unified budget's administrative and management spending in 1926/27",
            year="1926/27",
        ),
        dict(
            title="The state's administration against the rent the peasants no longer paid",
            part="P17",
            what="the 1929/30 administrative spending",
            hint="the unified budget's administrative and management spending in 1929/30",
            year="1929/30",
        ),
    ],
    # 1b.4: another ratio with a bound in it: where the bound sits decides the answer to ratio_is
    "1b.4": [
        dict(title="Two deficits and a bound", top="G-deficit", bottom="G-siberia", answer="at most"),
        dict(title="Two shares and a bound", top="P128", bottom="P121", answer="at least"),
        dict(title="The budget's transfer and a bound", top="P06", bottom="P17", answer="at least"),
    ],
}
FIXED = {
    "1b.1": "Stalin's table holds one pair of dated procurement levels with a shortfall he states; the chapter's other "
    "level pairs with a stated difference (the state debt and 'over 2 billion' lent, large-scale output and its "
    "12,184 million increase) are computed in lecture 1, its growth explorer or lecture 3.",
    "1b.2": "The chapter gives exactly two channels of the population's money with a stock at two dates (the state "
    "debt, P08-P09, and savings deposits, P13-P15); the exercise compares these two, and data/ holds no third.",
}
# 1b.4's variants, in the prompt's words: the two figures, the bound, and the hints
RATIOS = {
    "G-deficit": dict(
        prompt="In Siberia in January 1928 Stalin spoke of a deficit of 'more than 100,000,000 poods' in the grain "
        "accounts\n(`G-siberia`); in February he gave a shortfall of 128 million poods (`G-deficit`).",
        divide="the February shortfall divided by the January figure, as printed (a\n  **multiple**)",
        bound="since the January figure is a lower bound",
        code='multiple(grain["G-siberia"], grain["G-deficit"])',
        hints=(
            "a multiple: the February shortfall (G-deficit) over the January deficit (G-siberia).",
            "G-siberia is printed as 'more than' 100 million poods: a lower bound, not an exact value.",
            "G-deficit / G-siberia, or multiple(G-siberia value, G-deficit value).",
        ),
        choice_hints=(
            "dividing by a lower bound: does the true ratio lie above or below your number?",
            "a larger denominator gives a smaller ratio: what if the January deficit was more than 100?",
            "a ratio with a lower bound in the denominator is an upper bound: 'at most'.",
        ),
    ),
    "P128": dict(
        prompt="In 1924/25, the chapter says, the private sector's share of the output of all industry was {P128}% "
        "(P128), and its\nshare of the gross output of census industry 'less than {P121}%' (P121).",
        divide="the first share divided by the second, as printed (a\n  **multiple**)",
        bound="since the census-industry share is an upper bound",
        code='multiple(data.value("P121"), data.value("P128"))',
        hints=(
            "a multiple: the private share of all industry (P128) over its share of census industry (P121).",
            "P121 is printed as 'less than' 4%: an upper bound, not an exact value.",
            "P128 / P121, or multiple(P121 value, P128 value).",
        ),
        choice_hints=(
            "dividing by an upper bound: does the true ratio lie above or below your number?",
            "a smaller denominator gives a larger ratio: what if the census-industry share was less than 4%?",
            "a ratio with an upper bound in the denominator is a lower bound: 'at least'.",
        ),
    ),
    "P06": dict(
        prompt="In 1929/30, the chapter says, the budget's financing of industry exceeded industry's payments to the "
        "budget by\n'over a billion rubles' (P06); the same year the unified budget spent {P17} million rubles on "
        "administration (P17).",
        divide="the excess divided by the administrative spending, both in million rubles, as printed (a\n  "
        "**multiple**)",
        bound="since the excess is a lower bound",
        code='multiple(data.value("P17"), data.value_in_millions("P06"))',
        hints=(
            "a multiple: the 1929/30 excess (P06) over the 1929/30 administrative spending (P17).",
            "P06 is printed as 'over a billion' rubles: a lower bound, not an exact value; P06 is in billions, P17 "
            "in millions.",
            "P06 in millions / P17, or multiple(P17 value, P06 value in millions).",
        ),
        choice_hints=(
            "a lower bound on top of the ratio: does the true ratio lie above or below your number?",
            "a larger numerator gives a larger ratio: what if the excess was over a billion?",
            "a ratio with a lower bound in the numerator is a lower bound: 'at least'.",
        ),
    ),
}


def _ratio_value(figure_id: str) -> float:
    """One figure of 1b.4: a row of the grain table, or a chapter figure (in million rubles where it is money)."""
    if figure_id.startswith("G-"):
        return grain(figure_id)
    return value_in_millions(figure_id) if "rubles" in figure(figure_id)["unit"] else value(figure_id)


def text(exercise_id: str, v: dict) -> list[tuple[str, str]]:
    c = VARIANTS[exercise_id][0]
    if exercise_id == "1b.3":
        return [
            (c["title"], v["title"]),
            (
                "that the budget's financing of industry exceeded industry's payments to the budget by 105\nmillion "
                "rubles in 1925/26 (P05).",
                "that the unified state budget spent {:g}\nmillion rubles on administration and management in {} "
                "({}).".format(value(v["part"]), v["year"], v["part"]),
            ),
            (f"{c['what']} as a **share**", f"{v['what']} as a **share**"),
            ('share(data.value("P05"), data.value("P04"))', f'share(data.value("{v["part"]}"), data.value("P04"))'),
        ]
    if exercise_id == "1b.4":
        old, new = RATIOS[c["top"]], RATIOS[v["top"]]
        return [
            (f"1b.4 · {c['title']}", f"1b.4 · {v['title']}"),
            (old["prompt"], new["prompt"].format(**{f: f"{value(f):g}" for f in ("P121", "P128", "P17")})),
            (old["divide"], new["divide"]),
            (old["bound"], new["bound"]),
            (old["code"], new["code"]),
            (f'ratio_is = "{c["answer"]}"', f'ratio_is = "{v["answer"]}"'),
        ]
    return []


def grain(item_id: str) -> float:
    """One figure of the grain-procurement table (million poods), by its id."""
    table = external_table(GRAIN_FILE).set_index("item_id")
    return float(table.loc[item_id, "value"])


def build(variant: dict | None = None) -> list[Exercise]:
    rent, ratio = ({**VARIANTS[ex][0], **(variant or {}).get(ex, {})} for ex in ("1b.3", "1b.4"))
    words = RATIOS[ratio["top"]]
    lent = value("P09") - value("P08")  # the increase in the state debt, Oct 1925 - Oct 1930 (derived)
    deposited = value("P15") - value("P13")  # the increase in savings deposits, Oct 1925 - Oct 1929 (derived)
    return [
        exercise(
            "1b.1",
            "The grain crisis in one number: how far did procurements fall?",
            per_cent_change(
                "procurement_change",
                ar.percent_change(grain("G-1927"), grain("G-1928")),
                hints=(
                    "a per cent change (negative for a fall), from January 1927 to January 1928.",
                    "G-1927 is the start and G-1928 the end, both in million poods; a fall gives a negative number.",
                    "(end / start - 1) * 100, or percent_change(start, end).",
                ),
            ),
            boolean(
                "agrees_with_stated_shortfall",
                grain("G-1927") - grain("G-1928") == grain("G-deficit"),
                hints=(
                    "True or False: does the difference of the two figures equal the shortfall Stalin states?",
                    "the stated shortfall is G-deficit; the difference is start minus end.",
                    "grain['G-1927'] - grain['G-1928'] == grain['G-deficit'] (grain: the values by id).",
                ),
            ),
        ),
        exercise(
            "1b.2",
            "Loans against savings: which channel was larger?",
            times(
                "lent_per_ruble_deposited",
                ar.multiple(deposited, lent),
                hints=(
                    "a multiple: how many rubles the population lent to the state for each ruble added to savings "
                    "deposits.",
                    "lent = P09 - P08 (the rise in the state debt); deposited = P15 - P13 (the rise in deposits); "
                    "both in million rubles.",
                    "lent / deposited, or multiple(deposited, lent).",
                ),
            ),
            choice(
                "same_period",
                "no",
                ("yes", "no"),
                hints=(
                    "compare the dates of the two changes.",
                    "the debt is dated 1 Oct 1925 and 1 Oct 1930 (P08, P09); the deposits 1 Oct 1925 and 1 Oct 1929 "
                    "(P13, P15).",
                    "two changes over different spans are not measured over the same period.",
                ),
            ),
        ),
        exercise(
            "1b.3",
            rent["title"],
            number(
                "excess_as_share_of_rent",
                ar.share(value(rent["part"]), value("P04")),
                what="a share in per cent",
                unit="%",
                decimals=1,
                hints=(
                    f"a share in per cent: {rent['hint']} as a part of the rent.",
                    f"the part is {rent['part']} (million rubles, {rent['year']}); the whole is P04 (million gold "
                    "rubles a year).",
                    "share = part / whole * 100, or share(part, whole).",
                ),
            ),
            choice(
                "same_kind_of_rubles",
                "no",
                ("yes", "no"),
                hints=(
                    "look at the unit and the date of each figure.",
                    f"P04 is 'gold rent' paid before the revolution; {rent['part']} is in rubles of {rent['year']}.",
                    "rubles of different dates and kinds are not the same unit unless a price index links them.",
                ),
            ),
        ),
        exercise(
            "1b.4",
            ratio["title"],
            times(
                "deficit_ratio",
                ar.multiple(_ratio_value(ratio["bottom"]), _ratio_value(ratio["top"])),
                decimals=2,
                hints=words["hints"],
            ),
            choice(
                "ratio_is",
                ratio["answer"],
                ("exact", "at most", "at least"),
                hints=words["choice_hints"],
            ),
        ),
        exercise(
            "1b.5",
            "Written answer: who paid?",
            written(
                "written_answer_who_paid",
                length="4 to 6 sentences",
                self_check=(
                    "sets the chapter's claim beside at least one historian's account, with a reference",
                    "uses at least one number you computed, with its unit and its source",
                    "separates an official claim from a historian's estimate and from your own inference",
                    "says what evidence would settle the question, instead of inventing numbers",
                ),
                rubric=(
                    "the chapter's 'the peasantry could help the state' against the forced procurements of 1928 "
                    "and Stalin's 'tribute'",
                    "the agricultural-surplus debate: a net flow from the countryside is contested (Millar; Ellman; "
                    "Barsov's balances)",
                    "money: rising deposits while goods were scarce need not be voluntary saving (goods famine, "
                    "inflation, turnover tax)",
                    "foreign credits and exports (grain included) qualify 'without loans from outside'",
                    "consumers, peasants and forced labourers bore costs the chapter does not count",
                ),
            ),
        ),
    ]
