"""The arithmetic helpers, and the text's own arithmetic reproduced from its own figures."""

import math

import pytest

from soviet_numbers import arithmetic as ar
from soviet_numbers.claims import audit_claims, evaluate, verdict
from soviet_numbers.data import value


def test_multiple_and_growth():
    assert ar.multiple(367.2, 2504.8) == pytest.approx(6.8214, abs=1e-4)
    assert ar.percent_change(463.9, 382.1) == pytest.approx(-17.633, abs=1e-3)
    assert ar.average_annual_growth(100, 200, 1) == pytest.approx(100)
    assert ar.average_annual_growth(21.3, 315.8, 4) == pytest.approx(96.23, abs=0.01)
    with pytest.raises(ValueError):
        ar.average_annual_growth(1, 2, 0)
    with pytest.raises(ZeroDivisionError):
        ar.multiple(0, 1)


def test_implied_total_and_share():
    assert ar.implied_total(382.1, 3.29) == pytest.approx(11613.98, abs=0.01)
    assert ar.share(4177, 10200) == pytest.approx(40.951, abs=1e-3)
    with pytest.raises(ValueError):
        ar.implied_total(1, 0)


def test_share_decomposition_is_exact_in_logs():
    d = ar.decompose_share_change(463.9, 382.1, 463.9 / 0.0818, 382.1 / 0.0329)
    assert d["share_start"] == pytest.approx(8.18) and d["share_end"] == pytest.approx(3.29)
    assert d["from_part"] + d["from_whole"] == pytest.approx(d["log_change_share"])
    assert d["fraction_from_whole"] == pytest.approx(0.787, abs=1e-3)
    assert d["fraction_from_part"] + d["fraction_from_whole"] == pytest.approx(1)
    flat = ar.decompose_share_change(10, 10, 100, 100)
    assert math.isnan(flat["fraction_from_whole"])


def test_printed_precision():
    assert ar.printed_precision("40.7") == 1 and ar.printed_precision("267") == 0


# --- the text's own arithmetic -------------------------------------------------------------------------------


def test_output_increase_is_exact():
    assert value("P85") - value("P86") == value("P89") == 12184


def test_five_plan_years_sum_to_16_4_billion():
    total = sum(value(f"P{i}") for i in range(27, 32))
    assert total == 16353
    assert round(total / 1000, 1) == value("P32") == 16.4


def test_group_a_share_1913_does_not_match_and_we_say_so():
    """Stated 40.7%; the text's own figures give 4177 / 10200 = 40.95%. Documented, not hidden."""
    computed = value("P92") / (value("P87") * 1000) * 100
    assert computed == pytest.approx(40.95, abs=0.005)
    assert value("P95") == 40.7
    claims = audit_claims()
    assert claims.loc["C15", "verdict"] == "off"
    assert claims.loc["C15", "gap"] == pytest.approx(0.251, abs=1e-3)


def test_every_other_claim_holds_at_printed_precision():
    claims = audit_claims()
    off = claims[claims["verdict"].isin(["off", "fails"])]
    assert list(off.index) == ["C15"]
    assert claims.loc["C01", "verdict"] == "consistent"  # "almost seven times" = 6.82
    assert claims.loc["C04", "verdict"] == "matches"  # "15 times" = 14.83, rounded


def test_lecture_filter():
    assert set(audit_claims(lecture=1).index) == {"C01", "C02", "C03", "C04", "C05", "C06"}


def test_verdict_rules():
    assert verdict(6.82, 7, "7", "almost") == "consistent"
    assert verdict(7.2, 7, "7", "almost") == "off"
    assert verdict(2.14, 2, "2", "over") == "consistent"
    assert verdict(3.5, 4, "4", "less than") == "consistent"
    assert verdict(40.95, 40.7, "40.7") == "off"
    assert verdict(85.89, 86, "86") == "matches"


def test_evaluator_is_restricted():
    assert evaluate("P01 + 1", lambda fid: 2.0) == 3.0
    with pytest.raises(ValueError):
        evaluate("__import__('os')", lambda fid: 1.0)


def test_rebase_and_catch_up():
    assert ar.rebase([50, 100, 200], 100) == [50, 100, 200]
    assert ar.rebase([7739, 19923], 7739)[1] == pytest.approx(257.44, abs=0.01)
    with pytest.raises(ZeroDivisionError):
        ar.rebase([1], 0)
    assert ar.years_to_catch_up(100, 200, 100) == pytest.approx(1)
    assert ar.years_to_catch_up(300, 200, 1) == 0
    assert ar.years_to_catch_up(100, 200, 2, 3) == math.inf
    assert ar.years_to_catch_up(100, 200, 3, 1) == pytest.approx(math.log(2) / math.log(1.03 / 1.01))


def test_laspeyres_and_paasche():
    q0, q1 = [100, 10], [150, 50]
    assert ar.laspeyres_quantity(q0, q1, [1, 10]) == pytest.approx(3.25)
    assert ar.paasche_quantity(q0, q1, [1, 5]) == pytest.approx(400 / 150)
    assert ar.laspeyres_quantity(q0, q0, [1, 10]) == 1
