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
    for column in ("authors", "year", "title", "published", "read", "used_for"):
        assert (REFERENCES[column].str.len() > 0).all(), column
    read = REFERENCES[REFERENCES["read"].str.startswith("read")]
    linked = read["read_at"].str.startswith("http")
    unlinked_copy = read["read"].str.contains("does not link")  # read in a copy the course may not hand out
    datasets = read["id"].isin(["maddison2020", "cow_nmc6_doc"])  # read from their data files (data/external/README.md)
    assert (linked | unlinked_copy | datasets).all(), list(read.loc[~(linked | unlinked_copy | datasets), "id"])


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


# Links a teacher can hand to students: each kind of legitimate copy, as a pattern on the address.
ALLOWED_LINKS = {
    "DOI": r"https://doi\.org/10\.",
    "NBER": r"https?://(www\.)?nber\.org/",
    "SSRN": r"https?://papers\.ssrn\.com/",
    "JSTOR stable": r"https?://(www\.)?jstor\.org/stable/",
    "archive.org": r"https?://(www\.)?archive\.org/",
    "publisher": r"https?://(www\.)?(cambridge\.org|link\.springer\.com|publish\.iupress\.indiana\.edu|"
    r"press\.princeton\.edu|journals\.urfu\.ru)/",
    "an author's or university page": r"https?://([\w-]+\.)*(msu\.edu|msu\.ru|duke\.edu|warwick\.ac\.uk|illinois\.edu)/",
    "an archive's own page": r"https?://(www\.)?nationalarchives\.gov\.uk/",
    "public-domain text archive": r"https?://(www\.)?marxists\.org/",
    "a reference work's own site": r"https?://((www|en)\.)?(britannica\.com|encyclopedia\.com|wikipedia\.org|"
    r"newworldencyclopedia\.org)/|http://encyclopedia2\.thefreedictionary\.com/",
    "a periodical's own archive": r"https?://content\.time\.com/",
    "the source text's web original": r"https?://marxism\.halkcephesi\.net/",
}
# Hosts of unauthorised copies and scraper mirrors: never linked, whatever the pattern above would say.
BLOCKED_HOSTS = (
    "vdoc.pub",
    "ebin.pub",
    "mafiadoc",
    "studylib",
    "docslib",
    "scribd",
    "dokumen",
    "vdocuments",
    "fdocuments",
    "documents.pub",
    "1library",
    "zbook",
    "pingpdf",
    "yumpu",
    "bibliboba",
    "knigochet",
    "e-lit.me",
    "bkum.asia",
)


def _link_kind(url: str) -> str | None:
    if any(host in url for host in BLOCKED_HOSTS):
        return None
    return next((kind for kind, pattern in ALLOWED_LINKS.items() if re.match(pattern, url)), None)


def test_the_link_rule_can_fail():
    assert _link_kind("https://vdoc.pub/documents/soviet-industrial-production") is None
    assert _link_kind("https://studylib.net/doc/12791297/") is None
    assert _link_kind("https://example.com/copy.pdf") is None
    assert _link_kind("https://doi.org/10.1057/palgrave.ces.8100101") == "DOI"


def test_references_link_only_to_legitimate_copies():
    links = REFERENCES.loc[REFERENCES["read_at"] != "", ["id", "read_at"]]
    assert len(links) >= 10  # the scope matched: most read works are linked
    bad = {row.id: row.read_at for row in links.itertuples() if _link_kind(row.read_at) is None}
    assert not bad, f"links that are not of an allowed kind: {bad}"


NOT_AUTHORS = {"In", "January", "February", "March", "April", "July", "Autarky"}  # words before a year, not authors


def test_every_cited_work_in_the_who_paid_lecture_is_in_the_bibliography():
    nb = nbformat.read(ROOT / "notebooks" / "01b_who_paid.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    cited = set(re.findall(r"\b([A-Z][a-z]+)(?: and [A-Z][a-z]+)? \(?(\d{4})\)?", text)) - {
        (w, y) for w, y in re.findall(r"\b([A-Z][a-z]+) \(?(\d{4})", text) if w in NOT_AUTHORS
    }
    assert len(cited) >= 10  # the scope matched the lecture's citations
    for surname, year in cited:
        rows = REFERENCES[REFERENCES["authors"].str.contains(surname) & REFERENCES["year"].str.startswith(year)]
        assert len(rows), f"{surname} {year} is cited in lecture 1b but not in data/references.csv"


# Sentence-level caveats ("the course has not verified ...") in a lecture's body, outside its closing note.
HEDGE = re.compile(
    r"the course (has not|could not|did not|cannot|has no)|not (been )?verified|unverified|could not be checked",
    re.IGNORECASE,
)
CLOSING_NOTE = "## What this lecture could not check"


def _body_and_note(nb) -> tuple[str, str]:
    text = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    body, _, note = text.partition(CLOSING_NOTE)
    note, _, rest = note.partition("\n## ")
    return body + "\n## " + rest, note


def _caveats(text: str) -> list[str]:
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    return [s for s in sentences if HEDGE.search(s)]


def test_the_caveat_count_can_fail():
    assert len(_caveats("The course has not verified this. Nor that. The course could not check it.")) == 2


@pytest.mark.parametrize("path", LECTURES, ids=[p.stem for p in LECTURES])
def test_lecture_gathers_its_caveats_in_one_closing_note(path):
    nb = nbformat.read(path, as_version=4)
    body, note = _body_and_note(nb)
    assert note.strip(), f"{path.name} has no '{CLOSING_NOTE}' note"
    assert CLOSING_NOTE in nb.cells[-2].source, "the note stands just before the key takeaways"
    caveats = _caveats(body)
    assert len(caveats) <= 3, caveats
