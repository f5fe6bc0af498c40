"""The table of auto-graded parts in docs/instructors.md (exercise, part, stated precision, tolerance, variants),
generated from the exercise modules: ``python tools/variant_table.py`` rewrites it; ``--check`` says whether it is in
step (tests/test_variants.py runs the same check).

The table sits between ``<!-- variant-table:start -->`` and ``<!-- variant-table:end -->``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository's package, even if not installed

from soviet_numbers.course import ROOT  # noqa: E402
from soviet_numbers.variants import precision_markdown  # noqa: E402

START, END = "<!-- variant-table:start -->", "<!-- variant-table:end -->"
PAGE = ROOT / "docs" / "instructors.md"


def updated(text: str) -> str:
    before, start, rest = text.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"{PAGE} needs the markers {START} and {END}")
    return f"{before}{START}\n{precision_markdown()}{END}{after}"


def main(argv: list[str] | None = None) -> int:
    text = PAGE.read_text(encoding="utf-8")
    new = updated(text)
    if "--check" in (argv if argv is not None else sys.argv[1:]):
        print("variant table " + ("in step" if new == text else "out of step: run python tools/variant_table.py"))
        return int(new != text)
    PAGE.write_text(new, encoding="utf-8")
    print(f"wrote the variant table of {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
