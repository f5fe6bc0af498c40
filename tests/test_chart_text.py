"""Every chart can be read without seeing it: alt text and a numbers table written from the plotted data, and kinds
told apart by more than colour."""

import matplotlib

matplotlib.use("agg")

import itertools

import matplotlib.pyplot as plt
import nbformat
import pytest
from matplotlib.colors import to_rgba

from soviet_numbers import charts
from soviet_numbers.chart_text import KIND_WORDS, MAX_WORDS, describe, number
from soviet_numbers.notebook_files import executed_notebooks

SOURCE = f"{charts.TEXTBOOK}; figures P01, P02."


def _chart(draw, ncols=1):
    fig, axes = charts.new_chart("A test chart", ncols=ncols)
    draw(axes)
    charts.source_line(fig, SOURCE, kinds=["official"])
    return fig


@pytest.mark.parametrize(
    "values, kinds, labels",
    [
        ([105.0, 1000.0], ["official", "bound"], ["105", "over 1,000"]),
        ([367.2, 2504.8, 2137.6], ["official", "official", "derived"], None),
        ([1.23, 45.6], ["external", "derived"], None),
    ],
)
def test_bars_alt_names_every_value_its_kind_and_unit(values, kinds, labels):
    fig = _chart(
        lambda ax: charts.bars(
            ax, [f"year {i}" for i in range(len(values))], values, kinds, units="million rubles", value_labels=labels
        )
    )
    description = describe(fig)
    alt = description.alt
    for i, (value, kind) in enumerate(zip(values, kinds)):
        shown = labels[i] if labels else f"{value:,.1f}"
        assert f"year {i}: " in alt and shown in alt
        assert alt.lower().count(KIND_WORDS[kind].lower()) == 1  # each kind named once
    assert "million rubles" in alt and alt.startswith("Bar chart: A test chart.")
    assert SOURCE in description.table_html()  # the source line sits under the table, not in the alt
    plt.close(fig)


def test_points_and_multi_panel_charts_name_every_value():
    def draw(axes):
        charts.bars(axes[0], ["1925", "1929"], [1.9, 4.9], "official", units="million tonnes", title="Steel")
        charts.points(axes[1], [1913, 1925, 1929], [4.2, 1.87, 4.85], "external", "COW iron and steel")
        axes[1].set_ylabel("million tonnes")
        axes[1].set_title("Independent series")

    fig = _chart(draw, ncols=2)
    description = describe(fig)
    alt = description.alt
    assert alt.startswith("Bar chart and line and point chart in two panels: A test chart.")
    for text in (
        "Values in million tonnes",
        "Steel: 1925: 1.9",
        "Independent series, COW iron and steel",
        "1913: 4.2",
        "1925: 1.87",
        "1929: 4.85",
        "COW iron and steel",
        KIND_WORDS["external"],
    ):
        assert text.lower() in alt.lower()
    table = description.table_html()
    assert table.startswith("<details") and "<th scope='col'>Value</th>" in table and table.count("<tr>") == 6
    plt.close(fig)


def test_every_explorer_still_view_has_alt_text():
    from soviet_numbers.explorers import lecture1, lecture2, lecture3, lecture4

    for make in (
        lecture1.share_explorer,
        lecture2.plan_path_explorer,
        lecture2.technology_explorer,
        lecture3.output_explorer,
        lecture4.index_problem_explorer,
    ):
        bundle, metadata = make()._repr_mimebundle_()
        alt = metadata["image/png"]["alt"]
        assert len(alt) >= 40 and "Interactive explorer" in alt, make.__name__


def test_numbers_read_as_a_person_says_them():
    assert [number(v) for v in (2504.8, 21.3, 8.18, 0.8237, float("nan"))] == [
        "2,505",
        "21.3",
        "8.18",
        "0.824",
        "no value",
    ]


def _look(style: dict) -> tuple:
    """What a bar's style shows apart from its colour: filled or not, and its hatching."""
    return (to_rgba(style["color"])[:3] == (1.0, 1.0, 1.0), style["hatch"])


def test_each_kind_differs_from_every_other_in_something_besides_colour():
    for a, b in itertools.combinations(charts.KIND_STYLE, 2):
        assert _look(charts.KIND_STYLE[a]) != _look(charts.KIND_STYLE[b]), (a, b)
        line_a, line_b = charts.LINE_STYLE[a], charts.LINE_STYLE[b]
        assert (line_a["marker"], line_a["linestyle"]) != (line_b["marker"], line_b["linestyle"]), (a, b)


def test_kind_colours_used_for_text_reach_4_5_to_1_on_white():
    """The explorers' end labels and direct labels are drawn in a kind's line colour (lecture 3's were 3.9:1)."""

    def luminance(colour):
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgba(colour)[:3]]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    ratio = {k: 1.05 / (luminance(s["color"]) + 0.05) for k, s in charts.LINE_STYLE.items()}
    assert ratio["derived"] >= 4.5 and ratio["official"] >= 4.5, ratio


def test_colour_to_kind_mapping_is_one_to_one():
    """A colour means one kind: the colour that marks a kind (fill or outline) marks no other."""
    colour_of = {}
    for kind, style in charts.KIND_STYLE.items():
        colour = style["edgecolor"] if _look(style)[0] else style["color"]
        colour_of[kind] = to_rgba(colour)[:3]
        assert to_rgba(charts.LINE_STYLE[kind]["color"])[:3] in {
            to_rgba(style["color"])[:3],
            to_rgba(style["edgecolor"])[:3],
        }
    assert len(set(colour_of.values())) == len(colour_of), colour_of


def _stored_charts():
    """(notebook, cell index, alt text, the output's HTML) of every chart stored in a lecture or solution."""
    import html
    import re

    found = []
    for path in executed_notebooks():
        nb = nbformat.read(path, as_version=4)
        for i, cell in enumerate(nb.cells):
            for output in cell.get("outputs", []):
                page = output.get("data", {}).get("text/html", "")
                page = "".join(page) if isinstance(page, list) else page
                for image in re.findall(r"<img [^>]*>", page):
                    alt = re.search(r'alt="([^"]*)"', image)
                    found.append(
                        (f"{path.parent.name}/{path.name}", i, html.unescape(alt.group(1)) if alt else "", page)
                    )
    return found


def test_every_stored_chart_is_stored_once_with_alt_text_and_its_numbers():
    stored = _stored_charts()
    shows = sum(
        c.source.count("charts.show(")
        for p in executed_notebooks()
        for c in nbformat.read(p, as_version=4).cells
        if c.cell_type == "code"
    )
    assert len(stored) >= shows > 10  # the scan matched every chart charts.show drew (and the explorers' stills)
    for name, i, alt, page in stored:
        assert len(alt) >= 40, f"{name} cell {i}: no alt text (use charts.show(fig))"
        assert len(alt.split()) <= MAX_WORDS, f"{name} cell {i}: alt text of {len(alt.split())} words"
        if "course-chart" in page:
            assert "course-numbers" in page, f"{name} cell {i}: no table of the chart's numbers"
    for path in executed_notebooks():
        for i, cell in enumerate(nbformat.read(path, as_version=4).cells):
            for output in cell.get("outputs", []):
                assert "image/png" not in output.get("data", {}) or "<img" not in str(
                    output["data"].get("text/html")
                ), f"{path.name} cell {i}: the chart is stored twice (PNG and HTML)"


def test_every_lecture_chart_alt_opens_with_its_point():
    """Every chart a lecture draws through charts.show says its point first, not 'Bar chart: <title>'."""
    stored = [s for s in _stored_charts() if "course-chart" in s[3] and s[0].startswith("notebooks/0")]
    assert len(stored) >= 15
    for name, i, alt, _ in stored:
        assert not alt.startswith(("Bar chart", "Line and point chart")), f"{name} cell {i}: no point: {alt[:80]}"


@pytest.mark.parametrize("wrong", [None, "fig", 3.5, "x" * 100_000])
def test_show_explains_a_wrong_argument(wrong, capsys):
    charts.show(wrong)
    out = capsys.readouterr().out
    assert out.startswith("charts.show needs the figure") and len(out) < 200


def test_show_explains_axes_given_for_figure(capsys):
    fig, ax = charts.new_chart("A chart")
    charts.show(ax)
    assert "You gave the axes (ax)" in capsys.readouterr().out
    plt.close(fig)
