"""An LMS bulk download (zip) becomes a submissions folder: one notebook per student, the newest copy.

    soviet-numbers collect BULK.zip --lms canvas|moodle --out submissions/

The file names carry the student. The patterns read here (as nbgrader's ``zip_collect`` reads them, with a regular
expression per file name: nbgrader's user guide, "Managing assignment files manually", FileNameCollectorPlugin):

- **Canvas** ("Download Submissions"): ``lastnamefirstname_12345_67890_filename.ipynb`` (the student's name with no
  spaces, their Canvas user id, the submission id, the file name as uploaded), with ``LATE_`` after the name for a
  late submission: ``lastnamefirstname_LATE_12345_67890_filename.ipynb``.
- **Moodle** (Assignment, "Download all submissions"): one folder per student,
  ``Full Name_12345_assignsubmission_file_/filename.ipynb`` (the participant's full name, a participant id, the
  submission plugin ``assignsubmission_file``).

No page of Instructure's or Moodle's own documentation stating these names was found among the documents this
course could read: the patterns are those of the downloads themselves, as the brief of issue 22 and nbgrader's
collector describe them. A file that matches neither is listed as skipped, never guessed at.

The newest copy per student wins (the zip entry's time, then the larger submission id); the others are reported.
The zip is never extracted: only the matching notebooks' bytes are read (each at most 50 MB), and written under a
name made from the student's, atomically, and only over files ``collect`` wrote before.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .outputs import Refusal, check_outputs, inside, write_atomic

MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024
PATTERNS = {
    "canvas": re.compile(r"^(?P<name>[^/_]+)_(?P<late>LATE_|late_)?(?P<uid>\d+)_(?P<sid>\d+)_(?P<file>[^/]+\.ipynb)$"),
    "moodle": re.compile(
        r"^(?:.*/)?(?P<name>[^/]+?)_(?P<uid>\d+)_assignsubmission_file_/(?:.*/)?(?P<file>[^/]+\.ipynb)$"
    ),
}


@dataclass
class Entry:
    student: str
    uid: str
    order: tuple
    info: zipfile.ZipInfo


def _student(name: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-." else "_" for c in name.strip().replace(" ", "_"))
    return safe.strip("._") or "student"


def read_bulk(bulk: Path, lms: str) -> tuple[dict[str, list[Entry]], list[str]]:
    """Per student, their notebooks in the zip (newest first); and the names that matched no pattern."""
    if lms not in PATTERNS:
        raise Refusal(f"unknown LMS {lms!r}; choose one of {', '.join(PATTERNS)}")
    try:
        archive = zipfile.ZipFile(bulk)
    except (OSError, zipfile.BadZipFile) as exc:
        raise Refusal(f"cannot read the bulk download {bulk}: {exc}") from None
    found: dict[str, list[Entry]] = {}
    skipped = []
    with archive:
        for info in archive.infolist():
            if info.is_dir() or "__MACOSX" in info.filename:
                continue
            match = PATTERNS[lms].match(info.filename)
            if not match:
                skipped.append(info.filename)
                continue
            sid = int(match.groupdict().get("sid") or 0)
            entry = Entry(_student(match["name"]), match["uid"], (info.date_time, sid, info.filename), info)
            found.setdefault(entry.student, []).append(entry)
    for student, entries in list(found.items()):
        if len({e.uid for e in entries}) > 1:  # two people with the same name: the id tells them apart
            del found[student]
            for e in entries:
                found.setdefault(f"{student}_{e.uid}", []).append(e)
    for entries in found.values():
        entries.sort(key=lambda e: e.order, reverse=True)
    return found, skipped


def collect_bulk(bulk: Path, lms: str, out: Path) -> dict[str, tuple[str, list[str]]]:
    """Write ``out/<student>.ipynb`` for each student; returns student -> (zip entry written, older entries)."""
    bulk, out = Path(bulk), Path(out)
    if not bulk.is_file():
        raise Refusal(f"no such file {bulk}")
    if inside(bulk, out):
        raise Refusal(f"the bulk download {bulk} is inside the output folder {out}")
    found, skipped = read_bulk(bulk, lms)
    if not found:
        raise Refusal(
            f"no notebook in {bulk} is named as a {lms} bulk download names them ({len(skipped)} files skipped)"
        )
    targets = {student: out / f"{student}.ipynb" for student in found}
    check_outputs(list(targets.values()), inputs=[bulk])
    for entries in found.values():
        if entries[0].info.file_size > MAX_NOTEBOOK_BYTES:
            raise Refusal(f"{entries[0].info.filename} is over {MAX_NOTEBOOK_BYTES // 2**20} MB")
    result = {}
    with zipfile.ZipFile(bulk) as archive:
        for student, entries in sorted(found.items()):
            newest = entries[0]
            write_atomic(targets[student], archive.read(newest.info))
            result[student] = (newest.info.filename, [e.info.filename for e in entries[1:]])
    return result
