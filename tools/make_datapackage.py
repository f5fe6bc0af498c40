"""Write data/datapackage.json (Frictionless Data Package) describing every CSV in data/.

python tools/make_datapackage.py           # write it
python tools/make_datapackage.py --verify   # exit 1 if the stored file differs from what would be written
"""

import csv
import json
import sys
from pathlib import Path

from soviet_numbers.citations import COW_CITATION, MADDISON_CITATION, SOURCE_URL, THEMES
from soviet_numbers.citations import SOURCE_TITLE as TEXTBOOK

DATA = Path(__file__).resolve().parent.parent / "data"

FIGURE_FIELDS = {
    "id": ("string", "Stable id of the figure (P01-P133), as in the course's research list"),
    "theme": ("string", " / ".join(THEMES) + " (the chapter's sections)"),
    "quantity": ("string", "What the number measures"),
    "value": ("number", "The number as a number; blank where the text prints no number (blank is missing, never zero)"),
    "value_high": ("number", "Upper end where the text prints a range (800-1000)"),
    "qualifier": ("string", "The text's qualifier: about / over / less than / almost / more than / approaching"),
    "value_as_printed": ("string", "The number as the text prints it, e.g. 'over a billion'"),
    "unit": ("string", "Unit, as the text gives it"),
    "price_basis": ("string", "Price basis where the text gives one ('1926/27 prices'); blank = not stated"),
    "period_printed": ("string", "The period exactly as printed (parts joined by ' … ' each occur verbatim)"),
    "period_kind": (
        "string",
        "economic year (1 Oct-30 Sep) / calendar year / calendar label / date / month / span / comparison / "
        "definition / not printed",
    ),
    "period_start": ("date", "First day of the period, only where the printed label fixes it"),
    "period_end": ("date", "Last day of the period, only where the printed label fixes it"),
    "label_year": ("integer", "Calendar year in which the period ends (1925/26 -> 1926); used to order and plot"),
    "status": ("string", "stated (prose) or table remnant (a surviving cell of a lost table)"),
    "passage_id": ("string", "Passage of data/source/passages.csv where the fragment starts"),
    "fragment": ("string", "Verbatim fragment of the source text containing the number"),
    "citation": ("string", "The footnote the textbook gives, or 'no citation in the text'"),
    "note": ("string", "Caveats: ambiguity of the year label, doubtful translation, etc."),
}
RESOURCES = {
    "lost_tables.csv": (
        "The six tables of the chapter whose cells were lost: titles, cited sources, structure",
        {
            "table_id": ("string", "T1-T6"),
            "title_as_printed": ("string", "Title, verbatim"),
            "passage_id": ("string", "Passage of the title"),
            "cited_source": ("string", "Source footnote as printed"),
            "unit": ("string", "Unit of the cells"),
            "price_basis": ("string", "Price basis"),
            "rows": ("string", "Row labels, ' | '-separated"),
            "columns": ("string", "Column labels, ' | '-separated"),
            "note": ("string", "What survives"),
        },
    ),
    "lost_table_cells.csv": (
        "Every cell of the lost tables: missing (blank), remnant (survived) or derived (computed from a multiple "
        "the prose states)",
        {
            "table_id": ("string", "T1-T6"),
            "row": ("string", "Row label"),
            "column": ("string", "Column label"),
            "value": ("number", "Numeric value; blank for missing cells (never zero)"),
            "value_as_printed": ("string", "Surviving cell text, e.g. 'not manufactured'"),
            "status": ("string", "missing / remnant / derived"),
            "computation": ("string", "For derived cells: how the value was computed"),
            "source_ids": ("string", "Figure ids (';'-separated) the cell rests on"),
            "fragment": ("string", "Verbatim source text for the cell or its prose multiple"),
        },
    ),
    "claims.csv": (
        "The text's own arithmetic claims, as formulas over figure ids, recomputed by soviet_numbers.claims",
        {
            "claim_id": ("string", "C01-C20"),
            "claim": ("string", "The claim in words"),
            "formula": ("string", "Formula over figure ids (P..), + - * / and comparisons"),
            "stated_id": ("string", "Figure id of the stated result, if the text prints it as a figure"),
            "stated_value": ("number", "Stated result where it is not a separate figure (e.g. '(9 times)')"),
            "stated_fragment": ("string", "Verbatim fragment for stated_value"),
            "kind": ("string", "ratio / difference / sum / share / comparison"),
            "lecture": ("integer", "Lecture that uses the claim"),
            "substance": (
                "string",
                "substantive (a ratio, share, difference or total that could come out wrong) or trivial (an "
                "inequality, or shares said to sum to 100)",
            ),
        },
    ),
    "timeline.csv": (
        "Events the chapter names, 1925-1932, with the passage that names them and where each date comes from",
        {
            "event_id": ("string", "T01-T14"),
            "event": ("string", "The event"),
            "date": ("string", "Year, year-month or full date (ISO 8601 prefix)"),
            "date_printed": ("string", "The date as printed in the text, if it is printed"),
            "date_source": ("string", "'printed in the text' or 'not printed in the text: standard chronology'"),
            "passage_id": ("string", "Passage that names the event"),
            "fragment": ("string", "Verbatim mention"),
            "note": ("string", "Context"),
        },
    ),
    "source/passages.csv": (
        f"The source text, {TEXTBOOK}, one passage per non-empty line, verbatim",
        {
            "passage_id": ("string", "L + line number in data/source/chapter.txt"),
            "line": ("integer", "Line number"),
            "theme": ("string", "Section of the chapter"),
            "kind": ("string", "heading / prose / table / table_footnote"),
            "text": ("string", "The line, verbatim (trailing whitespace removed)"),
        },
    ),
}
EXTERNAL = {
    "external/maddison2020_selected_1900_1950.csv": {
        "title": "Maddison Project Database 2020: GDP per capita and population, selected countries, 1900-1950",
        "citation": MADDISON_CITATION,
        "license": "CC BY 4.0 (Maddison Project Database); extract copied unchanged",
        "fields": {
            "countrycode": ("string", "ISO code; SUN = former USSR"),
            "country": ("string", "Country name"),
            "year": ("integer", "Calendar year"),
            "gdppc_2011usd": ("number", "Real GDP per capita, 2011 US$ (PPP)"),
            "pop_thousand": ("number", "Population, thousands (blank where the database has none)"),
        },
    },
    "external/cow_nmc6_selected_1900_1950.csv": {
        "title": "Correlates of War National Material Capabilities 6.0: selected states, 1900-1950",
        "citation": COW_CITATION,
        "license": "Correlates of War Project data, free to use with citation; extract copied unchanged",
        "fields": {
            "stateabb": ("string", "State abbreviation; RUS = Russia/USSR"),
            "ccode": ("integer", "COW country code"),
            "year": ("integer", "Calendar year"),
            "irst": ("number", "Iron and steel production, thousands of tons"),
            "pec": ("number", "Primary energy consumption, thousands of coal-ton equivalents"),
            "tpop": ("number", "Total population, thousands"),
            "upop": ("number", "Urban population, thousands"),
            "milex": ("number", "Military expenditure, thousands of current US$ (pre-1914 in pounds sterling)"),
            "milper": ("number", "Military personnel, thousands"),
        },
    },
    "external/plan_targets_1932_33.csv": {
        "title": "First five-year plan: physical targets for 1932/33 in the optimal and the starting variants",
        "citation": "Создание фундамента социалистической экономики в СССР (1926-1932 гг.) (Soviet academic history), "
        "table of 1932/33 targets in successive drafts of the plan; see data/references.csv (sozdanie_fundamenta)",
        "license": "figures quoted from a published table, with its verbatim row; course file CC BY 4.0",
        "fields": {
            "target_id": ("string", "O- optimal / S- starting variant, then the product"),
            "product": ("string", "Product, in English"),
            "product_as_printed": ("string", "Product, as the table prints it"),
            "variant": ("string", "Variant of the five-year plan"),
            "year": ("string", "The year the target is for (economic year)"),
            "value": ("number", "Target"),
            "unit": ("string", "Unit"),
            "fragment": ("string", "The table's header and the variant's row, verbatim (|| separates them)"),
            "citation": ("string", "Where the figure was read"),
        },
    },
    "external/grain_procurements_1927_28.csv": {
        "title": "Grain procurements and the grain deficit of winter 1927/28, as Stalin stated them (Jan.-Feb. 1928)",
        "citation": "Stalin, J. V., 'Grain Procurements and the Prospects for the Development of Agriculture' "
        "(January 1928) and 'First Results of the Procurement Campaign and the Further Tasks of the Party' "
        "(13 February 1928), Works, vol. 11 (Moscow, 1954); see data/references.csv (stalin1928_siberia, "
        "stalin1928_procurement)",
        "license": "figures quoted from a public-domain text, with its verbatim sentence; course file CC BY 4.0",
        "fields": {
            "item_id": ("string", "G- and the period"),
            "item": ("string", "What the figure measures"),
            "period": ("string", "The period, as printed"),
            "value": ("number", "The figure"),
            "qualifier": ("string", "The text's own qualifier ('scarcely totalled'), blank if none"),
            "unit": ("string", "Unit (million poods; one pood is about 16.4 kg)"),
            "fragment": ("string", "The sentence, verbatim"),
            "citation": ("string", "Where the figure was read"),
        },
    },
}
# The course's bibliography: every work it cites, with what the course read of it (data/references.csv).
REFERENCES = {
    "references.csv": (
        "Every work the course cites: full details, what the course read of it, and what it is used for",
        {
            "id": ("string", "Short key"),
            "authors": ("string", "Authors or editors (or the institution)"),
            "year": ("string", "Year of publication (n.d. where the copy read gives none)"),
            "title": ("string", "Title"),
            "published": ("string", "Journal, publisher or site"),
            "read": ("string", "What the course read of it; 'named, not read' for works only recommended"),
            "read_at": ("string", "Where the course read it (blank if not read)"),
            "used_for": ("string", "Where and for what the course cites it"),
        },
    ),
}


def schema(fields, path):
    with open(DATA / path, encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header == list(fields), (path, header)
    return {"fields": [{"name": n, "type": t, "description": d} for n, (t, d) in fields.items()], "missingValues": [""]}


def resource(name: str, path: str, title: str, fields: dict, source: str, **extra) -> dict:
    """One tabular resource of the package: its file, title, schema and source (and any extra keys)."""
    return {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "title": title,
        "format": "csv",
        "encoding": "utf-8",
        "schema": schema(fields, path),
        "sources": [{"title": source}],
        **extra,
    }


def render() -> str:
    """The text of data/datapackage.json, as this script writes it."""
    resources = [
        resource(
            f"figures-{theme.replace('_', '-')}",
            f"figures_{theme}.csv",
            f"Every number stated in the chapter's prose: {theme.replace('_', ' ')}",
            FIGURE_FIELDS,
            TEXTBOOK,
            description="Official claims of a Soviet textbook, with verbatim fragment and the textbook's own citation.",
        )
        for theme in THEMES
    ]
    resources += [
        resource(
            path.replace("source/", "source-").replace(".csv", "").replace("_", "-"), path, title, fields, TEXTBOOK
        )
        for path, (title, fields) in RESOURCES.items()
    ]
    resources += [
        resource("references", path, title, fields, "the works themselves: each row says where the course read it")
        for path, (title, fields) in REFERENCES.items()
    ]
    resources += [
        resource(
            Path(path).stem.replace("_", "-"),
            path,
            meta["title"],
            meta["fields"],
            meta["citation"],
            licenses=[{"name": "other", "title": meta["license"]}],
        )
        for path, meta in EXTERNAL.items()
    ]
    package = {
        "name": "soviet-industrialization-1925-1930",
        "title": "Soviet industrialization, 1925-1930, read through its own numbers: course data",
        "description": "Every number in the prose of a c. 1940 Soviet textbook chapter, with verbatim fragments and "
        "citations; its lost tables; its arithmetic claims; its bibliography; two outside series for "
        "comparison; and the plan's physical targets from a published table.",
        "licenses": [
            {
                "name": "other",
                "title": "Course data: CC BY 4.0. The source text is a c. 1940 Soviet textbook in a web machine "
                "translation, quoted for teaching; external extracts keep their own terms (see each resource).",
            }
        ],
        "sources": [{"title": TEXTBOOK, "path": SOURCE_URL}],
        "resources": resources,
    }
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    target, text = DATA / "datapackage.json", render()
    if "--verify" in argv:
        if target.read_text(encoding="utf-8") != text:
            print("data/datapackage.json is out of date: run python tools/make_datapackage.py", file=sys.stderr)
            return 1
        print("data/datapackage.json is up to date")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote data/datapackage.json with {len(json.loads(text)['resources'])} resources")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
