"""The chart style: palette, bar kinds, direct labels, fixed layout, source line, PNG output."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from soviet_numbers import charts  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_palette_is_okabe_ito_and_kinds_are_distinguishable_without_colour():
    # Okabe-Ito, with vermillion darkened (#D55E00 -> #B84F00) so that text in it reaches 4.5:1 on white
    assert set(charts.OKABE_ITO.values()) >= {"#E69F00", "#56B4E9", "#009E73", "#0072B2", "#B84F00", "#CC79A7"}
    assert charts.KIND_STYLE["derived"]["hatch"] and charts.KIND_STYLE["bound"]["hatch"]  # not colour alone
    assert set(charts.KIND_LABEL) == set(charts.KIND_STYLE)
    assert "derived" in charts.KIND_LABEL["derived"] and "official" in charts.KIND_LABEL["official"]


def test_bars_style_each_kind_and_label_every_bar():
    fig, ax = charts.new_chart("A title")
    charts.bars(
        ax,
        ["a", "b", "c"],
        [1, 2, 3],
        ["official", "derived", "bound"],
        units="things",
        value_labels=["1", "2", "over 3"],
    )
    assert [p.get_hatch() for p in ax.patches] == [None, "///", "..."]
    assert [t.get_text() for t in ax.texts if t.get_text()] == ["1", "2", "over 3"]  # (+ the arrow of "over")
    assert ax.get_ylabel() == "things"
    # every bar carries its value, so the value axis is dropped (its units stay in the axis label)
    assert not ax.yaxis.get_tick_params()["labelleft"] and not ax.spines["left"].get_visible()


def test_source_line_adds_a_legend_of_kinds_and_a_wrapped_source_line():
    fig, ax = charts.new_chart("A title", ncols=1)
    charts.bars(ax, ["a", "b"], [1, 2], ["official", "derived"], units="things")
    charts.source_line(fig, "A long citation " * 20, kinds=["official", "derived"])
    (source,) = [t for t in fig.texts if t is not fig._suptitle]
    assert source.get_text().startswith(charts.SOURCE_PREFIX) and "\n" in source.get_text()
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels == [charts.KIND_LABEL["official"], charts.KIND_LABEL["derived"]]
    assert fig.subplotpars.bottom * fig.get_figheight() > 0.8  # the axes sit above the footer


def _inside(fig, texts):
    renderer = fig.canvas.get_renderer()
    return all(
        t.get_window_extent(renderer).x0 >= 0 and t.get_window_extent(renderer).x1 <= fig.bbox.width
        for t in texts
        if t.get_text()
    )


def test_labels_stay_inside_the_chart_and_clear_of_each_other():
    """What a reader notices: tick labels and the axis label are not cut off, and a long label gets its room."""
    fig, ax = charts.new_chart("Title", figsize=(8, 4))
    ax.plot([1, 2], [3000, 4000])
    ax.set_ylabel("million rubles")
    charts.source_line(fig, "somewhere")
    fig.canvas.draw()
    assert _inside(fig, [*ax.get_yticklabels(), ax.yaxis.label])
    fig2, ax2 = charts.new_chart("Title", figsize=(8, 4), left=2.5)
    ax2.barh(["a very long category label indeed"], [1])
    charts.source_line(fig2, "somewhere")
    fig2.canvas.draw()
    assert _inside(fig2, ax2.get_yticklabels())
    renderer = fig2.canvas.get_renderer()
    label_right = max(t.get_window_extent(renderer).x1 for t in ax2.get_yticklabels())
    assert label_right <= ax2.get_window_extent(renderer).x0 + 1  # the label ends where the bars begin


@pytest.mark.parametrize(
    "x, expected",
    [
        (0.7, 0.8),
        (1, 1),
        (1.01, 1.5),
        (2.2, 2.5),
        (7, 8),
        (8.5, 10),
        (96, 100),
        (2091, 2500),
        (0, 1.0),
        (float("nan"), 1.0),
    ],
)
def test_nice_ceiling(x, expected):
    assert charts.nice_ceiling(x) == pytest.approx(expected)


def test_widget_figure_is_not_a_pyplot_figure_and_renders_png():
    before = plt.get_fignums()
    fig, ax = charts.widget_figure((4, 3))
    assert plt.get_fignums() == before  # a notebook never shows it on its own
    ax.bar([0], [1])
    data = charts.png(fig)
    assert data.startswith(b"\x89PNG")
    assert charts.png(fig, redraw=False) == data


def test_log_multiple_axis_labels_multiples():
    fig, ax = plt.subplots()
    ax.barh([0], [3])
    charts.log_multiple_axis(ax)
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_xticklabels()][:3] == ["×0.5", "×1", "×2"]


def test_use_style_sets_the_style_and_freezes_imports_only_when_asked():
    import gc

    import matplotlib as mpl

    gc.unfreeze()
    try:
        charts.use_style(freeze_imports=False)
        assert mpl.rcParams["axes.spines.top"] is False and mpl.rcParams["figure.dpi"] == 100
        assert gc.get_freeze_count() == 0
        charts.use_style()
        assert gc.get_freeze_count() > 0  # what was imported is left out of later full collections
    finally:
        gc.unfreeze()
        mpl.rcdefaults()
