"""axe-core in a Playwright page: the serious and critical findings, experimental rules included.

axe-core is the newest release on npm, pinned exactly in requirements-dev.txt (the line ``# npm: axe-core@X.Y.Z``;
no Python package bundles it: axe-playwright-python stops at 4.12). The first scan installs it with npm into
``build/axe-core-X.Y.Z`` and checks the version it got; it is then injected into the page and run there, against
Debian's chromium, with every rule axe marks experimental switched on as well as its defaults.
"""

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def axe_version() -> str:
    """The pinned axe-core version, from requirements-dev.txt (its one place)."""
    text = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    found = re.search(r"^# npm: axe-core@(\d+\.\d+\.\d+)\s*$", text, re.M)
    assert found, "requirements-dev.txt must pin axe-core: a line '# npm: axe-core@X.Y.Z'"
    return found.group(1)


@cache
def axe_source() -> str:
    version = axe_version()
    folder = ROOT / "build" / f"axe-core-{version}"
    script = folder / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        npm = shutil.which("npm")
        if npm is None:
            message = "npm not found: apt-get install npm (the accessibility checks install axe-core with it)"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--silent", f"axe-core@{version}"],
            check=True,
            timeout=300,
        )
    source = script.read_text(encoding="utf-8")
    assert re.match(rf"/\*! axe v{re.escape(version)}\s", source), f"{script} is not axe-core {version}"
    return source


# Every rule axe ships, experimental ones switched on too; returns the violations and how many rules ran.
RUN = """async (include) => {
  const experimental = axe.getRules(['experimental']).map(r => r.ruleId);
  const rules = Object.fromEntries(experimental.map(id => [id, {enabled: true}]));
  const context = include === null ? document : {include: include.map(s => [s])};
  const results = await axe.run(context, {resultTypes: ['violations'], rules});
  return {violations: results.violations, experimental, version: axe.version};
}"""


def scan(page, include: list[str] | None = None) -> dict:
    """Run axe (experimental rules on) on the page, or only inside the elements matching the CSS selectors.

    Returns ``violations``, the ``experimental`` rule ids that were switched on, and the axe ``version``.
    A scoped scan must match something: a selector that matches no element is an error, not a silent pass.
    """
    if include is not None:
        empty = [selector for selector in include if not page.locator(selector).count()]
        assert include and not empty, f"the scan's scope matched nothing for {empty or 'an empty list'}"
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(RUN, include)
    assert result["version"] == axe_version(), result["version"]
    assert result["experimental"], "axe reported no experimental rules to switch on"
    return result


def serious(violations: list[dict]) -> list[str]:
    """One line per serious or critical finding: the rule, how many elements, the first element."""
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}): {v['nodes'][0]['target']} {v['help']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def serious_findings(page, include: list[str] | None = None) -> list[str]:
    """The serious and critical findings of :func:`scan`."""
    return serious(scan(page, include)["violations"])
