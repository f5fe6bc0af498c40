"""Command line: ``python -m soviet_numbers build-exercises [--check]``."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="soviet-numbers", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build-exercises", help="write exercises/ from solutions/")
    b.add_argument("--check", action="store_true", help="only report notebooks that are out of sync (exit 1)")
    args = parser.parse_args(argv)
    if args.command == "build-exercises":
        from .build_exercises import ROOT, build

        stale = build(check=args.check)
        for path in stale:
            print(("out of sync: " if args.check else "wrote: ") + str(path.relative_to(ROOT)))
        if not stale:
            print("exercises/ is in sync with solutions/")
        return 1 if (args.check and stale) else 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
