"""The course's scholarly apparatus: a bibliography for every work it names, and every lecture ending with its key
takeaways and further reading."""

import re

import nbformat
import pandas as pd
import pytest

from soviet_numbers import course
from soviet_numbers.course import ROOT

LECTURES = [ROOT / u.notebook for u in course.units("lecture")]  # every unit of kind lecture in course.yml
REFERENCES = pd.read_csv(ROOT / "data" / "references.csv", dtype=str, keep_default_na=False)


def _section(nb, heading: str) -> list[str]:
    """The bullet points under a '## heading' (continuation lines joined)."""
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    body = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return [
        " ".join(b.split()) for b in re.split(r"\n- ", "\n" + body) if b.strip() and not b.startswith("Every work")
    ][1:]


def _cited(bullet: str) -> list[tuple[str, str]]:
    """(first surname, year) of each bold citation, such as **Carr and Davies 1969**."""
    return [(m.group(1), m.group(2)) for m in re.finditer(r"\*\*([A-Z][\w-]+)[^*]*?(\d{4}|n\.d\.)\*\*", bullet)]


def test_references_are_complete_rows():
    assert REFERENCES["id"].is_unique
    for column in ("authors", "year", "title", "published", "status", "used_for"):
        assert (REFERENCES[column].str.len() > 0).all(), column
    read = REFERENCES[REFERENCES["status"].str.startswith("read")]
    assert (read["read_at"].str.startswith("http") | read["id"].isin(["maddison2020", "cow_nmc6"])).all()


@pytest.mark.parametrize("path", LECTURES, ids=[p.stem for p in LECTURES])
def test_lecture_ends_with_takeaways_and_further_reading(path):
    nb = nbformat.read(path, as_version=4)
    assert "## Key takeaways" in nb.cells[-1].source and "## Further reading" in nb.cells[-1].source
    assert 3 <= len(_section(nb, "Key takeaways")) <= 5
    reading = _section(nb, "Further reading")
    assert len(reading) >= 3
    for bullet in reading:
        cited = _cited(bullet)
        assert cited, bullet
        assert ":" in bullet.split("**")[-1], f"say why to read it: {bullet}"
        for surname, year in cited:
            match = REFERENCES[REFERENCES["authors"].str.startswith(surname) & (REFERENCES["year"] == year)]
            assert len(match), f"{surname} {year} is not in data/references.csv"
