"""Provenance: every figure in data/ is cited and its fragment is verbatim in the source."""

import json

import pytest

from soviet_numbers import data

SOURCE = data.source_text()
FIGS = data.figures()


def test_every_prose_figure_is_present_once_with_consecutive_ids():
    """Ids run P01, P02 ... without a gap, however many figures there are (the count is never typed)."""
    assert len(FIGS) > 100  # the chapter's prose states well over a hundred numbers: a sanity floor, not the count
    assert sorted(FIGS["id"], key=lambda s: int(s[1:])) == [f"P{i:02d}" for i in range(1, len(FIGS) + 1)]
    assert FIGS["id"].is_unique


@pytest.mark.parametrize("fid", FIGS.index)
def test_fragment_is_verbatim_and_row_is_complete(fid):
    row = FIGS.loc[fid]
    assert row["fragment"] in SOURCE
    assert row["unit"].strip(), "every row has a unit"
    assert row["citation"].strip(), "every row has a citation (or says there is none)"
    assert row["value_as_printed"] in SOURCE
    for part in filter(None, row["period_printed"].split(" … ")):
        assert part in SOURCE, f"period {part!r} is not printed in the text"
    first_line = row["fragment"].split("\n")[0]
    assert first_line.strip() in data.passages().loc[row["passage_id"], "text"]


def test_numbers_in_fragments_match_values():
    """Where a figure has a plain numeric form, that form appears in its own fragment."""
    for fid, row in FIGS.iterrows():
        printed = row["value_as_printed"]
        if printed and printed[0].isdigit():
            assert printed.split()[0].rstrip("%") in row["fragment"], fid


def test_blanks_stay_blank_not_zero():
    no_number = FIGS[FIGS["value"].isna()]
    assert set(no_number.index) == {"P03", "P46", "P106", "P132", "P133"}
    assert (FIGS["value"].dropna() != 0).all()


def test_qualifiers_are_from_the_text():
    allowed = {"", "about", "over", "less than", "almost", "more than", "approaching"}
    assert set(FIGS["qualifier"].fillna("")) <= allowed
    for fid, row in FIGS[FIGS["qualifier"] != ""].iterrows():
        assert row["qualifier"] in row["fragment"] or row["qualifier"] in row["value_as_printed"], fid


def test_economic_years_normalise_to_october_september():
    econ = FIGS[FIGS["period_kind"] == "economic year"]
    assert len(econ) > 40
    for _, row in econ.iterrows():
        start = int(row["period_printed"].replace(" ", "")[:4])
        assert row["period_start"] == f"{start}-10-01" and row["period_end"] == f"{start + 1}-09-30"
        assert row["label_year"] == start + 1


def test_price_basis_only_where_the_text_gives_it():
    priced = FIGS[FIGS["price_basis"] != ""]
    assert set(priced["price_basis"]) == {"1926/27 prices"}
    assert "1926/27 prices" in SOURCE


def test_lost_tables_structure():
    tables = data.lost_tables()
    assert list(tables.index) == ["T1", "T2", "T3", "T4", "T5", "T6"]
    for _, t in tables.iterrows():
        assert t["title_as_printed"] in SOURCE
    cells = data.lost_table_cells()
    assert set(cells["status"]) == {"missing", "remnant", "derived"}
    missing = cells[cells["status"] == "missing"]
    assert missing["value"].isna().all(), "a lost cell stays blank"
    derived = cells[cells["status"] == "derived"]
    assert derived["computation"].str.len().gt(0).all()
    assert derived["value"].notna().all()
    for frag in cells["fragment"]:
        if frag:
            assert frag in SOURCE
    surviving = cells[cells["status"] == "remnant"]
    assert set(surviving["value_as_printed"]) >= {
        "16.2",
        "82.0 [footnote 3: including incomplete turbines]",
        "32.7",
        "126.4",
        "18.0",
        "69.2",
        "not manufactured",
    }


def test_lost_table_grid_shows_missing_not_zero():
    grid = data.lost_table_grid("T1")
    assert grid.shape == (3, 4)
    assert (grid == "— lost —").all().all()
    t6 = data.lost_table_grid("T6")
    assert t6.loc["Tractors (pieces)", "1913"] == "not manufactured"
    assert "derived" in t6.loc["Tractors (pieces)", "1929 in % by 1925"]


def test_derived_cells_reproduce_the_prose_multiples():
    cells = data.lost_table_cells("T6").set_index(["row", "column"])
    pct = "1929 in % by 1925"
    assert cells.loc[("Steam turbines (thousand kW)", pct), "value"] == pytest.approx(82.0 / 16.2 * 100, abs=0.05)
    assert cells.loc[("Tractors (pieces)", pct), "value"] == 850


def test_external_series_are_unchanged_extracts():
    cow = data.cow_nmc()
    rus = cow[cow["stateabb"] == "RUS"].set_index("year")
    assert rus.loc[1925, "irst"] == 1868 and rus.loc[1929, "irst"] == 4854
    mad = data.maddison()
    sun = mad[mad["countrycode"] == "SUN"].set_index("year")
    assert sun.loc[1913, "gdppc_2011usd"] == 2254 and sun.loc[1928, "gdppc_2011usd"] == 2184
    readme = (data.DATA_DIR / "external" / "README.md").read_text(encoding="utf-8")
    assert "Bolt, J. and J. L. van Zanden (2020)" in readme and "Greig, J. Michael" in readme


def test_passages_are_verbatim_lines():
    lines = SOURCE.split("\n")
    for pid, row in data.passages().iterrows():
        assert lines[int(row["line"]) - 1].rstrip() == row["text"]
        assert pid == f"L{int(row['line']):03d}"


def test_datapackage_describes_every_csv_and_validates():
    frictionless = pytest.importorskip("frictionless", reason="install requirements-dev.txt")
    package = json.loads((data.DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"] for r in package["resources"]}
    on_disk = {str(p.relative_to(data.DATA_DIR)) for p in data.DATA_DIR.rglob("*.csv")}
    assert described == on_disk
    for r in package["resources"]:
        assert r["sources"] and r["schema"]["fields"]
        assert all(f.get("description") for f in r["schema"]["fields"])
    report = frictionless.validate(str(data.DATA_DIR / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_timeline_mentions_are_verbatim_and_dates_say_their_source():
    tl = data.timeline()
    assert len(tl) >= 12
    for _, row in tl.iterrows():
        assert row["fragment"] in SOURCE
        assert row["fragment"].split("\n")[0] in data.passages().loc[row["passage_id"], "text"]
        if row["date_printed"]:
            assert row["date_printed"] in SOURCE and row["date_source"].startswith("printed in the text")
        else:
            assert row["date_source"].startswith("not printed")
    years = [d[:4] for d in tl["date"]]
    assert years == sorted(years)
