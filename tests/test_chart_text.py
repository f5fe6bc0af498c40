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
from soviet_numbers.chart_text import KIND_WORDS, describe, number
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
    alt = describe(fig).alt
    for i, (value, kind) in enumerate(zip(values, kinds)):
        shown = labels[i] if labels else f"{value:,.1f}"
        assert f"year {i}: " in alt and shown in alt
        assert KIND_WORDS[kind] in alt
    assert "million rubles" in alt and alt.startswith("Bar chart: A test chart.") and SOURCE in alt
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
    assert alt.startswith("2-panel bar chart and 2-panel line and point chart")
    for text in (
        "Panel 'Steel'",
        "Panel 'Independent series'",
        "1913: 4.2",
        "1925: 1.87",
        "1929: 4.85",
        "COW iron and steel",
        KIND_WORDS["external"],
    ):
        assert text in alt
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


def test_every_stored_chart_has_alt_text_and_its_numbers():
    for path in executed_notebooks():
        nb = nbformat.read(path, as_version=4)
        for i, cell in enumerate(nb.cells):
            outputs = cell.get("outputs", [])
            for output in outputs:
                if "image/png" not in output.get("data", {}):
                    continue
                alt = output.get("metadata", {}).get("image/png", {}).get("alt", "")
                assert len(alt) >= 40, f"{path.name} cell {i}: no alt text (use charts.show(fig))"
            if cell.cell_type == "code" and "charts.show(" in cell.source:
                assert any("course-numbers" in o.get("data", {}).get("text/html", "") for o in outputs), (
                    f"{path.name} cell {i}: no table of the chart's numbers"
                )


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
