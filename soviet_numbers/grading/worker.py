"""The process that runs one submission inside the sandbox: a request on stdin, the result on stdout.

    bwrap ... python -m soviet_numbers.grading.worker < request.json

The request is JSON: ``nonce``, ``notebook`` (the submission's bytes, base64), ``assignment``, ``variables`` and
``timeout``. The result is one line, the nonce followed by JSON; anything else on stdout is ignored.
"""

from __future__ import annotations

import base64
import json
import sys


def main() -> int:
    # nbformat imports jsonschema, whose optional IRI format checker (rfc3987_syntax) builds a grammar for about
    # 1.2 s at import. Notebooks never use that format, and every sandboxed run pays the import, so go without it.
    sys.modules.setdefault("rfc3987_syntax", None)
    request = json.loads(sys.stdin.read())
    from .execute import run_submission

    try:
        result = run_submission(
            base64.b64decode(request["notebook"]), request["assignment"], request["variables"], request["timeout"]
        )
    except Exception as exc:  # noqa: BLE001 - report, never crash the grader
        result = {
            "payload": {},
            "problem": f"the sandboxed run failed ({type(exc).__name__})",
            "cell_problems": [],
            "notes": [],
        }
    sys.stdout.write("\n" + request["nonce"] + json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
