import pytest

from soviet_numbers.passages import citation, passage_html, passage_text, quote, show_passage


def test_passage_text_is_the_source_line():
    assert passage_text("L047").startswith("The Party also made extensive use of a third source")


def test_show_passage_has_citation_and_caveat():
    html = show_passage("L047").data
    assert "line 47" in html and "c. 1940" in html and "Primary source" in html and "Reading this source" in html


def test_every_lecture_gives_the_full_caveat_once():
    """The long caveat stands once at the top of each lecture; each quotation carries only a short marker."""
    import nbformat

    from soviet_numbers import course

    lectures = [course.ROOT / u.notebook for u in course.units() if u.kind in ("lecture", "capstone")]
    assert lectures
    for path in lectures:
        markdown = " ".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
        assert markdown.count("Reading this source") == 1 and "propaganda" in markdown, path.name


def test_quote_must_be_verbatim():
    assert "almost seven times" in quote("L047", "i.e. almost seven times").data
    with pytest.raises(ValueError):
        quote("L047", "almost 7 times")
    with pytest.raises(ValueError):
        passage_html("L047", highlight="not in the text")
    with pytest.raises(KeyError):
        passage_text("L999")


def test_fragments_get_ellipses_and_highlight():
    html = quote("L047", "i.e. almost seven times", highlight="seven").data
    assert html.count("…") == 2 and "<mark>seven</mark>" in html
    assert citation("L009").endswith("line 9 (passage L009).")
