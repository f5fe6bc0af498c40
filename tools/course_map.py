"""The README's course map, generated from course.yml: ``python tools/course_map.py`` rewrites it in place.

The map sits between the markers ``<!-- course-map:start -->`` and ``<!-- course-map:end -->``;
tests/test_readme.py fails while it is out of step with the manifest (``--check`` does the same here).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository's package, even if not installed

from soviet_numbers import course  # noqa: E402
from soviet_numbers.edition import course_map  # noqa: E402

START, END = "<!-- course-map:start -->", "<!-- course-map:end -->"


def render() -> str:
    """The map: one row per unit, in course order, then the exercise notebooks (launch links open the student
    edition; soviet_numbers/edition.py)."""
    return course_map()


def updated(readme: str) -> str:
    """The README's text with its map replaced by a fresh one."""
    before, start, rest = readme.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"README.md needs the markers {START} and {END}")
    return f"{before}{START}\n{render()}{END}{after}"


def main(argv: list[str] | None = None) -> int:
    readme = course.ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = updated(text)
    if "--check" in (argv if argv is not None else sys.argv[1:]):
        print("README course map " + ("in step" if new == text else "out of step: run python tools/course_map.py"))
        return int(new != text)
    readme.write_text(new, encoding="utf-8")
    print("wrote the course map of README.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
