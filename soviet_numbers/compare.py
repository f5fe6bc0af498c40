"""Official figures against outside ones: Maddison GDP per capita levels and catching up."""

from __future__ import annotations

import math

from . import arithmetic as ar

COUNTRIES = {
    "GBR": "United Kingdom",
    "USA": "United States",
    "DEU": "Germany",
    "JPN": "Japan",
    "FRA": "France",
    "ITA": "Italy",
}


def gdppc(countrycode: str, year: int) -> float:
    from .data import MADDISON_FILE, external_table

    m = external_table(MADDISON_FILE)
    row = m[(m["countrycode"] == countrycode) & (m["year"] == year)]
    if row.empty or row["gdppc_2011usd"].isna().all():
        raise KeyError(f"no Maddison value for {countrycode} in {year}")
    return float(row["gdppc_2011usd"].iloc[0])


def catch_up(target: str, year: int, ussr_rate: float, target_rate: float) -> dict:
    """Years for the USSR (Maddison SUN) to reach ``target``'s GDP per capita, from ``year``'s levels."""
    level, other = gdppc("SUN", year), gdppc(target, year)
    years = ar.years_to_catch_up(level, other, ussr_rate, target_rate)
    return {
        "ussr": level,
        "target": other,
        "ratio": level / other,
        "years": years,
        "reached_in": year + math.ceil(years) if math.isfinite(years) else None,
    }
