"""Load the course data from the vendored ``data/`` folder (never the network).

Inside the repository the package reads the top-level ``data/`` (the one source). Installed from a wheel, it reads
the copy the wheel carries, ``soviet_numbers/course_data``, through ``importlib.resources``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from .citations import COW_CITATION, MADDISON_CITATION, SOURCE_TITLE, THEMES  # noqa: F401  (one place each)


def _data_dir() -> Path:
    """The repository's data/ when the package runs from a checkout; else the data the installed wheel carries."""
    repository = Path(__file__).resolve().parent.parent / "data"
    if (repository / "datapackage.json").is_file():
        return repository
    return Path(str(resources.files("soviet_numbers").joinpath("course_data")))


DATA_DIR = _data_dir()

# Read every column as text first, so "82.0" and "7172.2" keep their printed form; numbers are parsed explicitly.
_NUMERIC = ("value", "value_high", "label_year")


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False, encoding="utf-8")


@cache
def _figures() -> pd.DataFrame:
    frames = [_read(f"figures_{theme}.csv") for theme in THEMES]
    df = pd.concat(frames, ignore_index=True)
    for col in _NUMERIC:
        # A blank stays blank: missing becomes NaN, never zero.
        df[col] = pd.to_numeric(df[col].replace("", None), errors="raise")
    return df.set_index("id", drop=False)


def figures(theme: str | None = None) -> pd.DataFrame:
    """Every number stated in the prose (one row per figure), optionally for one theme."""
    df = _figures()
    if theme is not None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; choose one of {THEMES}")
        df = df[df["theme"] == theme]
    return df.copy()


def figure(figure_id: str) -> pd.Series:
    """One figure's row: value, qualifier, unit, period, verbatim fragment, citation."""
    df = _figures()
    if figure_id not in df.index:
        raise KeyError(f"no figure with id {figure_id!r} in data/figures_*.csv")
    return df.loc[figure_id].copy()


def value(figure_id: str) -> float:
    """The numeric value of one figure (raises if the text prints no number there)."""
    v = figure(figure_id)["value"]
    if pd.isna(v):
        raise ValueError(f"figure {figure_id} has no numeric value in the text")
    return float(v)


MONEY_UNITS = {"million rubles": 1.0, "billion rubles": 1000.0}


def value_in_millions(figure_id: str) -> float:
    """A money figure in million rubles, whether the text printed it in millions or billions.

    The one place where billions become millions: ``value_in_millions("P87")`` is 10,200 (the text: "10.2 billion").
    """
    unit = figure(figure_id)["unit"]
    if unit not in MONEY_UNITS:
        raise ValueError(f"figure {figure_id} is in {unit!r}, not in million or billion rubles")
    return value(figure_id) * MONEY_UNITS[unit]


def series(*figure_ids: str) -> pd.DataFrame:
    """A small table of figures in the given order, with the columns a chart or a reader needs."""
    cols = [
        "id",
        "quantity",
        "value",
        "qualifier",
        "value_as_printed",
        "unit",
        "period_printed",
        "label_year",
        "price_basis",
        "status",
        "citation",
    ]
    return _figures().loc[list(figure_ids), cols].reset_index(drop=True)


def lost_tables() -> pd.DataFrame:
    """The six tables whose cells were lost: title, cited source, structure."""
    return _read("lost_tables.csv").set_index("table_id", drop=False)


def lost_table_cells(table_id: str | None = None) -> pd.DataFrame:
    """Cells of the lost tables, long format. ``status`` is missing / remnant / derived."""
    df = _read("lost_table_cells.csv")
    df["value"] = pd.to_numeric(df["value"].replace("", None))
    if table_id is not None:
        df = df[df["table_id"] == table_id]
    return df.reset_index(drop=True)


def lost_table_grid(table_id: str) -> pd.DataFrame:
    """A lost table laid out as printed: rows x columns, with what survives in each cell.

    Missing cells read "— lost —" (never 0); remnant cells show the printed text; derived cells say so.
    """
    cells = lost_table_cells(table_id)

    def show(c: pd.Series) -> str:
        if c["status"] == "missing":
            return "— lost —"
        if c["status"] == "remnant":
            return c["value_as_printed"]
        return f"≈{c['value']:g} (derived)"

    cells = cells.assign(cell=cells.apply(show, axis=1))
    grid = cells.pivot(index="row", columns="column", values="cell")
    grid = grid.loc[list(dict.fromkeys(cells["row"])), list(dict.fromkeys(cells["column"]))]
    grid.index.name = None
    grid.columns.name = None
    return grid


def claims() -> pd.DataFrame:
    """The text's own arithmetic claims (see :mod:`soviet_numbers.claims`)."""
    return _read("claims.csv").set_index("claim_id", drop=False)


def passages() -> pd.DataFrame:
    """The source text split into passages (one per line of the file) with stable ids ``L###`` (a copy)."""
    return passage_table().copy()


@cache
def passage_table() -> pd.DataFrame:
    """The passages table itself, read once and shared: for the package's own lookups, never to be changed."""
    return _read("source/passages.csv").set_index("passage_id", drop=False)


@cache
def source_text() -> str:
    """The full source text, exactly as vendored."""
    return (DATA_DIR / "source" / "chapter.txt").read_text(encoding="utf-8")


MADDISON_FILE = "maddison2020_selected_1900_1950.csv"
COW_FILE = "cow_nmc6_selected_1900_1950.csv"


@cache
def external_table(name: str) -> pd.DataFrame:
    """One outside series in ``data/external/``, read once and shared: for the package's lookups, never changed."""
    return pd.read_csv(DATA_DIR / "external" / name)


def maddison() -> pd.DataFrame:
    """Maddison Project Database 2020 extract (GDP per capita, 2011 US$ PPP), unchanged (a copy)."""
    return external_table(MADDISON_FILE).copy()


def cow_nmc() -> pd.DataFrame:
    """Correlates of War NMC 6.0 extract (iron and steel in thousand tons, energy), unchanged (a copy)."""
    return external_table(COW_FILE).copy()


def timeline() -> pd.DataFrame:
    """Events the chapter names, with the passage that names them and where each date comes from."""
    return _read("timeline.csv").set_index("event_id", drop=False)
