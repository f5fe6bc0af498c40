"""Explorer logic as plain functions, and the explorers wired to it (controls picked by their labels)."""

import base64
import html
import math

import ipywidgets as w
import pytest

from soviet_numbers.explorers.live import A11Y_SCRIPT, ChartView, Explorer


def control(explorer, description: str):
    """The control whose label starts with ``description`` (as a student finds it on screen)."""
    for child in explorer._all(w.widgets.widget_description.DescriptionWidget):
        if child.description.startswith(description):
            return child
    raise LookupError(description)


def readout(explorer) -> str:
    """The explorer's text readout (its last HTML widget that is not the chart)."""
    return [h for h in explorer._all(w.HTML) if not isinstance(h, ChartView)][-1].value


# --- Lecture 1 ---------------------------------------------------------------------------------------------------

from soviet_numbers.explorers.lecture1 import (
    GROWTH_SERIES,
    growth_explorer,
    growth_summary,  # noqa: E402
    growth_text,
    series_claims,
    share_explorer,
    share_scenario,
    share_text,
)


def test_growth_summary_debt():
    s = growth_summary("State debt of the USSR (million rubles)", "P08", "P09")
    assert s["multiple"] == pytest.approx(6.8214, abs=1e-4)
    assert s["years"] == 5 and s["annual_growth"] == pytest.approx(46.8, abs=0.05)
    assert "almost seven times" in s["claim"] and s["verdict"] == "consistent"
    assert "almost seven times" in growth_text(s)


def test_growth_summary_output_uses_billions_consistently():
    name = "Output of large-scale industry, 1926/27 prices (million rubles)"
    s = growth_summary(name, "P87", "P85")
    assert s["start_value"] == 10200 and s["multiple"] == pytest.approx(1.953, abs=1e-3)
    assert growth_summary(name, "P86", "P85")["multiple"] == pytest.approx(2.574, abs=1e-3)


def test_growth_summary_backwards_and_bad_points():
    name = "Output of Group A, large-scale industry (million rubles)"
    s = growth_summary(name, "P90", "P92")
    assert s["years"] < 0 and "later than the start" in growth_text(s)
    with pytest.raises(ValueError):
        growth_summary(name, "P08", "P90")


def test_growth_claims_come_from_the_claims_file():
    """The explorer shows data/claims.csv's C01, C04, C12 and C13, with the audit's verdicts (C03, the depositors'
    "9 times", is not: that series is exercise 1.2's, and the lecture's claims table shows it)."""
    from soviet_numbers.claims import audit_claims

    audit = audit_claims()
    shown = {claim for name in GROWTH_SERIES for claim, _ in series_claims(name).values()}
    assert shown == {audit.loc[c, "claim"] for c in ("C01", "C04", "C12", "C13")}
    for name in GROWTH_SERIES:
        for (a, b), (_claim, verdict) in series_claims(name).items():
            assert growth_summary(name, a, b)["verdict"] == verdict in ("matches", "consistent")


def _lecture1_answers() -> set[str]:
    """Every rendering of every numeric answer of lectures 1 and 1b, in every variant of every pool."""
    from helpers import renderings

    from soviet_numbers.variants import exercises_with, pools

    out = set()
    for assignment in ("01_sources_of_accumulation", "01b_who_paid"):
        versions = [{}] + [{ex: i} for ex, pool in pools(assignment).items() for i in range(1, len(pool))]
        for chosen in versions:
            for ex in exercises_with(assignment, chosen).values():
                for part in ex.parts:
                    if part.kind == "number":
                        out |= renderings(part.expected, part.accepts)
    return out


def test_no_growth_explorer_readout_shows_an_exercise_answer():
    """Explorers never answer an exercise: over every series and every ordered pair of its points, the growth readout
    holds no rendering of any lecture-1 (or 1b) answer, in any variant (the depositors of exercise 1.2 are left out)."""
    import itertools
    import re

    answers = _lecture1_answers()
    assert len(answers) >= 30  # the class answers and every variant's
    patterns = [re.compile(rf"(?<![\w.,/]){re.escape(a)}(?![\d]|\.\d|,\d)") for a in answers]
    pairs = 0
    for name, ids in GROWTH_SERIES.items():
        for start, end in itertools.product(ids, repeat=2):
            text = growth_text(growth_summary(name, start, end))
            shown = [p.pattern for p in patterns if p.search(text)]
            assert not shown, (name, start, end, shown)
            pairs += 1
    assert pairs >= 20


def test_share_explorer_stops_short_of_every_what_if_of_exercise_1_5():
    """Exercise 1.5 raises spending by 15% or more with the text's budget; the spending slider stops below that."""
    from soviet_numbers.explorers.lecture1 import SPENDING_MAX
    from soviet_numbers.variants import pools

    raises = [v["raise_pct"] for v in pools("01_sources_of_accumulation")["1.5"]]
    assert raises and min(raises) > SPENDING_MAX
    assert control(share_explorer(), "Spending change").max == SPENDING_MAX


def test_share_scenario_defaults_reproduce_the_text():
    d = share_scenario(-17.63, 2.048)
    assert d["share_end"] == pytest.approx(3.29, abs=0.01)
    assert d["fraction_from_whole"] == pytest.approx(0.787, abs=0.005)
    assert "79%" in share_text(d)
    assert "does not change" in share_text(share_scenario(0, 1))
    opposite = share_text(share_scenario(40, 2.05))
    assert "opposite directions" in opposite and "188%" not in opposite


def test_lecture1_explorers_respond_to_their_controls():
    g = growth_explorer()
    control(g, "Series").value = "Output of Group A, large-scale industry (million rubles)"
    assert "267% of the level of 1925" in readout(g)
    control(g, "From").value = "P92"
    assert "214.7%" in readout(g)
    s = share_explorer()
    control(s, "Budget multiple").value = 1.0
    control(s, "Spending change").value = 0.0
    assert "does not change" in readout(s)


# --- Lecture 2 ---------------------------------------------------------------------------------------------------

from soviet_numbers.explorers.lecture2 import (
    PATH_PRESETS,
    TECH_TOPICS,
    PathChart,
    investment_path,  # noqa: E402
    path_summary,
    path_text,
    plan_path,
    plan_path_explorer,
    tech_png,
    tech_sums,
    tech_table,
    technology_explorer,
)


def test_plan_path_is_the_text():
    assert plan_path() == [2091, 2845, 3451, 3796, 4170]
    s = path_summary(plan_path())
    assert s["total"] == 16353 and s["ratio_to_plan"] == 1
    assert [round(g) for g in s["growth"]] == [36, 21, 10, 10]


def test_investment_path_shapes():
    assert investment_path(100, 0, 0) == [100] * 5
    assert investment_path(100, 10, 0)[-1] == pytest.approx(146.41)
    damped = investment_path(*PATH_PRESETS["damped (high early, cut later)"])
    assert damped[1] > damped[0] and damped[-1] < damped[2]
    accelerating = path_summary(investment_path(*PATH_PRESETS["accelerating"]))["growth"]
    assert accelerating == sorted(accelerating)
    assert min(investment_path(100, -90, -50)) >= 0
    assert "16,353" in path_text(path_summary(investment_path(100, 0, 0)))


def test_tech_tables_keep_blanks_blank():
    coal = tech_table("Coal-cutting machines in the coal industry (units)")
    assert coal["value"].isna().sum() == 2 and (coal["value"].fillna(1) != 0).all()
    assert tech_sums("Oil drilling: share of methods (%)") == {
        "1924/25": pytest.approx(99.5),
        "1928/29": pytest.approx(97.6),
    }
    assert tech_sums("Oil extraction: share of methods (%)")["1928/29"] == pytest.approx(97.5)
    assert "not the same base" in TECH_TOPICS["Oil extraction: share of methods (%)"]["base"]


def test_tech_chart_marks_blanks_as_not_stated_never_as_zero_bars():
    import io

    from PIL import Image

    for topic in TECH_TOPICS:
        image = Image.open(io.BytesIO(tech_png(topic)))
        assert image.size[0] > 300
    table = tech_table("Coal-cutting machines in the coal industry (units)")
    assert table["value"].isna().sum() == 2  # two cells say "not stated" on the chart


def test_lecture2_explorers_respond_to_their_controls():
    explorer = plan_path_explorer()
    control(explorer, "Preset").value = "flat"
    assert control(explorer, "First year").value == 2091 and control(explorer, "Growth, first").value == 0
    assert "10,455" in readout(explorer)
    tech = technology_explorer()
    control(tech, "Topic").value = "Oil extraction: share of methods (%)"
    assert "not the same base" in readout(tech)


def test_path_chart_shows_the_plan_beside_the_path():
    chart = PathChart()
    chart.show(investment_path(2091, 36, -9))
    plan_bars, path_bars = chart.ax.patches[:5], chart.bars
    assert [b.get_height() for b in plan_bars] == plan_path()
    assert [round(b.get_height()) for b in path_bars] == [round(v) for v in investment_path(2091, 36, -9)]
    assert chart.ax.get_ylim()[1] >= max(plan_path())


# --- Lecture 3 ---------------------------------------------------------------------------------------------------

from soviet_numbers.compare import catch_up  # noqa: E402
from soviet_numbers.explorers.lecture3 import (
    OUTPUT_BASES,
    OutputChart,
    catch_up_explorer,  # noqa: E402
    catch_up_text,
    output_explorer,
    output_index,
    output_series,
    output_text,
)


def test_output_series_and_implied_group_b():
    s = output_series()
    assert s["large-scale industry"] == [10200, 7739, 19923]
    assert s["Group B (derived: total - A)"] == [6023, 4383, 10957]


def test_output_index_bases():
    idx = output_index("1913 = 100 (1913 coverage, 10.2 bn)")
    assert idx["large-scale industry"][2] == pytest.approx(195.32, abs=0.01)
    full = output_index("1913 = 100 ('full circle', 11 bn)")
    assert list(full) == ["large-scale industry"] and full["large-scale industry"][2] == pytest.approx(181.12, abs=0.01)
    assert output_index("1925 = 100")["Group A (means of production)"][2] == pytest.approx(267.16, abs=0.01)
    assert "257" in output_text("1925 = 100")


def test_output_chart_follows_base_and_scale():
    chart = OutputChart()
    for base in OUTPUT_BASES:
        chart.show(base, log=True)
        shown = [line for line in chart.lines.values() if line.get_visible()]
        assert len(shown) == len(output_index(base)) and chart.ax.get_yscale() == "log"
        low, high = chart.ax.get_ylim()
        assert all(low <= y <= high for line in shown for y in line.get_ydata())


def test_catch_up():
    c = catch_up("GBR", 1928, 5, 1.5)
    assert c["ussr"] == 2184 and c["ratio"] == pytest.approx(2184 / c["target"])
    assert 30 < c["years"] < 50 and c["reached_in"] == 1928 + math.ceil(c["years"])
    never = catch_up("USA", 1928, 1, 2)
    assert never["years"] == math.inf and "never closes" in catch_up_text(never, "USA", 1928, 1, 2)
    with pytest.raises(KeyError):
        catch_up("GBR", 1800, 1, 1)


def test_lecture3_explorers_respond_to_their_controls():
    ex = output_explorer()
    control(ex, "Base").value = "1925 = 100"
    assert "257" in readout(ex)
    cu = catch_up_explorer()
    before = readout(cu)
    control(cu, "USSR growth").value = 10.0
    assert readout(cu) != before


# --- Lecture 4 ---------------------------------------------------------------------------------------------------

from soviet_numbers.arithmetic import index_problem  # noqa: E402
from soviet_numbers.explorers.lecture4 import (
    IndexChart,
    draw_index_problem,
    index_problem_explorer,  # noqa: E402
    index_problem_text,
)


def test_index_problem_is_labelled_synthetic_and_parts_when_machines_get_cheaper():
    d = index_problem(8, 40, 1.2, 150)
    assert d["base_year_prices"] == pytest.approx(4.6) and d["end_year_prices"] == pytest.approx(2.6316, abs=1e-4)
    assert "Synthetic" in index_problem_text(d)
    same = index_problem(3, 100, 3, 100)
    assert same["base_year_prices"] == pytest.approx(3) and same["gap"] == pytest.approx(1)
    dearer = index_problem(8, 200, 1.2, 100)
    assert dearer["base_year_prices"] < dearer["end_year_prices"]


def test_index_problem_explorer_responds_to_its_controls():
    ex = index_problem_explorer()
    before = readout(ex)
    control(ex, "Machines: end price").value = 100
    assert readout(ex) != before


# --- What every explorer shares ----------------------------------------------------------------------------------


def test_every_explorer_chart_fits_its_picture_and_keeps_its_labels_inside():
    """What a student sees: a picture at the chart's own size, with a title and nothing cut off at the edges."""
    from soviet_numbers.explorers.lecture1 import ShareChart

    charts = [
        (ShareChart(), (share_scenario(-17.6, 2.05),)),
        (PathChart(), (investment_path(2091, 36, -9),)),
        (OutputChart(), ("1925 = 100", True)),
        (IndexChart(), (index_problem(8, 40, 1.2, 150),)),
    ]
    for chart, args in charts:
        data = chart.show(*args)
        assert data.startswith(b"\x89PNG") and chart.image.png == data
        assert f'width="{round(chart.figsize[0] * 100)}"' in chart.image.value  # at its own size, never stretched
        assert chart.ax.get_title()
        renderer = chart.fig.canvas.get_renderer()
        width, height = chart.fig.bbox.width, chart.fig.bbox.height
        for text in [chart.ax.title, chart.ax.yaxis.label, *chart.ax.get_xticklabels()]:
            box = text.get_window_extent(renderer)
            assert box.x0 >= 0 and box.x1 <= width and box.y0 >= 0 and box.y1 <= height, text.get_text()


def test_live_chart_redraws_only_what_moves():
    """A small slider move keeps the axis (nice_ceiling) and the saved background; the picture still changes."""
    from soviet_numbers.explorers.lecture1 import ShareChart

    chart = ShareChart()
    first = chart.show(share_scenario(-17.6, 2.05))
    second = chart.show(share_scenario(-10, 2.05))
    assert first != second and len(chart.backgrounds) == 1
    chart.show(share_scenario(300, 0.5))  # a share far above the axis: a new background, a taller axis
    assert len(chart.backgrounds) == 2 and chart.ax.get_ylim()[1] >= chart.bars[1].get_height()
    assert chart.labels[1].get_text() == f"{share_scenario(300, 0.5)['share_end']:.2f}%"
    for i in range(20):
        chart.show(share_scenario(-50, 0.5 + i))
    assert len(chart.backgrounds) <= chart.kept_backgrounds


def test_static_and_live_charts_draw_the_same_thing():
    """draw_index_problem (lecture 4's static chart) and the explorer's chart share one class."""
    import matplotlib.pyplot as plt

    d = index_problem(8, 40, 1.2, 150)
    fig, ax = plt.subplots()
    draw_index_problem(ax, d)
    live = IndexChart()
    live.show(d)
    assert ax.get_title() == "" and live.ax.get_title()  # the notebook chart has its own title above
    assert [b.get_height() for b in ax.patches] == [b.get_height() for b in live.ax.patches]
    plt.close(fig)


ALL_EXPLORERS = [
    growth_explorer,
    share_explorer,
    plan_path_explorer,
    technology_explorer,
    output_explorer,
    catch_up_explorer,
    index_problem_explorer,
]


@pytest.mark.parametrize("make", ALL_EXPLORERS, ids=lambda f: f.__name__)
def test_every_explorer_has_a_still_view(make):
    """Stored without widget state, a notebook still shows each explorer's default view (and its readout as text)."""
    explorer = make()
    assert isinstance(explorer, Explorer)
    bundle = explorer._repr_mimebundle_()
    if isinstance(bundle, tuple):  # a chart's still view comes with its metadata: the alt text
        bundle, metadata = bundle
        assert len(metadata["image/png"]["alt"]) >= 40
    assert "application/vnd.jupyter.widget-view+json" in bundle  # the live widget, where a kernel runs
    if explorer._all(ChartView):
        assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    else:
        assert bundle["text/html"] == "<br>".join(h.value for h in explorer._all(w.HTML) if h.value)
    assert bundle["text/plain"].strip() and "<" not in bundle["text/plain"]


# --- Usable without sight ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("make", ALL_EXPLORERS, ids=lambda f: f.__name__)
def test_every_explorer_is_labelled_announced_and_carries_its_script(make):
    """Each control has a description (its accessible name), the readouts are marked for role=status, and the box
    carries the script that sets the ARIA attributes in the browser (tests/browser checks them in JupyterLab)."""
    explorer = make()
    assert "sn-explorer" in explorer._dom_classes
    controls = explorer._all(w.widgets.widget_description.DescriptionWidget)
    named = [c for c in controls if isinstance(c, (w.FloatSlider, w.Dropdown, w.ToggleButtons))]
    assert named and all(c.description.strip() for c in named)
    readouts = [h for h in explorer._all(w.HTML) if "sn-readout" in h._dom_classes]
    assert readouts and all(h.value for h in readouts)
    scripts = [o for o in explorer._all(w.Output) if "sn-a11y" in o._dom_classes]
    assert len(scripts) == 1 and scripts[0].outputs[0]["data"]["application/javascript"] == A11Y_SCRIPT
    for chart in explorer._all(ChartView):
        assert f'alt="{html.escape(chart.alt, quote=True)}"' in chart.value and len(chart.alt) > 40


@pytest.mark.parametrize(
    "make, moves",
    [
        (share_explorer, [("Spending change", -10.0)]),
        (plan_path_explorer, [("Growth, first step", 10.0)]),
        (index_problem_explorer, [("Machines: output multiple", 12.0)]),
        (output_explorer, [("Base", "1925 = 100")]),
        (technology_explorer, [("Topic", "Coal-cutting machines in the coal industry (units)")]),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_a_live_charts_alt_is_rebuilt_from_its_data_on_every_update(make, moves):
    """The alt of the chart a student sees follows the control: it is the static charts' generator, run again."""
    from soviet_numbers.chart_text import describe

    explorer = make()
    chart = explorer._all(ChartView)[0]
    before = chart.alt
    for label, value in moves:
        control(explorer, label).value = value
    assert chart.alt != before
    assert chart.alt == describe(explorer._figure()).alt


def test_technology_chart_years_differ_by_more_than_colour():
    """The two years' bars differ in hatch and in fill, and the fills differ by at least 3:1 (no longer two blues)."""
    from matplotlib.colors import to_rgb

    from soviet_numbers.explorers.lecture2 import TECH_TOPICS, tech_figure

    def luminance(colour):
        channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    for topic in TECH_TOPICS:
        ax = tech_figure(topic).axes[0]
        first, second = (container.patches[0] for container in ax.containers)
        assert first.get_hatch() != second.get_hatch()
        light, dark = sorted((luminance(first.get_facecolor()), luminance(second.get_facecolor())), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 3, topic
