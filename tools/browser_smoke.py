"""Open a notebook in a real JupyterLab (headless Debian chromium), Run All, move a slider, take screenshots.

    jupyter lab --no-browser --port 8899 --IdentityProvider.token= --ServerApp.allow_root=True &
    python tools/browser_smoke.py [NOTEBOOK] [OUTDIR]

Needs `pip install playwright` and `apt-get install chromium` (never `playwright install`).
"""
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(notebook="notebooks/01_sources_of_accumulation.ipynb", outdir="build/screens", port=8899):
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"http://127.0.0.1:{port}/lab/tree/{notebook}?reset")
        page.wait_for_selector(".jp-Notebook", timeout=60000)
        time.sleep(3)
        page.get_by_text("Run", exact=True).first.click(timeout=10000)
        page.get_by_text("Run All Cells", exact=True).click(timeout=10000)
        page.wait_for_selector(".widget-slider", timeout=60000)
        time.sleep(8)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
        print("stderr outputs:", errors)
        slider = page.locator(".widget-slider").first
        slider.scroll_into_view_if_needed()
        page.screenshot(path=str(out / "share_explorer_before.png"))
        handle = slider.locator(".noUi-handle").first
        box = handle.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.down()
        page.mouse.move(box["x"] + 200, box["y"] + box["height"] / 2, steps=10)
        page.mouse.up()
        time.sleep(3)
        page.screenshot(path=str(out / "share_explorer_after.png"))
        dropdown = page.locator(".widget-dropdown select").first
        dropdown.scroll_into_view_if_needed()
        dropdown.select_option(index=5)
        time.sleep(2)
        page.screenshot(path=str(out / "growth_explorer.png"))
        print("growth readout:", page.locator(".widget-html-content").first.inner_text()[:300])
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
