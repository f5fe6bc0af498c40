"""axe-core in a Playwright page: the serious and critical findings (WCAG 2.1 A/AA and best practice).

axe-core comes bundled with the axe-playwright-python package (requirements-dev.txt); it is injected into the page
and run there, against Debian's chromium.
"""

from functools import cache
from pathlib import Path


@cache
def axe_source() -> str:
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text(encoding="utf-8")


def serious_findings(page, include: list[str] | None = None) -> list[str]:
    """Run axe on the page (or only on the elements matching the CSS selectors in ``include``).

    Returns one line per serious or critical finding: the rule, how many elements, and the first element.
    """
    if include is not None:
        include = [selector for selector in include if page.locator(selector).count()]
        if not include:
            return []
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    context = "document" if include is None else "{include: " + repr([[s] for s in include]) + "}"
    violations = page.evaluate(f"async () => (await axe.run({context}, {{resultTypes: ['violations']}})).violations")
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}): {v['nodes'][0]['target']} {v['help']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
