"""Start here (0.1, a worked demonstration) and the primer's practice checks (0.2-0.4)."""

from __future__ import annotations

from ..data import COW_FILE, external_table, figures, value
from .parts import Exercise, exercise, number


def build() -> list[Exercise]:
    all_figures = figures()
    cow = external_table(COW_FILE)
    rus_1933 = cow[(cow["stateabb"] == "RUS") & (cow["year"] == 1933)]["irst"].iloc[0]
    return [
        exercise(
            "0.1",
            "Practice: how many numbers does the chapter's prose state?",
            number(
                "how_many_figures",
                float(len(all_figures)),
                what="a whole number",
                decimals=0,
                hints=(
                    "a count: how many rows the table of figures has.",
                    "every number of the prose is one row of data.figures().",
                    "len(table) counts the rows of a table.",
                ),
            ),
        ),
        exercise(
            "0.2",
            "Primer: the state debt of October 1930 in billions",
            number(
                "debt_1930_billions",
                value("P09") / 1000,
                what="billion rubles",
                unit="billion rubles",
                decimals=3,
                hints=(
                    "an amount of money, in billion rubles.",
                    "figure P09 is in million rubles; a billion is a thousand million.",
                    "billions = data.value(id) / 1000.",
                ),
            ),
        ),
        exercise(
            "0.3",
            "Primer: how many figures are in million rubles?",
            number(
                "million_ruble_figures",
                float((all_figures["unit"] == "million rubles").sum()),
                what="a whole number",
                decimals=0,
                hints=(
                    "a count of rows: the figures whose unit is exactly 'million rubles'.",
                    "filter data.figures() on its 'unit' column; 'billion rubles' rows do not count.",
                    "table = data.figures(); len(table[table['unit'] == 'million rubles']).",
                ),
            ),
        ),
        exercise(
            "0.4",
            "Primer: COW's iron and steel for the USSR in 1933",
            number(
                "rus_steel_1933",
                float(rus_1933),
                what="thousand tonnes",
                unit="thousand tonnes",
                decimals=0,
                hints=(
                    "one cell of the COW table: iron and steel output, in thousand tonnes.",
                    "the rows whose stateabb is 'RUS'; the column 'irst'; the year 1933 (a number, not text).",
                    "rus = cow[cow['stateabb'] == 'RUS'].set_index('year'); rus.loc[1933, 'irst'].",
                ),
            ),
        ),
    ]
