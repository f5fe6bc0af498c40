"""Hostile submissions meet the bubblewrap sandbox: each is stopped, grading goes on, other rows are unaffected."""

import hashlib
import os
import socket
import sys
import threading
import uuid
from pathlib import Path

import nbformat
import pytest
from helpers import ASSIGNMENT, answered, rows_of
from helpers import write_notebook as write

from soviet_numbers.grading.grade import NO_SANDBOX_NOTE, grade_submissions
from soviet_numbers.grading.sandbox import SandboxUnavailable, _package_dirs, unavailable_reason

pytestmark = [
    pytest.mark.grading,  # a class graded in the sandbox: its own .ci/run step (pyproject.toml)
    pytest.mark.skipif(
        unavailable_reason() is not None and not os.environ.get("CI"), reason=f"no sandbox here: {unavailable_reason()}"
    ),
]
SECRET = "hunter2-instructor-secret"
ROSTER_SECRET = "carol-roster-secret-9001"  # in a roster the test leaves in the course folder
FREE_TEXT = "FREE-TEXT-FROM-A-STUDENT"
COURSE = _package_dirs()[0].parent  # the course folder of an editable install (this repository)


def _serve(server: socket.socket, connections: list, stop: threading.Event) -> socket.socket:
    """Listen on a bound socket in a thread, keeping every connection made to it, until ``stop`` is set."""
    server.listen()
    server.settimeout(0.2)

    def accept():
        while not stop.is_set():
            try:
                connections.append(server.accept()[0])
            except OSError:
                continue

    threading.Thread(target=accept, daemon=True).start()
    return server


def _unix_server(address: str, connections: list, stop: threading.Event) -> socket.socket:
    server = socket.socket(socket.AF_UNIX)
    server.bind(address)
    return _serve(server, connections, stop)


def _hostile(code: str, at_end: bool = False):
    """A diligent student's notebook with one more cell: the attack (after the imports, or last)."""
    nb = answered()
    index = len(nb.cells) if at_end else next(i for i, c in enumerate(nb.cells) if "import check" in c.source) + 1
    nb.cells.insert(index, nbformat.v4.new_code_cell(code))
    return nb


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    base = tmp_path_factory.mktemp("sandbox")
    subs, out, instructor = base / "submissions", base / "out", base / "instructor"
    out.mkdir()
    instructor.mkdir()
    (out / "roster.csv").write_text("student,email\nalice,a@example.edu\n", encoding="utf-8")
    (instructor / "answers.txt").write_text("the instructor's own file\n", encoding="utf-8")

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    port, connections, stop = server.getsockname()[1], [], threading.Event()
    _serve(server, connections, stop)
    write(subs, "alice.ipynb", answered())
    write(
        subs,
        "escaper.ipynb",
        _hostile(
            "import os\n"
            f"targets = ['../../ESCAPED.txt', '/ESCAPED.txt', {str(base / 'ESCAPED.txt')!r}, '/root/SN_ESCAPED.txt']\n"
            "for target in targets:\n"
            "    try:\n"
            "        open(target, 'w').write('x')\n"
            "    except OSError as exc:\n"
            "        print('blocked', exc)\n"
        ),
    )
    # One vandal walks the file system to rewrite other submissions, the gradebook and the instructor's files,
    # and copies the instructor's environment into an answer.
    write(
        subs,
        "vandal.ipynb",
        _hostile(
            "import glob, os\n"
            f"leak = os.environ.get({'SN_INSTRUCTOR_SECRET'!r}, 'no secret') + ' ' + ' '.join(sorted(os.environ))\n"
            f"targets = glob.glob({str(subs)!r} + '/**/*.ipynb', recursive=True)\n"
            f"targets += [{str(out / 'roster.csv')!r}, {str(out / 'grades.csv')!r}]\n"
            f"targets += [{str(instructor / 'answers.txt')!r}]\n"
            "for root in ('/tmp', '/root', '/home', '/work', '/srv', '/mnt', os.path.expanduser('~')):\n"
            "    targets += glob.glob(root + '/*/*.ipynb') + glob.glob(root + '/*/*/*.csv')\n"
            "for path in targets:\n"
            "    try:\n"
            "        open(path, 'a').write('PWNED')\n"
            "    except OSError:\n"
            "        pass\n"
            "written_answer_silences = leak  # handed in as a written answer\n",
            at_end=True,
        ),
    )
    write(
        subs, "caller.ipynb", _hostile(f"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=3)\n")
    )
    write(
        subs,
        "forker.ipynb",
        _hostile(
            "import os, time\n"
            "children = []\n"
            "for _ in range(2000):\n"
            "    pid = os.fork()\n"
            "    if pid == 0:\n"
            "        time.sleep(60)\n"
            "        os._exit(0)\n"
            "    children.append(pid)\n"
        ),
    )
    write(subs, "hog.ipynb", _hostile("hog = bytearray(16 * 1024 ** 3)\n"))
    # One snoop looks for the course's history and roster and for Unix sockets (on the file system and abstract),
    # and tries to send what it finds back through its feedback: an error message, a wrong answer, a type's name.
    tag = uuid.uuid4().hex[:12]
    roster = COURSE / f"roster-sn-test-{tag}.csv"
    roster.write_text(f"student,email\ncarol,{ROSTER_SECRET}\n", encoding="utf-8")
    unix_path = f"/run/sn-test-{tag}.sock"
    unix_connections: list = []
    unix_servers = [
        _unix_server(unix_path, unix_connections, stop),
        _unix_server(f"\0sn-test-{tag}", unix_connections, stop),
    ]
    write(
        subs,
        "snoop.ipynb",
        _hostile(
            "import os, socket\n"
            "seen, leak = [], ''\n"
            f"for path in [{str(COURSE / '.git')!r}, {str(roster)!r}, {str(COURSE / 'solutions')!r}, '/run']:\n"
            "    seen.append(f'{os.path.basename(path)}:{os.path.exists(path)}')\n"
            f"seen.append('course:' + ','.join(sorted(os.listdir({str(COURSE)!r}))))\n"
            f"for path in [{str(roster)!r}, {str(COURSE / '.git')!r}, {str(COURSE / '.git' / 'HEAD')!r}]:\n"
            "    try:\n"
            "        leak += open(path).read()\n"
            "    except OSError:\n"
            "        pass\n"
            f"for name, address in [('unix', {unix_path!r}), ('abstract', {chr(0) + 'sn-test-' + tag!r})]:\n"
            "    try:\n"
            "        socket.socket(socket.AF_UNIX).connect(address)\n"
            "        seen.append(name + ':connected')\n"
            "    except OSError as exc:\n"
            "        seen.append(name + ':' + type(exc).__name__)\n"
            "written_answer = ' '.join(seen) + ' ' + leak + '\\n\\n## fake section\\n<img src=x onerror=alert(1)>'\n"
            "increase_is = leak or 'nothing found'\n"
            "deposits_increase = type(('L' + leak.replace(',', '_').replace('\\n', '_'))[:60] or 'nothing', (), {})()\n"
            f"raise RuntimeError({FREE_TEXT!r} + leak)\n",
            at_end=True,
        ),
    )

    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in base.rglob("*") if p.is_file()}
    os.environ["SN_INSTRUCTOR_SECRET"] = SECRET
    try:
        rows = grade_submissions(subs, ASSIGNMENT, out / "grades.csv", timeout=20, workers=2)
    finally:
        del os.environ["SN_INSTRUCTOR_SECRET"]
        stop.set()
        roster.unlink()
        for server in unix_servers:
            server.close()
        Path(unix_path).unlink(missing_ok=True)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before}
    return {
        "rows": rows,
        "before": before,
        "after": after,
        "base": base,
        "out": out,
        "connections": connections,
        "unix_connections": unix_connections,
    }


LEAKED = ("increase_is", "deposits_increase")  # the answers the snoop overwrote with what it found


def _points(rows, student):
    return sum(r.points for r in rows_of(rows, student))


def _notes(rows, student):
    return " ".join(r.message for r in rows_of(rows, student) if r.status in ("note", "error"))


def test_every_attacker_still_gets_its_row_and_alice_is_unaffected(attacked):
    rows = attacked["rows"]
    assert _points(rows, "alice") == 9
    assert _points(rows, "snoop") == 9 - sum(r.max_points for r in rows_of(rows, "snoop") if r.variable in LEAKED)
    for student in ("escaper", "vandal", "caller", "forker", "hog"):
        assert rows_of(rows, student), student
        assert _points(rows, student) == 9, (student, _notes(rows, student))  # its own correct answers still count


def test_writing_outside_its_folder_is_stopped(attacked):
    base = attacked["base"]
    for path in (Path("/ESCAPED.txt"), base / "ESCAPED.txt", Path("/root/SN_ESCAPED.txt")):
        assert not path.exists(), path


def test_walking_the_file_system_touches_no_submission_gradebook_or_instructor_file(attacked):
    assert attacked["before"] == attacked["after"]
    for path in attacked["out"].rglob("*"):
        if path.is_file():
            assert "PWNED" not in path.read_text(encoding="utf-8"), path


def test_no_network(attacked):
    assert attacked["connections"] == []
    assert "code cell" in _notes(attacked["rows"], "caller")


def _outputs_text(out: Path) -> str:
    return " ".join(p.read_text(encoding="utf-8") for p in sorted(out.rglob("*")) if p.is_file())


def test_no_unix_socket_on_the_file_system_or_abstract(attacked):
    assert attacked["unix_connections"] == []
    written = (attacked["out"] / f"written_{ASSIGNMENT}_1.7.md").read_text(encoding="utf-8")
    snoop = written.split("## snoop", 1)[1]
    assert "unix:FileNotFoundError" in snoop and "abstract:ConnectionRefusedError" in snoop


def test_the_course_history_roster_and_solutions_are_absent(attacked):
    written = (attacked["out"] / f"written_{ASSIGNMENT}_1.7.md").read_text(encoding="utf-8")
    snoop = written.split("## snoop", 1)[1]
    for name in (".git", "roster-sn-test-", "solutions", "run"):
        assert f"{name}" in snoop
    assert ":True" not in snoop.split("unix:", 1)[0], snoop[:400]
    # The package and its data: nothing else of the course, except the folder that holds this Python where a venv
    # lives inside the course (the portability step's build/): the sandbox mounts the interpreter read-only.
    seen = set(snoop.split("course:", 1)[1].split(" ", 1)[0].split(","))
    prefix = Path(sys.prefix).resolve()
    python_home = {prefix.relative_to(COURSE).parts[0]} if prefix.is_relative_to(COURSE) else set()
    assert {"data", "soviet_numbers"} <= seen <= {"data", "soviet_numbers"} | python_home, seen
    assert ROSTER_SECRET not in _outputs_text(attacked["out"])


def test_nothing_a_submission_prints_or_raises_travels_back_into_feedback(attacked):
    feedback = (attacked["out"] / "feedback" / "snoop.md").read_text(encoding="utf-8")
    assert "RuntimeError" in feedback and FREE_TEXT not in feedback  # the type's name, never its free text
    assert FREE_TEXT not in _outputs_text(attacked["out"])
    assert max(len(line) for line in feedback.splitlines()) < 1000  # bounded


def test_a_written_answer_cannot_forge_a_section_or_an_image(attacked):
    written = (attacked["out"] / f"written_{ASSIGNMENT}_1.7.md").read_text(encoding="utf-8")
    outside_blocks = written.split("```")[0::2]  # the text between code fences
    assert not any("## fake section" in part or "<img" in part for part in outside_blocks)
    assert "## fake section" in written  # verbatim, inside the snoop's block


def test_many_processes_are_stopped(attacked):
    assert "BlockingIOError" in _notes(attacked["rows"], "forker") or "process" in _notes(attacked["rows"], "forker")


def test_a_memory_hog_is_stopped(attacked):
    assert "MemoryError" in _notes(attacked["rows"], "hog")


def test_the_instructors_environment_is_invisible(attacked):
    everything = " ".join(r.message for r in attacked["rows"])
    for path in attacked["out"].rglob("*"):
        if path.is_file():
            everything += path.read_text(encoding="utf-8")
    assert SECRET not in everything and "SN_INSTRUCTOR_SECRET" not in everything
    assert "no secret" in everything  # the leak was handed in, and it held nothing of the instructor's


def test_grading_refuses_without_a_sandbox_and_notes_the_risk_when_told_to(tmp_path, monkeypatch):
    import soviet_numbers.grading.sandbox as sandbox

    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    assert "apt-get install bubblewrap" in sandbox.unavailable_reason()
    write(tmp_path / "subs", "alice.ipynb", answered())
    with pytest.raises(SandboxUnavailable):
        grade_submissions(tmp_path / "subs", ASSIGNMENT, tmp_path / "grades.csv", workers=1)
    rows = grade_submissions(tmp_path / "subs", ASSIGNMENT, tmp_path / "grades.csv", workers=1, sandboxed=False)
    assert NO_SANDBOX_NOTE in _notes(rows, "alice") and _points(rows, "alice") == 9
